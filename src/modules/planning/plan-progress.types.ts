import { Field, Float, Int, ObjectType } from "type-graphql";
import { Node } from "../../core/node";
import { CalendarDate } from "../../records/scalars";
import { Region } from "../geography";
import { Partnership, PartnershipStage } from "../partnership";
import { PlanTarget } from "./plan-target";

@ObjectType({ description: "How far a plan target got, computed from the records (SPEC §5)." })
export class TargetProgress {
  @Field(() => PlanTarget)
  target!: PlanTarget;

  @Field(() => Float, {
    description:
      "New sister cities or friendly-exchange cities: partnerships that reached ESTABLISHED in the year; new prospects: partnerships that entered PROSPECT or CONTACT in it; delegations: batches that started in it (rejected outbound ones aside); investment: the amounts signed in it (withdrawn ones aside), added whatever their currency.",
  })
  achieved!: number;

  @Field({ description: "achieved ≥ targetValue." })
  met!: boolean;

  @Field(() => [Node], { description: "The partnerships, delegations or investments counted." })
  contributing!: Node[];

  @Field(() => [Region], {
    description:
      "Focus regions with no contributing record there (the partner's or counterpart's country, or the investor's).",
  })
  uncoveredRegions!: Region[];

  @Field(() => [String], { description: "Focus sub-regions with no contributing record there." })
  uncoveredSubregions!: string[];
}

@ObjectType({
  description: "A partnership in a city's pipeline and how long it has been at its stage.",
})
export class PipelineEntry {
  @Field(() => Partnership)
  partnership!: Partnership;

  @Field(() => PartnershipStage)
  stage!: PartnershipStage;

  @Field(() => CalendarDate, { description: "When it entered its current stage." })
  since!: string;

  @Field(() => Int)
  daysInStage!: number;
}
