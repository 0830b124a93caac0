import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../records/context";
import { Partnership } from "../partnership";
import { Delegation } from "./delegation";
import { delegationsByPartnership } from "./delegation.loaders";

// Partnership.delegations lives with the delegations: the visits through a sister-city channel.
@Resolver(() => Partnership)
export class PartnershipDelegationsResolver {
  @FieldResolver(() => [Delegation], {
    description: "Visits through this partnership, latest first.",
  })
  delegations(@Root() partnership: Partnership, @Ctx() ctx: HubContext): Promise<Delegation[]> {
    return ctx.loaders.get(delegationsByPartnership).load(partnership.id);
  }
}
