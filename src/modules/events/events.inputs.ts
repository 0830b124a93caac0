import { Field, ID, InputType } from "type-graphql";
import { Direction } from "../delegation";
import { InvestmentKind } from "../investment";
import { PartnershipKind } from "../partnership";

@InputType({ description: "Which new visits to hear of; every field given must match." })
export class DelegationRecordedFilter {
  @Field(() => ID, { nullable: true })
  homeCityId?: string;

  @Field(() => Direction, { nullable: true })
  direction?: Direction;

  @Field({ nullable: true })
  counterpartCountryCode?: string;
}

@InputType()
export class PartnershipChangedFilter {
  @Field(() => ID, { nullable: true })
  homeCityId?: string;

  @Field({ nullable: true })
  partnerCountryCode?: string;

  @Field(() => PartnershipKind, { nullable: true })
  kind?: PartnershipKind;
}

@InputType()
export class InvestmentIntentionChangedFilter {
  @Field(() => ID, { nullable: true })
  targetCityId?: string;

  @Field(() => InvestmentKind, { nullable: true })
  kind?: InvestmentKind;
}
