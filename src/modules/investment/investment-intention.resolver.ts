import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { OrderDirection, PageArgsInput } from "../../graphql/connection";
import { HubContext } from "../../graphql/context";
import { checkId } from "../../graphql/input-checks";
import { RecordMutations } from "../../graphql/record-mutations";
import { Delegation } from "../delegation/delegation";
import { delegationById } from "../delegation/delegation.loaders";
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
export class InvestmentIntentionResolver extends RecordMutations(
  InvestmentIntention,
  InvestmentIntentionInput,
  InvestmentIntentionPatch,
  (ctx) => new InvestmentIntentionService(ctx),
) {
  @Query(() => InvestmentIntentionConnection)
  async investmentIntentions(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => InvestmentIntentionFilter, { nullable: true })
    filter?: InvestmentIntentionFilter,
    @Arg("orderBy", () => InvestmentIntentionOrder, { nullable: true })
    orderBy?: InstanceType<typeof InvestmentIntentionOrder>,
  ) {
    const order = orderBy ?? {
      field: InvestmentIntentionOrderField.CREATED_AT,
      direction: OrderDirection.ASC,
    };
    return new InvestmentIntentionConnection(
      await new InvestmentIntentionService(ctx).list(filter ?? {}, order, page),
    );
  }

  @Query(() => InvestmentIntention, { nullable: true })
  investmentIntention(
    @Ctx() ctx: HubContext,
    @Arg("id", () => ID) id: string,
  ): Promise<InvestmentIntention | null> {
    return ctx.loaders.get(investmentIntentionById).load(checkId(id, "id"));
  }

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
