import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { Node, Row } from "../../core/node";

export enum OrganizationKind {
  COMPANY = "COMPANY",
  ASSOCIATION = "ASSOCIATION",
  GOVERNMENT = "GOVERNMENT",
  SCHOOL = "SCHOOL",
  FOUNDATION = "FOUNDATION",
  DEVELOPMENT_ZONE = "DEVELOPMENT_ZONE",
  OTHER = "OTHER",
}
registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  valuesConfig: { ASSOCIATION: { description: "商会 / 协会" } },
});

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "A company, association, foundation, school, government body or development zone.",
})
@Entity("organization")
export class Organization extends Row {
  @Field()
  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: "name_en", type: "text", nullable: true })
  nameEn!: string | null;

  @Field(() => OrganizationKind)
  @Column({ type: "text" })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true })
  @Column({ name: "country_code", type: "varchar", length: 2, nullable: true })
  countryCode!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "city_id", type: "uuid", nullable: true })
  cityId!: string | null;
}
