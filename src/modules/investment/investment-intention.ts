import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { CalendarDate, Decimal } from "../../records/scalars";
import { Node, Row } from "../../core/node";
import { DatePrecision } from "../../records/date-precision";

export enum InvestmentKind {
  INVESTMENT = "INVESTMENT",
  DONATION = "DONATION",
  TRADE = "TRADE",
}
registerEnumType(InvestmentKind, { name: "InvestmentKind" });

export enum InvestmentStage {
  INTENTION = "INTENTION",
  SIGNED = "SIGNED",
  IN_PROGRESS = "IN_PROGRESS",
  REALIZED = "REALIZED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(InvestmentStage, {
  name: "InvestmentStage",
  valuesConfig: {
    INTENTION: { description: "意向" },
    SIGNED: { description: "签约" },
    REALIZED: { description: "落地" },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "An investment, donation or trade intention and how far it got.",
})
@Entity("investment_intention")
export class InvestmentIntention extends Row {
  @Field(() => InvestmentKind)
  @Column({ type: "text" })
  kind!: InvestmentKind;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  sector!: string | null;

  @Field(() => Decimal, {
    nullable: true,
    description: "Exact amount as a decimal string; null when the source gives none.",
  })
  @Column({ type: "numeric", nullable: true })
  amount!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 4217, e.g. CNY." })
  @Column({ type: "varchar", length: 3, nullable: true })
  currency!: string | null;

  @Field(() => InvestmentStage, {
    nullable: true,
    description: "Null when no source gives one (e.g. a donation the office only seeks).",
  })
  @Column({ type: "text", nullable: true })
  stage!: InvestmentStage | null;

  @Field(() => CalendarDate, { nullable: true })
  @Column({ name: "signed_on", type: "date", nullable: true })
  signedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `signedOn` is known." })
  @Column({ name: "signed_on_precision", type: "text", nullable: true })
  signedOnPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  project!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "investor_person_id", type: "uuid", nullable: true })
  investorPersonId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "investor_organization_id", type: "uuid", nullable: true })
  investorOrganizationId!: string | null;

  @Field(() => ID)
  @Column({ name: "target_city_id", type: "uuid" })
  targetCityId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: "target_zone_id", type: "uuid", nullable: true })
  targetZoneId!: string | null;

  @Column({ name: "target_zone_kind", type: "text", nullable: true })
  targetZoneKind!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "delegation_id", type: "uuid", nullable: true })
  delegationId!: string | null;
}

refusals(InvestmentIntention, {
  investment_intention_precision_of_date: {
    field: "input.signedOnPrecision",
    message: "needs a signedOn date",
  },
  investment_intention_amount_check: { field: "input.amount", message: "must not be negative" },
  investment_intention_currency_check: {
    field: "input.currency",
    message: "must be an ISO 4217 code",
  },
  investment_intention_currency_given: {
    field: "input.currency",
    message: "is required with an amount",
  },
  investment_intention_target_zone_fkey: {
    field: "input.targetZoneId",
    message: "is not a known development zone",
  },
  investment_intention_target_zone_kind: {
    field: "input.targetZoneId",
    message: "is not a known development zone",
  },
});
