import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../records/context";
import { RecordMutations } from "../../records/record-mutations";
import { City, cityById } from "../geography";
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

  @FieldResolver(() => City)
  city(@Root() target: PlanTarget, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(target.cityId);
  }
}
