import { Directive, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { Node, Row } from "../../core/node";

export enum CityLevel {
  PROVINCE = "PROVINCE",
  PREFECTURE = "PREFECTURE",
  COUNTY = "COUNTY",
  DISTRICT = "DISTRICT",
  OTHER = "OTHER",
}
registerEnumType(CityLevel, { name: "CityLevel" });

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "A Chinese city or a foreign city, region or county.",
})
@Entity("city")
export class City extends Row {
  @Field()
  @Column({ name: "name_zh", type: "text" })
  nameZh!: string;

  @Field()
  @Column({ name: "name_en", type: "text" })
  nameEn!: string;

  @Field(() => [String], {
    description: "Other names: nicknames (鹤城), variant transliterations, traditional forms.",
  })
  @Column({ type: "text", array: true })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "Province or state." })
  @Column({ name: "admin_area", type: "text", nullable: true })
  adminArea!: string | null;

  @Field(() => CityLevel)
  @Column({ type: "text" })
  level!: CityLevel;

  @Field(() => Float, { nullable: true })
  @Column({ type: "double precision", nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: "double precision", nullable: true })
  longitude!: number | null;

  @Field({ description: "ISO code of the city's country." })
  @Column({ name: "country_code", type: "varchar", length: 2 })
  countryCode!: string;
}

refusals(City, {
  city_latitude_check: { field: "input.latitude", message: "must lie between -90 and 90" },
  city_longitude_check: { field: "input.longitude", message: "must lie between -180 and 180" },
});
