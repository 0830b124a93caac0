import { FilterFields, sameId, sameValue } from "../../db/filter-fields";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Region } from "../geography";
import { PlanMetric } from "./plan-target";

@InputType()
export class PlanTargetInput {
  @Field(() => ID, { description: "A city in China." })
  cityId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => PlanMetric)
  metric!: PlanMetric;

  @Field(() => Float, { description: "Not negative." })
  targetValue!: number;

  @Field(() => [Region], { defaultValue: [] })
  focusRegions!: Region[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'UN M49 sub-regions, e.g. "Eastern Europe".',
  })
  focusSubregions!: string[];

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class PlanTargetPatch {
  @Field(() => ID, { nullable: true })
  cityId?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => PlanMetric, { nullable: true })
  metric?: PlanMetric;

  @Field(() => Float, { nullable: true })
  targetValue?: number;

  @Field(() => [Region], { nullable: true })
  focusRegions?: Region[];

  @Field(() => [String], { nullable: true })
  focusSubregions?: string[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** What the list's `cityId` and `year` arguments ask for. */
export interface PlanTargetFilter {
  cityId?: string | null;
  year?: number | null;
}

export const PlanTargetFilterFields: FilterFields<PlanTargetFilter> = {
  cityId: sameId("cityId"),
  year: sameValue("year"),
};
