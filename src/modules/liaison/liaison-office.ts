import { Restricted } from "../../records/restricted";
import { Directive, Field, UseMiddleware, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { chineseCityRefusals } from "../../records/chinese-city";
import { CalendarDate } from "../../records/scalars";
import { Node, Row } from "../../core/node";

export enum LiaisonStatus {
  ACTIVE = "ACTIVE",
  CLOSED = "CLOSED",
}
registerEnumType(LiaisonStatus, { name: "LiaisonStatus" });

@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Row],
  description: "A Chinese city's liaison office abroad (联络处).",
})
@Entity("liaison_office")
export class LiaisonOffice extends Row {
  @Field()
  @Column({ type: "text" })
  name!: string;

  @Field(() => CalendarDate, { nullable: true })
  @Column({ name: "opened_on", type: "date", nullable: true })
  openedOn!: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @Column({ name: "closed_on", type: "date", nullable: true })
  closedOn!: string | null;

  @Field(() => LiaisonStatus)
  @Column({ type: "text" })
  status!: LiaisonStatus;

  @UseMiddleware(Restricted)
  @Field(() => String, {
    nullable: true,
    description: "Restricted contact data: null with FORBIDDEN for roles below editor.",
  })
  @Column({ type: "text", nullable: true })
  contact!: string | null;

  @Field(() => ID)
  @Column({ name: "owner_city_id", type: "uuid" })
  ownerCityId!: string;

  @Field()
  @Column({ name: "host_country_code", type: "varchar", length: 2 })
  hostCountryCode!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: "host_city_id", type: "uuid", nullable: true })
  hostCityId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "partner_organization_id", type: "uuid", nullable: true })
  partnerOrganizationId!: string | null;
}

refusals(LiaisonOffice, {
  ...chineseCityRefusals("liaison_office_owner_city", "input.ownerCityId"),
  liaison_office_host_city_fkey: {
    field: "input.hostCityId",
    message: "is not a known city in the host country",
  },
  liaison_office_dates_check: { field: "input.closedOn", message: "must not be before openedOn" },
  liaison_office_closed_status: {
    field: "input.status",
    message: "must be CLOSED when closedOn is set",
  },
});
