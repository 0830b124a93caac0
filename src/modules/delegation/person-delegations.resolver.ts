import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../records/context";
import { Person } from "../people";
import { Delegation } from "./delegation";
import { delegationsOfMember } from "./delegation.loaders";

// Person.delegations lives with the delegations, which own the membership link table.
@Resolver(() => Person)
export class PersonDelegationsResolver {
  @FieldResolver(() => [Delegation], { description: "The delegations this person travelled with." })
  delegations(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Delegation[]> {
    return ctx.loaders.get(delegationsOfMember).load(person.id);
  }
}
