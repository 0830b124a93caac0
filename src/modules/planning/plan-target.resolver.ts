import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { RecordMutations } from "../../records/record-mutations";
import { PlanTarget } from "./plan-target";
import { PlanTargetInput, PlanTargetPatch } from "./planning.inputs";
import { PlanTargetService } from "./planning.service";

@Resolver(() => PlanTarget)
export class PlanTargetResolver extends RecordMutations(
  PlanTarget,
  PlanTargetInput,
  PlanTargetPatch,
  (ctx) => new PlanTargetService(ctx),
) {
  @Query(() => [PlanTarget], {
    description: "Plan targets, by year then metric; both arguments narrow the list.",
  })
  planTargets(
    @Ctx() ctx: HubContext,
    @Arg("cityId", () => ID, { nullable: true }) cityId?: string,
    @Arg("year", () => Int, { nullable: true }) year?: number,
  ): Promise<PlanTarget[]> {
    return new PlanTargetService(ctx).find({ cityId, year });
  }
}
