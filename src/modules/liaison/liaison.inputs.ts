import { Field, ID, InputType } from "type-graphql";
import { CalendarDate } from "../../records/scalars";
import { LiaisonStatus } from "./liaison-office";
import { declareFilter, sameCountry, sameId, sameValue } from "../../db/filter-fields";

@InputType()
export class LiaisonOfficeFilter {
  @Field(() => ID, { nullable: true })
  ownerCityId?: string;

  @Field({ nullable: true })
  hostCountryCode?: string;

  @Field(() => LiaisonStatus, { nullable: true })
  status?: LiaisonStatus;
}

export const LiaisonOfficeFilterFields = declareFilter(LiaisonOfficeFilter, {
  ownerCityId: sameId("ownerCityId"),
  hostCountryCode: sameCountry("hostCountryCode"),
  status: sameValue("status"),
});

@InputType()
export class LiaisonOfficeInput {
  @Field()
  name!: string;

  @Field(() => CalendarDate, { nullable: true })
  openedOn?: string;

  @Field(() => CalendarDate, { nullable: true, description: "Only with status CLOSED." })
  closedOn?: string;

  @Field(() => LiaisonStatus, { defaultValue: LiaisonStatus.ACTIVE })
  status!: LiaisonStatus;

  @Field({ nullable: true })
  contact?: string;

  @Field(() => ID, { description: "The Chinese city that runs the office." })
  ownerCityId!: string;

  @Field()
  hostCountryCode!: string;

  @Field(() => ID, { nullable: true, description: "A city in the host country." })
  hostCityId?: string;

  @Field(() => ID, { nullable: true })
  partnerOrganizationId?: string;
}

@InputType()
export class LiaisonOfficePatch {
  @Field({ nullable: true })
  name?: string;

  @Field(() => CalendarDate, { nullable: true })
  openedOn?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  closedOn?: string | null;

  @Field(() => LiaisonStatus, { nullable: true })
  status?: LiaisonStatus;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => ID, { nullable: true })
  ownerCityId?: string;

  @Field({ nullable: true })
  hostCountryCode?: string;

  @Field(() => ID, { nullable: true })
  hostCityId?: string | null;

  @Field(() => ID, { nullable: true })
  partnerOrganizationId?: string | null;
}
