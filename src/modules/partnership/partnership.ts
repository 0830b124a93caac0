import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { chineseCityRefusals } from "../../records/chinese-city";
import { CalendarDate } from "../../records/scalars";
import { Node, Row } from "../../core/node";

export enum PartnershipKind {
  SISTER_CITY = "SISTER_CITY",
  FRIENDLY_EXCHANGE = "FRIENDLY_EXCHANGE",
}
registerEnumType(PartnershipKind, {
  name: "PartnershipKind",
  valuesConfig: {
    SISTER_CITY: { description: "友好城市" },
    FRIENDLY_EXCHANGE: { description: "友好交流城市" },
  },
});

export enum PartnershipStage {
  PROSPECT = "PROSPECT",
  CONTACT = "CONTACT",
  NEGOTIATING = "NEGOTIATING",
  ESTABLISHED = "ESTABLISHED",
  SUSPENDED = "SUSPENDED",
  ENDED = "ENDED",
}
registerEnumType(PartnershipStage, { name: "PartnershipStage" });

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "A Chinese city's tie with a foreign city, from first contact to agreement.",
})
@Entity("partnership")
export class Partnership extends Row {
  @Field(() => PartnershipKind)
  @Column({ type: "text" })
  kind!: PartnershipKind;

  @Field(() => PartnershipStage)
  @Column({ type: "text" })
  stage!: PartnershipStage;

  @Field(() => CalendarDate, { nullable: true })
  @Column({ name: "established_on", type: "date", nullable: true })
  establishedOn!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  notes!: string | null;

  @Field(() => ID)
  @Column({ name: "home_city_id", type: "uuid" })
  homeCityId!: string;

  @Field(() => ID)
  @Column({ name: "partner_city_id", type: "uuid" })
  partnerCityId!: string;

  @Column({ name: "partner_country_code", type: "varchar", length: 2 })
  partnerCountryCode!: string;
}

refusals(Partnership, {
  ...chineseCityRefusals("partnership_home_city", "input.homeCityId"),
  partnership_partner_city_foreign: {
    field: "input.partnerCityId",
    message: "is a Chinese city; a partner city must be abroad",
  },
  partnership_pair_key: {
    field: "input.partnerCityId",
    message: "these two cities already have a partnership of this kind",
    conflict: true,
  },
});
