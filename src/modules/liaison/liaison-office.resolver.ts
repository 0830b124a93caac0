import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { OrderDirection, PageArgsInput } from "../../graphql/connection";
import { HubContext } from "../../graphql/context";
import { checkId } from "../../graphql/input-checks";
import { RecordMutations } from "../../graphql/record-mutations";
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
export class LiaisonOfficeResolver extends RecordMutations(
  LiaisonOffice,
  LiaisonOfficeInput,
  LiaisonOfficePatch,
  (ctx) => new LiaisonOfficeService(ctx),
) {
  @Query(() => LiaisonOfficeConnection)
  async liaisonOffices(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => LiaisonOfficeFilter, { nullable: true }) filter?: LiaisonOfficeFilter,
    @Arg("orderBy", () => LiaisonOfficeOrder, { nullable: true })
    orderBy?: InstanceType<typeof LiaisonOfficeOrder>,
  ) {
    const order = orderBy ?? { field: LiaisonOfficeOrderField.NAME, direction: OrderDirection.ASC };
    return new LiaisonOfficeConnection(
      await new LiaisonOfficeService(ctx).list(filter ?? {}, order, page),
    );
  }

  @Query(() => LiaisonOffice, { nullable: true })
  liaisonOffice(
    @Ctx() ctx: HubContext,
    @Arg("id", () => ID) id: string,
  ): Promise<LiaisonOffice | null> {
    return ctx.loaders.get(liaisonOfficeById).load(checkId(id, "id"));
  }

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
