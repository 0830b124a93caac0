import { Field, Float, ID, InputType } from "type-graphql";
import { CityLevel } from "./city";
import { Region } from "./country";
import { OfficeKind } from "./office";
import {
  declareFilter,
  FilterFields,
  is,
  namesContain,
  sameCountry,
  sameId,
  sameValue,
} from "../../db/filter-fields";

/** What the countries list's `region` argument asks for. */
export interface CountryFilter {
  region?: Region | null;
}

export const CountryFilterFields: FilterFields<CountryFilter> = { region: sameValue("region") };

@InputType()
export class CountryInput {
  @Field()
  code!: string;

  @Field()
  nameEn!: string;

  @Field()
  nameZh!: string;

  @Field(() => Region)
  region!: Region;

  @Field()
  subregion!: string;
}

@InputType({ description: "The fields of a country to change; the code is its key and stays." })
export class CountryPatch {
  @Field({ nullable: true })
  nameEn?: string;

  @Field({ nullable: true })
  nameZh?: string;

  @Field(() => Region, { nullable: true })
  region?: Region;

  @Field({ nullable: true })
  subregion?: string;
}

@InputType()
export class CityFilter {
  @Field({ nullable: true, description: "Part of the Chinese or English name or of an alias." })
  nameContains?: string;

  @Field({ nullable: true })
  countryCode?: string;

  @Field({ nullable: true, description: "true: cities in China only; false: foreign cities only." })
  chinese?: boolean;
}

export const CityFilterFields = declareFilter(CityFilter, {
  // The expression of the trigram index city_names_trgm_idx.
  nameContains: namesContain(["nameZh", "nameEn"], "aliases"),
  countryCode: sameCountry("countryCode"),
  chinese: is("countryCode", "CN"),
});

@InputType()
export class CityInput {
  @Field()
  countryCode!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field(() => [String], { defaultValue: [] })
  aliases!: string[];

  @Field({ nullable: true })
  adminArea?: string;

  @Field(() => CityLevel, { defaultValue: CityLevel.OTHER })
  level!: CityLevel;

  @Field(() => Float, { nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  longitude?: number;
}

@InputType()
export class CityPatch {
  @Field({ nullable: true })
  countryCode?: string;

  @Field({ nullable: true })
  nameZh?: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[];

  @Field(() => String, { nullable: true })
  adminArea?: string | null;

  @Field(() => CityLevel, { nullable: true })
  level?: CityLevel;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;
}

@InputType()
export class OfficeFilter {
  @Field(() => ID, { nullable: true })
  cityId?: string;

  @Field(() => OfficeKind, { nullable: true })
  kind?: OfficeKind;
}

export const OfficeFilterFields = declareFilter(OfficeFilter, {
  cityId: sameId("cityId"),
  kind: sameValue("kind"),
});

@InputType()
export class OfficeInput {
  @Field(() => ID)
  cityId!: string;

  @Field()
  nameZh!: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field(() => OfficeKind)
  kind!: OfficeKind;
}

@InputType()
export class OfficePatch {
  @Field(() => ID, { nullable: true })
  cityId?: string;

  @Field({ nullable: true })
  nameZh?: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => OfficeKind, { nullable: true })
  kind?: OfficeKind;
}
