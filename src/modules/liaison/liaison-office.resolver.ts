import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { City, cityById, Country, countryByCode } from "../geography";
import { Organization, organizationById } from "../people";
import { LiaisonOfficeFilter, LiaisonOfficeInput, LiaisonOfficePatch } from "./liaison.inputs";
import {
  LiaisonOfficeConnection,
  LiaisonOfficeOrder,
  LiaisonOfficeOrderField,
} from "./liaison.lists";
import { liaisonOfficeById } from "./liaison.loaders";
import { LiaisonOfficeService } from "./liaison.service";
import { LiaisonOffice } from "./liaison-office";

@Resolver(() => LiaisonOffice)
export class LiaisonOfficeResolver extends RecordResolver({
  Type: LiaisonOffice,
  Input: LiaisonOfficeInput,
  Patch: LiaisonOfficePatch,
  Filter: LiaisonOfficeFilter,
  Order: LiaisonOfficeOrder,
  Connection: LiaisonOfficeConnection,
  listName: "liaisonOffices",
  defaultOrder: { field: LiaisonOfficeOrderField.NAME, direction: OrderDirection.ASC },
  byId: liaisonOfficeById,
  service: (ctx) => new LiaisonOfficeService(ctx),
}) {
  @FieldResolver(() => City, { description: "The Chinese city that runs the office." })
  ownerCity(@Root() office: LiaisonOffice, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(office.ownerCityId);
  }

  @FieldResolver(() => Country)
  hostCountry(@Root() office: LiaisonOffice, @Ctx() ctx: HubContext): Promise<Country | null> {
    return ctx.loaders.get(countryByCode).load(office.hostCountryCode);
  }

  @FieldResolver(() => City, { nullable: true })
  async hostCity(@Root() office: LiaisonOffice, @Ctx() ctx: HubContext): Promise<City | null> {
    return office.hostCityId ? ctx.loaders.get(cityById).load(office.hostCityId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  async partnerOrganization(
    @Root() office: LiaisonOffice,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    const id = office.partnerOrganizationId;
    return id ? ctx.loaders.get(organizationById).load(id) : null;
  }
}
