import { Field, Float, Int, ObjectType } from "type-graphql";
import { Node } from "../../core/node";
import { DatePrecision } from "../../records/date-precision";
import { CalendarDate, Decimal } from "../../records/scalars";
import { Region } from "../geography";
import { Partnership, PartnershipStage } from "../partnership";
import { PlanTarget } from "./plan-target";

@ObjectType({ description: "How far a plan target got, computed from the records." })
export class TargetProgress {
  @Field(() => PlanTarget)
  target!: PlanTarget;

  @Field(() => Float, {
    description:
      "New sister cities or friendly-exchange cities: partnerships that reached ESTABLISHED in the year; new prospects: partnerships that entered PROSPECT or CONTACT in it (a step of unknown date does not count: see `undated`); delegations: batches that started in it (undated ones aside: see `undated`; rejected outbound ones aside); investment: the amounts in CNY signed in it (withdrawn ones aside); amounts in other currencies are in `amounts`, not added.",
  })
  achieved!: number;

  @Field({ description: "achieved ≥ targetValue." })
  met!: boolean;

  @Field(() => [Node], { description: "The partnerships, delegations or investments counted." })
  contributing!: Node[];

  @Field(() => [Node], {
    description:
      "Partnerships at the stage the metric counts whose step there has no known date, and delegations of the city no source dates: they may be of the year or not, so they are not counted.",
  })
  undated!: Node[];

  @Field(() => [CurrencyAmount], {
    description: "Investment targets: the amounts counted, summed per currency.",
  })
  amounts!: CurrencyAmount[];

  @Field(() => [Region], {
    description:
      "Focus regions with no contributing record there (the partner's or counterpart's country, or the investor's).",
  })
  uncoveredRegions!: Region[];

  @Field(() => [String], { description: "Focus sub-regions with no contributing record there." })
  uncoveredSubregions!: string[];
}

@ObjectType({ description: "An amount in one currency." })
export class CurrencyAmount {
  @Field({ description: "ISO 4217." })
  currency!: string;

  @Field(() => Decimal)
  amount!: string;
}

@ObjectType({
  description: "A partnership in a city's pipeline and how long it has been at its stage.",
})
export class PipelineEntry {
  @Field(() => Partnership)
  partnership!: Partnership;

  @Field(() => PartnershipStage)
  stage!: PartnershipStage;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "When it entered its current stage; null when no source dates that step.",
  })
  since!: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: "How much of `since` the source gives: YEAR keeps only its year.",
  })
  sincePrecision!: DatePrecision | null;

  @Field(() => Int, { nullable: true })
  daysInStage!: number | null;
}
