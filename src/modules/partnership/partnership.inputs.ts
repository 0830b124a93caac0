import { Field, ID, InputType } from "type-graphql";
import { CalendarDate } from "../../records/scalars";
import { Country, Region } from "../geography";
import { PartnershipKind, PartnershipStage } from "./partnership";
import { declareFilter, inRelated, sameCountry, sameId, sameValue } from "../../db/filter-fields";

@InputType()
export class PartnershipFilter {
  @Field(() => ID, { nullable: true })
  homeCityId?: string;

  @Field(() => ID, { nullable: true })
  partnerCityId?: string;

  @Field({ nullable: true, description: "ISO code of the partner city's country." })
  partnerCountryCode?: string;

  @Field(() => Region, { nullable: true, description: "The partner country's UN M49 region." })
  region?: Region;

  @Field({
    nullable: true,
    description: 'The partner country\'s UN M49 sub-region, e.g. "Eastern Europe".',
  })
  subregion?: string;

  @Field(() => PartnershipKind, { nullable: true })
  kind?: PartnershipKind;

  @Field(() => PartnershipStage, { nullable: true })
  stage?: PartnershipStage;
}

/** What each field asks for: lists, statistics and `partnershipChanged` read it. */
export const PartnershipFilterFields = declareFilter(PartnershipFilter, {
  homeCityId: sameId("homeCityId"),
  partnerCityId: sameId("partnerCityId"),
  partnerCountryCode: sameCountry("partnerCountryCode"),
  region: inRelated("partnerCountryCode", () => Country, "code", "region"),
  subregion: inRelated("partnerCountryCode", () => Country, "code", "subregion"),
  kind: sameValue("kind"),
  stage: sameValue("stage"),
});

@InputType()
export class PartnershipInput {
  @Field(() => ID, { description: "A city in China." })
  homeCityId!: string;

  @Field(() => ID, { description: "A city abroad." })
  partnerCityId!: string;

  @Field(() => PartnershipKind)
  kind!: PartnershipKind;

  @Field(() => PartnershipStage, { defaultValue: PartnershipStage.PROSPECT })
  stage!: PartnershipStage;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Also the date of the first stage-history entry; today when left out.",
  })
  establishedOn?: string;

  @Field({ nullable: true })
  notes?: string;

  @Field({ nullable: true, description: "The note of the first stage-history entry." })
  stageNote?: string;
}

@InputType({
  description:
    "The fields of a partnership to change; its stage changes through advancePartnership.",
})
export class PartnershipPatch {
  @Field(() => PartnershipKind, { nullable: true })
  kind?: PartnershipKind;

  @Field(() => CalendarDate, { nullable: true })
  establishedOn?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
