import { Field, ID, InputType, Int } from "type-graphql";
import { CalendarDate } from "../../records/scalars";
import { Country, Region } from "../geography";
import { DatePrecision } from "../../records/date-precision";
import { Approval, Direction, Purpose } from "./delegation";
import {
  contains,
  declareFilter,
  inRelated,
  period,
  present,
  sameCountry,
  sameId,
  sameValue,
} from "../../db/filter-fields";

@InputType()
export class DelegationFilter {
  @Field(() => ID, { nullable: true })
  homeCityId?: string;

  @Field(() => Direction, { nullable: true })
  direction?: Direction;

  @Field({ nullable: true })
  counterpartCountryCode?: string;

  @Field(() => Region, { nullable: true, description: "The region of the counterpart country." })
  region?: Region;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Visits that end on or after this date; an undated visit matches no period.",
  })
  from?: string;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Visits that start on or before this date; an undated visit matches no period.",
  })
  to?: string;

  @Field({
    nullable: true,
    description: "true: the visits with dates only; false: only those no source dates.",
  })
  dated?: boolean;

  @Field(() => Purpose, { nullable: true, description: "Visits with this among their purposes." })
  purpose?: Purpose;

  @Field(() => ID, { nullable: true })
  partnershipId?: string;

  @Field(() => Approval, { nullable: true })
  approval?: Approval;
}

/** What each field asks for: lists, statistics and `delegationRecorded` read it. */
export const DelegationFilterFields = declareFilter(DelegationFilter, {
  homeCityId: sameId("homeCityId"),
  direction: sameValue("direction"),
  counterpartCountryCode: sameCountry("counterpartCountryCode"),
  region: inRelated("counterpartCountryCode", () => Country, "code", "region"),
  ...period("startDate", "endDate"),
  dated: present("startDate"),
  // Containment, so that the GIN index delegation_purposes_idx serves it.
  purpose: contains("purposes"),
  partnershipId: sameId("partnershipId"),
  approval: sameValue("approval"),
});

@InputType()
export class DelegationInput {
  @Field(() => Direction)
  direction!: Direction;

  @Field()
  name!: string;

  @Field({ nullable: true })
  leader?: string;

  @Field(() => Int, { nullable: true, description: "People in the delegation; more than 0." })
  size?: number;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Omitted or null when no source dates the visit: it then has no endDate either.",
  })
  startDate?: string | null;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Defaults to startDate: a one-day visit.",
  })
  endDate?: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: "How much of the dates is known; DAY when startDate is given alone.",
  })
  datePrecision?: DatePrecision | null;

  @Field(() => [Purpose], { defaultValue: [] })
  purposes!: Purpose[];

  @Field(() => Approval, {
    nullable: true,
    description: "Outbound only; an outbound delegation starts PENDING.",
  })
  approval?: Approval;

  @Field({ nullable: true })
  occasion?: string;

  @Field(() => ID)
  homeCityId!: string;

  @Field({ nullable: true })
  counterpartCountryCode?: string;

  @Field(() => ID, {
    nullable: true,
    description: "When given alone, its country is the counterpart country.",
  })
  counterpartCityId?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: "A partnership of the delegation's home city." })
  partnershipId?: string;

  @Field(() => [ID], { defaultValue: [] })
  memberIds!: string[];
}

@InputType({
  description: "The fields of a delegation to change; memberIds replaces the member list.",
})
export class DelegationPatch {
  @Field(() => Direction, { nullable: true })
  direction?: Direction;

  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  leader?: string | null;

  @Field(() => Int, { nullable: true })
  size?: number | null;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "null makes the visit undated: its endDate and datePrecision become null too.",
  })
  startDate?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  endDate?: string | null;

  @Field(() => DatePrecision, { nullable: true })
  datePrecision?: DatePrecision | null;

  @Field(() => [Purpose], { nullable: true })
  purposes?: Purpose[];

  @Field(() => Approval, { nullable: true })
  approval?: Approval | null;

  @Field(() => String, { nullable: true })
  occasion?: string | null;

  @Field(() => ID, { nullable: true })
  homeCityId?: string;

  @Field(() => String, { nullable: true })
  counterpartCountryCode?: string | null;

  @Field(() => ID, { nullable: true })
  counterpartCityId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  partnershipId?: string | null;

  @Field(() => [ID], { nullable: true })
  memberIds?: string[];
}
