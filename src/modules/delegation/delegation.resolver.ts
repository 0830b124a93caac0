import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { City, cityById, Country, countryByCode } from "../geography";
import { Partnership, partnershipById } from "../partnership";
import { Organization, membersOfDelegation, organizationById, Person } from "../people";
import { Approval, Delegation } from "./delegation";
import { DelegationFilter, DelegationInput, DelegationPatch } from "./delegation.inputs";
import { DelegationConnection, DelegationOrder, DelegationOrderField } from "./delegation.lists";
import { delegationById } from "./delegation.loaders";
import { DelegationService } from "./delegation.service";

@Resolver(() => Delegation)
export class DelegationResolver extends RecordResolver({
  Type: Delegation,
  Input: DelegationInput,
  Patch: DelegationPatch,
  Filter: DelegationFilter,
  Order: DelegationOrder,
  Connection: DelegationConnection,
  listName: "delegations",
  defaultOrder: { field: DelegationOrderField.START_DATE, direction: OrderDirection.DESC },
  byId: delegationById,
  service: (ctx) => new DelegationService(ctx),
}) {
  @Mutation(() => Delegation, {
    description:
      "Approves or rejects an outbound delegation; with `version`, refused with CONFLICT when stale.",
  })
  decideDelegation(
    @Ctx() ctx: HubContext,
    @Arg("id", () => ID) id: string,
    @Arg("approval", () => Approval) approval: Approval,
    @Arg("note", () => String, { nullable: true }) note?: string,
    @Arg("version", () => Int, { nullable: true }) version?: number,
  ): Promise<Delegation> {
    return new DelegationService(ctx).decide(id, approval, note, version);
  }

  @FieldResolver(() => City)
  homeCity(@Root() delegation: Delegation, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(delegation.homeCityId);
  }

  @FieldResolver(() => Country, { nullable: true })
  async counterpartCountry(
    @Root() delegation: Delegation,
    @Ctx() ctx: HubContext,
  ): Promise<Country | null> {
    return delegation.counterpartCountryCode
      ? ctx.loaders.get(countryByCode).load(delegation.counterpartCountryCode)
      : null;
  }

  @FieldResolver(() => City, { nullable: true })
  async counterpartCity(
    @Root() delegation: Delegation,
    @Ctx() ctx: HubContext,
  ): Promise<City | null> {
    return delegation.counterpartCityId
      ? ctx.loaders.get(cityById).load(delegation.counterpartCityId)
      : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  async organization(
    @Root() delegation: Delegation,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    return delegation.organizationId
      ? ctx.loaders.get(organizationById).load(delegation.organizationId)
      : null;
  }

  @FieldResolver(() => Partnership, {
    nullable: true,
    description: "The sister-city channel of the visit.",
  })
  async partnership(
    @Root() delegation: Delegation,
    @Ctx() ctx: HubContext,
  ): Promise<Partnership | null> {
    return delegation.partnershipId
      ? ctx.loaders.get(partnershipById).load(delegation.partnershipId)
      : null;
  }

  @FieldResolver(() => [Person])
  members(@Root() delegation: Delegation, @Ctx() ctx: HubContext): Promise<Person[]> {
    return ctx.loaders.get(membersOfDelegation).load(delegation.id);
  }
}
