import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { Delegation, delegationById } from "../delegation";
import { City, cityById } from "../geography";
import { Organization, organizationById, Person, personById } from "../people";
import {
  InvestmentIntentionFilter,
  InvestmentIntentionInput,
  InvestmentIntentionPatch,
} from "./investment.inputs";
import {
  InvestmentIntentionConnection,
  InvestmentIntentionOrder,
  InvestmentIntentionOrderField,
} from "./investment.lists";
import { investmentIntentionById } from "./investment.loaders";
import { InvestmentIntentionService } from "./investment.service";
import { InvestmentIntention } from "./investment-intention";

@Resolver(() => InvestmentIntention)
export class InvestmentIntentionResolver extends RecordResolver({
  Type: InvestmentIntention,
  Input: InvestmentIntentionInput,
  Patch: InvestmentIntentionPatch,
  Filter: InvestmentIntentionFilter,
  Order: InvestmentIntentionOrder,
  Connection: InvestmentIntentionConnection,
  listName: "investmentIntentions",
  defaultOrder: { field: InvestmentIntentionOrderField.CREATED_AT, direction: OrderDirection.ASC },
  byId: investmentIntentionById,
  service: (ctx) => new InvestmentIntentionService(ctx),
}) {
  @FieldResolver(() => Person, { nullable: true })
  async investorPerson(
    @Root() intention: InvestmentIntention,
    @Ctx() ctx: HubContext,
  ): Promise<Person | null> {
    return intention.investorPersonId
      ? ctx.loaders.get(personById).load(intention.investorPersonId)
      : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  async investorOrganization(
    @Root() intention: InvestmentIntention,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    const id = intention.investorOrganizationId;
    return id ? ctx.loaders.get(organizationById).load(id) : null;
  }

  @FieldResolver(() => City)
  targetCity(@Root() intention: InvestmentIntention, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(intention.targetCityId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The development zone invested in.",
  })
  async targetZone(
    @Root() intention: InvestmentIntention,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    return intention.targetZoneId
      ? ctx.loaders.get(organizationById).load(intention.targetZoneId)
      : null;
  }

  @FieldResolver(() => Delegation, {
    nullable: true,
    description: "The delegation during which it was signed.",
  })
  async delegation(
    @Root() intention: InvestmentIntention,
    @Ctx() ctx: HubContext,
  ): Promise<Delegation | null> {
    return intention.delegationId
      ? ctx.loaders.get(delegationById).load(intention.delegationId)
      : null;
  }
}
