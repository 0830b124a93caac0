import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { Node, Row } from "../../core/node";
import { Decimal } from "../../records/scalars";
import { Direction } from "../delegation";

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description:
    "A total an office reports without itemising it, in its own words: 接待党宾、外宾28批368人次, 旅外乡亲约160万人.",
})
@Entity("reported_figure")
export class ReportedFigure extends Row {
  @Field(() => ID)
  @Column({ name: "city_id", type: "uuid" })
  cityId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: "office_id", type: "uuid", nullable: true })
  officeId!: string | null;

  @Field(() => Int, { nullable: true, description: "Null when the source gives no year." })
  @Column({ type: "integer", nullable: true })
  year!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The span the figure covers when it is not the year, e.g. "2017年至报道时".',
  })
  @Column({ type: "text", nullable: true })
  period!: string | null;

  @Field({ description: "What is counted, in the source's own words." })
  @Column({ type: "text" })
  label!: string;

  @Field(() => Direction, { nullable: true })
  @Column({ type: "text", nullable: true })
  direction!: Direction | null;

  @Field(() => Int, { nullable: true, description: "批" })
  @Column({ type: "integer", nullable: true })
  batches!: number | null;

  @Field(() => Int, { nullable: true, description: "人次" })
  @Column({ name: "person_times", type: "integer", nullable: true })
  personTimes!: number | null;

  @Field(() => Decimal, { nullable: true, description: "Any other count or amount, in `unit`." })
  @Column({ type: "numeric", nullable: true })
  value!: string | null;

  @Field(() => String, { nullable: true, description: "e.g. 人, 宗, 张, %, 亿元" })
  @Column({ type: "text", nullable: true })
  unit!: string | null;

  @Field({ description: "The source says 约, 余, 多 or 超: the figure is a round or lower bound." })
  @Column({ type: "boolean", default: false })
  approximate!: boolean;
}

refusals(ReportedFigure, {
  reported_figure_label_check: { field: "input.label", message: "must not be empty" },
  reported_figure_batches_check: { field: "input.batches", message: "must not be negative" },
  reported_figure_person_times_check: {
    field: "input.personTimes",
    message: "must not be negative",
  },
  reported_figure_value_check: { field: "input.value", message: "is not an allowed value" },
  reported_figure_unit_given: {
    field: "input.unit",
    message: "is given with a value, and only so",
  },
  reported_figure_counts_something: {
    field: "input",
    message: "counts nothing: give batches, personTimes or a value",
  },
});
