import { Field, ID, InputType } from "type-graphql";
import { CalendarDate } from "../../records/scalars";
import { OrganizationKind } from "./organization";
import { PersonCategory } from "./person";
import {
  contains,
  declareFilter,
  namesContain,
  sameCountry,
  sameId,
  sameValue,
} from "../../db/filter-fields";

// The names of person_names_trgm_idx and organization_names_trgm_idx, so that they serve it.
const NAMES = ["nameZh", "nameEn"];

@InputType()
export class PersonFilter {
  @Field(() => PersonCategory, { nullable: true })
  category?: PersonCategory;

  @Field({ nullable: true })
  residenceCountryCode?: string;

  @Field({ nullable: true })
  nationalityCode?: string;

  @Field({ nullable: true, description: "Part of the Chinese or English name." })
  nameContains?: string;
}

export const PersonFilterFields = declareFilter(PersonFilter, {
  // Containment, so that the GIN index person_categories_idx serves it.
  category: contains("categories"),
  residenceCountryCode: sameCountry("residenceCountryCode"),
  nationalityCode: sameCountry("nationalityCode"),
  nameContains: namesContain(NAMES),
});

@InputType({ description: "A person's role in an organization, as written with the person." })
export class AffiliationInput {
  @Field(() => ID)
  organizationId!: string;

  @Field({ nullable: true })
  role?: string;

  @Field(() => CalendarDate, { nullable: true })
  since?: string;
}

@InputType()
export class PersonInput {
  @Field()
  nameZh!: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field(() => [PersonCategory], { defaultValue: [] })
  categories!: PersonCategory[];

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  contact?: string;

  @Field({ nullable: true })
  residenceCountryCode?: string;

  @Field({ nullable: true })
  nationalityCode?: string;

  @Field(() => ID, { nullable: true })
  ancestralHomeId?: string;

  @Field(() => [AffiliationInput], { defaultValue: [] })
  affiliations!: AffiliationInput[];
}

@InputType()
export class PersonPatch {
  @Field({ nullable: true })
  nameZh?: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => [PersonCategory], { nullable: true })
  categories?: PersonCategory[];

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => String, { nullable: true })
  residenceCountryCode?: string | null;

  @Field(() => String, { nullable: true })
  nationalityCode?: string | null;

  @Field(() => ID, { nullable: true })
  ancestralHomeId?: string | null;

  @Field(() => [AffiliationInput], {
    nullable: true,
    description: "When given, replaces all of the person's affiliations (null or [] removes them).",
  })
  affiliations?: AffiliationInput[] | null;
}

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind;

  @Field({ nullable: true })
  countryCode?: string;

  @Field(() => ID, { nullable: true })
  cityId?: string;

  @Field({ nullable: true, description: "Part of the Chinese or English name." })
  nameContains?: string;
}

export const OrganizationFilterFields = declareFilter(OrganizationFilter, {
  kind: sameValue("kind"),
  countryCode: sameCountry("countryCode"),
  cityId: sameId("cityId"),
  nameContains: namesContain(NAMES),
});

@InputType()
export class OrganizationInput {
  @Field()
  nameZh!: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field({ nullable: true })
  countryCode?: string;

  @Field(() => ID, { nullable: true })
  cityId?: string;
}

@InputType()
export class OrganizationPatch {
  @Field({ nullable: true })
  nameZh?: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true })
  cityId?: string | null;
}
