import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
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
export class OrganizationResolver extends RecordResolver({
  Type: Organization,
  Input: OrganizationInput,
  Patch: OrganizationPatch,
  Filter: OrganizationFilter,
  Order: OrganizationOrder,
  Connection: OrganizationConnection,
  listName: "organizations",
  defaultOrder: { field: OrganizationOrderField.NAME_ZH, direction: OrderDirection.ASC },
  byId: organizationById,
  service: (ctx) => new OrganizationService(ctx),
}) {
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
