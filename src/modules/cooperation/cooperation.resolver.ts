import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { RecordMutations } from "../../records/record-mutations";
import { Cooperation, CooperationKind } from "./cooperation";
import { CooperationInput, CooperationPatch } from "./cooperation.inputs";
import { CooperationService } from "./cooperation.service";

@Resolver(() => Cooperation)
export class CooperationResolver extends RecordMutations(
  Cooperation,
  CooperationInput,
  CooperationPatch,
  (ctx) => new CooperationService(ctx),
) {
  @Query(() => [Cooperation], {
    description: "Cooperations of a city (home or partner side), by year.",
  })
  cooperations(
    @Ctx() ctx: HubContext,
    @Arg("cityId", () => ID, { nullable: true }) cityId?: string,
    @Arg("kind", () => CooperationKind, { nullable: true }) kind?: CooperationKind,
  ): Promise<Cooperation[]> {
    return new CooperationService(ctx).find({ cityId, kind });
  }
}
