import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { OrderDirection, PageArgsInput } from "../../graphql/connection";
import { HubContext } from "../../graphql/context";
import { checkId } from "../../graphql/input-checks";
import { RecordMutations } from "../../graphql/record-mutations";
import { City, cityById, Country, countryByCode } from "../geography";
import { Affiliation } from "./affiliation";
import { Organization } from "./organization";
import { OrganizationFilter, OrganizationInput, OrganizationPatch } from "./people.inputs";
import { OrganizationConnection, OrganizationOrder, OrganizationOrderField } from "./people.lists";
import {
  affiliationsByOrganization,
  membersOfOrganization,
  organizationById,
} from "./people.loaders";
import { OrganizationService } from "./people.service";
import { Person } from "./person";

@Resolver(() => Organization)
export class OrganizationResolver extends RecordMutations(
  Organization,
  OrganizationInput,
  OrganizationPatch,
  (ctx) => new OrganizationService(ctx),
) {
  @Query(() => OrganizationConnection)
  async organizations(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter,
    @Arg("orderBy", () => OrganizationOrder, { nullable: true })
    orderBy?: InstanceType<typeof OrganizationOrder>,
  ) {
    const order = orderBy ?? {
      field: OrganizationOrderField.NAME_ZH,
      direction: OrderDirection.ASC,
    };
    return new OrganizationConnection(
      await new OrganizationService(ctx).list(filter ?? {}, order, page),
    );
  }

  @Query(() => Organization, { nullable: true })
  organization(
    @Ctx() ctx: HubContext,
    @Arg("id", () => ID) id: string,
  ): Promise<Organization | null> {
    return ctx.loaders.get(organizationById).load(checkId(id, "id"));
  }

  @FieldResolver(() => Country, { nullable: true })
  async country(
    @Root() organization: Organization,
    @Ctx() ctx: HubContext,
  ): Promise<Country | null> {
    return organization.countryCode
      ? ctx.loaders.get(countryByCode).load(organization.countryCode)
      : null;
  }

  @FieldResolver(() => City, { nullable: true })
  async city(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<City | null> {
    return organization.cityId ? ctx.loaders.get(cityById).load(organization.cityId) : null;
  }

  @FieldResolver(() => [Person], { description: "The people affiliated with the organization." })
  members(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<Person[]> {
    return ctx.loaders.get(membersOfOrganization).load(organization.id);
  }

  @FieldResolver(() => [Affiliation])
  affiliations(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<Affiliation[]> {
    return ctx.loaders.get(affiliationsByOrganization).load(organization.id);
  }
}
