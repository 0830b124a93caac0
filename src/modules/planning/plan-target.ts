import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { chineseCityRefusals } from "../../records/chinese-city";
import { Node, Row } from "../../core/node";
import { Region } from "../geography";

export enum PlanMetric {
  NEW_SISTER_CITIES = "NEW_SISTER_CITIES",
  NEW_FRIENDLY_EXCHANGES = "NEW_FRIENDLY_EXCHANGES",
  NEW_PROSPECTS = "NEW_PROSPECTS",
  INBOUND_DELEGATIONS = "INBOUND_DELEGATIONS",
  OUTBOUND_DELEGATIONS = "OUTBOUND_DELEGATIONS",
  INVESTMENT_SIGNED_AMOUNT = "INVESTMENT_SIGNED_AMOUNT",
}
registerEnumType(PlanMetric, { name: "PlanMetric" });

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: 'A yearly goal, e.g. "sign 1 new sister city, with a breakthrough in Oceania".',
})
@Entity("plan_target")
export class PlanTarget extends Row {
  @Field(() => Int)
  @Column({ type: "integer" })
  year!: number;

  @Field(() => PlanMetric)
  @Column({ type: "text" })
  metric!: PlanMetric;

  @Field(() => Float)
  @Column({
    name: "target_value",
    type: "numeric",
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  targetValue!: number;

  @Field(() => [Region])
  @Column({ name: "focus_regions", type: "text", array: true })
  focusRegions!: Region[];

  @Field(() => [String], { description: 'UN M49 sub-regions, e.g. "Eastern Europe".' })
  @Column({ name: "focus_subregions", type: "text", array: true })
  focusSubregions!: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Field(() => ID)
  @Column({ name: "city_id", type: "uuid" })
  cityId!: string;
}

refusals(PlanTarget, {
  ...chineseCityRefusals("plan_target_city", "input.cityId"),
  plan_target_year_check: { field: "input.year", message: "must lie between 1949 and 2100" },
  plan_target_value_check: { field: "input.targetValue", message: "must not be negative" },
  plan_target_city_year_metric_key: {
    field: "input.metric",
    message: "this city already has a target for this metric and year",
    conflict: true,
  },
});
