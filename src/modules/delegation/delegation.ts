import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { chineseCityRefusals } from "../../records/chinese-city";
import { CalendarDate } from "../../records/scalars";
import { DatePrecision } from "../../records/date-precision";
import { Node, Row } from "../../core/node";

export enum Direction {
  INBOUND = "INBOUND",
  OUTBOUND = "OUTBOUND",
}
registerEnumType(Direction, {
  name: "Direction",
  valuesConfig: { INBOUND: { description: "来访" }, OUTBOUND: { description: "出访" } },
});

export enum Purpose {
  GOVERNMENT = "GOVERNMENT",
  TRADE_INVESTMENT = "TRADE_INVESTMENT",
  CULTURE = "CULTURE",
  EDUCATION = "EDUCATION",
  SCIENCE_TECH = "SCIENCE_TECH",
  AGRICULTURE = "AGRICULTURE",
  HEALTH = "HEALTH",
  YOUTH = "YOUTH",
  OVERSEAS_CHINESE = "OVERSEAS_CHINESE",
  CONSULAR = "CONSULAR",
  OTHER = "OTHER",
}
registerEnumType(Purpose, { name: "Purpose" });

export enum Approval {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
}
registerEnumType(Approval, {
  name: "Approval",
  description: "The approval of an outbound delegation (因公出国审批).",
});

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "A visit: a delegation received (来访) or sent abroad (出访).",
})
@Entity("delegation")
export class Delegation extends Row {
  @Field(() => Direction)
  @Column({ type: "text" })
  direction!: Direction;

  @Field()
  @Column({ type: "text" })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  leader!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "People in the delegation; sums give person-times (人次).",
  })
  @Column({ type: "integer", nullable: true })
  size!: number | null;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Null when no source dates the visit (a report that prints no year).",
  })
  @Column({ name: "start_date", type: "date", nullable: true })
  startDate!: string | null;

  @Field(() => CalendarDate, { nullable: true, description: "Null exactly when startDate is." })
  @Column({ name: "end_date", type: "date", nullable: true })
  endDate!: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: "How much of startDate/endDate is known; null when they are.",
  })
  @Column({ name: "date_precision", type: "text", nullable: true })
  datePrecision!: DatePrecision | null;

  @Field(() => [Purpose])
  @Column({ type: "text", array: true })
  purposes!: Purpose[];

  @Field(() => Approval, { nullable: true, description: "Outbound delegations only." })
  @Column({ type: "text", nullable: true })
  approval!: Approval | null;

  @Field(() => String, { nullable: true, description: "Why the approval was decided as it was." })
  @Column({ name: "approval_note", type: "text", nullable: true })
  approvalNote!: string | null;

  @Field(() => String, { nullable: true, description: "e.g. 江西省第二届国际友好城市大会" })
  @Column({ type: "text", nullable: true })
  occasion!: string | null;

  @Field(() => ID)
  @Column({ name: "home_city_id", type: "uuid" })
  homeCityId!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: "counterpart_country_code", type: "varchar", length: 2, nullable: true })
  counterpartCountryCode!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "counterpart_city_id", type: "uuid", nullable: true })
  counterpartCityId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "organization_id", type: "uuid", nullable: true })
  organizationId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "partnership_id", type: "uuid", nullable: true })
  partnershipId!: string | null;
}

refusals(Delegation, {
  ...chineseCityRefusals("delegation_home_city", "input.homeCityId"),
  delegation_size_check: { field: "input.size", message: "must be a positive number of people" },
  delegation_dates_check: { field: "input.endDate", message: "must not be before startDate" },
  delegation_dates_known_together: {
    field: "input.endDate",
    message: "is given exactly when startDate is: an undated visit has neither",
  },
  delegation_precision_of_date: {
    field: "input.datePrecision",
    message: "is given exactly when startDate is: an undated visit has none",
  },
  delegation_approval_outbound: {
    field: "input.approval",
    message: "applies to OUTBOUND delegations only",
  },
  delegation_counterpart_city_fkey: {
    field: "input.counterpartCityId",
    message: "is not a known city in the counterpart country",
  },
  delegation_member_person_fkey: { field: "input.memberIds", message: "names an unknown person" },
});
