import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { CalendarDate } from "../../records/scalars";
import { Node, Row } from "../../core/node";
import { DatePrecision } from "../../records/date-precision";
import { PartnershipStage } from "./partnership";

@Directive('@key(fields: "id")')
@ObjectType({ implements: [Node, Row], description: "One step of a partnership's stage history." })
@Entity("stage_change")
export class StageChange extends Row {
  @Field(() => PartnershipStage, {
    nullable: true,
    description: "Null for the first recorded stage.",
  })
  @Column({ name: "from_stage", type: "text", nullable: true })
  from!: PartnershipStage | null;

  @Field(() => PartnershipStage)
  @Column({ name: "to_stage", type: "text" })
  to!: PartnershipStage;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Null when no source dates the step (a tie known only to exist by then).",
  })
  @Column({ name: "changed_on", type: "date", nullable: true })
  on!: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description: "How much of `on` is known: YEAR keeps only its year.",
  })
  @Column({ name: "on_precision", type: "text", nullable: true })
  onPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Column({ name: "partnership_id", type: "uuid" })
  partnershipId!: string;
}

refusals(StageChange, {
  stage_change_precision_of_date: { field: "on", message: "is needed with a precision" },
});
