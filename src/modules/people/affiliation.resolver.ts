import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../records/context";
import { Affiliation } from "./affiliation";
import { Organization } from "./organization";
import { organizationById, personById } from "./people.loaders";
import { Person } from "./person";

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @FieldResolver(() => Organization)
  organization(
    @Root() affiliation: Affiliation,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    return ctx.loaders.get(organizationById).load(affiliation.organizationId);
  }

  @FieldResolver(() => Person)
  person(@Root() affiliation: Affiliation, @Ctx() ctx: HubContext): Promise<Person | null> {
    return ctx.loaders.get(personById).load(affiliation.personId);
  }
}
