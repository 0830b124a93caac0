import { FilterFields, sameId, sameValue } from "../../db/filter-fields";
import { Field, ID, InputType, Int } from "type-graphql";
import { Decimal } from "../../records/scalars";
import { Direction } from "../delegation";

@InputType()
export class ReportedFigureInput {
  @Field(() => ID, { description: "The city whose office reports the figure." })
  cityId!: string;

  @Field(() => ID, { nullable: true })
  officeId?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field({ nullable: true })
  period?: string;

  @Field()
  label!: string;

  @Field(() => Direction, { nullable: true })
  direction?: Direction;

  @Field(() => Int, { nullable: true })
  batches?: number;

  @Field(() => Int, { nullable: true })
  personTimes?: number;

  @Field(() => Decimal, { nullable: true, description: "With `unit`." })
  value?: string;

  @Field({ nullable: true })
  unit?: string;

  @Field({ defaultValue: false })
  approximate!: boolean;
}

@InputType()
export class ReportedFigurePatch {
  @Field(() => ID, { nullable: true })
  officeId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  period?: string | null;

  @Field({ nullable: true })
  label?: string;

  @Field(() => Direction, { nullable: true })
  direction?: Direction | null;

  @Field(() => Int, { nullable: true })
  batches?: number | null;

  @Field(() => Int, { nullable: true })
  personTimes?: number | null;

  @Field(() => Decimal, { nullable: true })
  value?: string | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field({ nullable: true })
  approximate?: boolean;
}

/** What the list's `cityId` and `year` arguments ask for. */
export interface ReportedFigureFilter {
  cityId?: string | null;
  year?: number | null;
}

export const ReportedFigureFilterFields: FilterFields<ReportedFigureFilter> = {
  cityId: sameId("cityId"),
  year: sameValue("year"),
};
