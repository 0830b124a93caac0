import { Field, ID, InputType } from "type-graphql";
import { DatePrecision } from "../../records/date-precision";
import { CalendarDate, Decimal } from "../../records/scalars";
import { InvestmentKind, InvestmentStage } from "./investment-intention";
import { declareFilter, sameId, sameValue } from "../../db/filter-fields";

@InputType()
export class InvestmentIntentionFilter {
  @Field(() => ID, { nullable: true })
  targetCityId?: string;

  @Field(() => ID, { nullable: true, description: "The investing person or organization." })
  investorId?: string;

  @Field(() => InvestmentKind, { nullable: true })
  kind?: InvestmentKind;

  @Field(() => InvestmentStage, { nullable: true })
  stage?: InvestmentStage;
}

/** What each field asks for: lists and `investmentIntentionChanged` read it. */
export const InvestmentFilterFields = declareFilter(InvestmentIntentionFilter, {
  targetCityId: sameId("targetCityId"),
  investorId: sameId("investorPersonId", "investorOrganizationId"),
  kind: sameValue("kind"),
  stage: sameValue("stage"),
});

@InputType()
export class InvestmentIntentionInput {
  @Field(() => InvestmentKind)
  kind!: InvestmentKind;

  @Field({ nullable: true })
  sector?: string;

  @Field(() => Decimal, { nullable: true })
  amount?: string;

  @Field({ nullable: true, description: "ISO 4217; required with an amount." })
  currency?: string;

  @Field(() => InvestmentStage, { defaultValue: InvestmentStage.INTENTION })
  stage!: InvestmentStage;

  @Field(() => CalendarDate, { nullable: true })
  signedOn?: string;

  @Field(() => DatePrecision, {
    nullable: true,
    description: "How much of signedOn is known; DAY when signedOn is given alone.",
  })
  signedOnPrecision?: DatePrecision;

  @Field({ nullable: true })
  project?: string;

  @Field(() => ID, { nullable: true })
  investorPersonId?: string;

  @Field(() => ID, { nullable: true })
  investorOrganizationId?: string;

  @Field(() => ID)
  targetCityId!: string;

  @Field(() => ID, { nullable: true, description: "An organization of kind DEVELOPMENT_ZONE." })
  targetZoneId?: string;

  @Field(() => ID, { nullable: true, description: "The delegation during which it was signed." })
  delegationId?: string;
}

@InputType()
export class InvestmentIntentionPatch {
  @Field(() => InvestmentKind, { nullable: true })
  kind?: InvestmentKind;

  @Field(() => String, { nullable: true })
  sector?: string | null;

  @Field(() => Decimal, { nullable: true })
  amount?: string | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => InvestmentStage, { nullable: true })
  stage?: InvestmentStage;

  @Field(() => CalendarDate, { nullable: true })
  signedOn?: string | null;

  @Field(() => DatePrecision, { nullable: true })
  signedOnPrecision?: DatePrecision;

  @Field(() => String, { nullable: true })
  project?: string | null;

  @Field(() => ID, { nullable: true })
  investorPersonId?: string | null;

  @Field(() => ID, { nullable: true })
  investorOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  targetCityId?: string;

  @Field(() => ID, { nullable: true })
  targetZoneId?: string | null;

  @Field(() => ID, { nullable: true })
  delegationId?: string | null;
}
