import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { Node, Row } from "../../core/node";

export enum Region {
  AFRICA = "AFRICA",
  AMERICAS = "AMERICAS",
  ASIA = "ASIA",
  EUROPE = "EUROPE",
  OCEANIA = "OCEANIA",
  ANTARCTICA = "ANTARCTICA",
}
registerEnumType(Region, { name: "Region", description: "UN M49 region." });

@Directive('@key(fields: "code")')
@Directive('@key(fields: "id")')
@ObjectType({ implements: [Node, Row], description: "A country or territory of ISO 3166-1." })
@Entity("country")
export class Country extends Row {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. FI." })
  @Column({ type: "varchar", length: 2 })
  code!: string;

  @Field()
  @Column({ name: "name_en", type: "text" })
  nameEn!: string;

  @Field()
  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Field(() => Region)
  @Column({ type: "text" })
  region!: Region;

  @Field({ description: 'UN M49 sub-region, e.g. "Eastern Europe".' })
  @Column({ type: "text" })
  subregion!: string;
}

refusals(Country, {
  country_code_format: {
    field: "input.code",
    message: "must be two capital letters (ISO 3166-1 alpha-2)",
  },
});
