import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { Node, Row } from "../../core/node";

export enum CooperationKind {
  PROJECT = "PROJECT",
  PERSONNEL_EXCHANGE = "PERSONNEL_EXCHANGE",
  ORGANIZATION_LINK = "ORGANIZATION_LINK",
}
registerEnumType(CooperationKind, {
  name: "CooperationKind",
  valuesConfig: {
    PROJECT: { description: "A joint project, from talks to work (合作项目)." },
    PERSONNEL_EXCHANGE: { description: "People sent to work or train on the other side (选派)." },
    ORGANIZATION_LINK: { description: "One organisation's tie with another (建立了联系)." },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description:
    "A tie between two sides that is no visit: a project, people sent, organisations linked.",
})
@Entity("cooperation")
export class Cooperation extends Row {
  @Field(() => CooperationKind)
  @Column({ type: "text" })
  kind!: CooperationKind;

  @Field({ description: "What it is, in the source's words." })
  @Column({ type: "text" })
  description!: string;

  @Field(() => String, { nullable: true, description: 'How far it got, e.g. "可行性商谈".' })
  @Column({ type: "text", nullable: true })
  status!: string | null;

  @Field(() => Int, { nullable: true, description: "The year the source places it in." })
  @Column({ type: "integer", nullable: true })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: "People sent, when the source counts them." })
  @Column({ type: "integer", nullable: true })
  size!: number | null;

  @Field({ description: "The source says 余 or 多: size is a lower bound." })
  @Column({ name: "size_approximate", type: "boolean", default: false })
  sizeApproximate!: boolean;

  @Field(() => ID, { description: "The Chinese city whose office records it." })
  @Column({ name: "home_city_id", type: "uuid" })
  homeCityId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: "partner_city_id", type: "uuid", nullable: true })
  partnerCityId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "partnership_id", type: "uuid", nullable: true })
  partnershipId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "organization_id", type: "uuid", nullable: true })
  organizationId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "partner_organization_id", type: "uuid", nullable: true })
  partnerOrganizationId!: string | null;
}

refusals(Cooperation, {
  cooperation_size_check: { field: "input.size", message: "must be a positive number of people" },
  cooperation_description_check: { field: "input.description", message: "must not be empty" },
});
