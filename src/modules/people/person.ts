import { Restricted } from "../../records/restricted";
import { Directive, Field, UseMiddleware, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { Node, Row } from "../../core/node";

export enum PersonCategory {
  OVERSEAS_CHINESE_BUSINESSPERSON = "OVERSEAS_CHINESE_BUSINESSPERSON",
  RETURNED_OVERSEAS_CHINESE = "RETURNED_OVERSEAS_CHINESE",
  FOREIGN_EXPERT = "FOREIGN_EXPERT",
  OFFICIAL = "OFFICIAL",
  OTHER = "OTHER",
}
registerEnumType(PersonCategory, {
  name: "PersonCategory",
  valuesConfig: {
    OVERSEAS_CHINESE_BUSINESSPERSON: { description: "侨商" },
    RETURNED_OVERSEAS_CHINESE: { description: "归侨" },
    FOREIGN_EXPERT: { description: "外专" },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "An overseas Chinese businessperson, returnee, expert or official.",
})
@Entity("person")
export class Person extends Row {
  @Field()
  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: "name_en", type: "text", nullable: true })
  nameEn!: string | null;

  @Field(() => [PersonCategory])
  @Column({ type: "text", array: true })
  categories!: PersonCategory[];

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  title!: string | null;

  @UseMiddleware(Restricted)
  @Field(() => String, {
    nullable: true,
    description: "Restricted personal data: null with FORBIDDEN for roles below editor.",
  })
  @Column({ type: "text", nullable: true })
  contact!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "residence_country_code", type: "varchar", length: 2, nullable: true })
  residenceCountryCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO code of the country whose national the person is, when a source says so.",
  })
  @Column({ name: "nationality_code", type: "varchar", length: 2, nullable: true })
  nationalityCode!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "ancestral_home_id", type: "uuid", nullable: true })
  ancestralHomeId!: string | null;
}
