// The columns the synthetic dataset writes, per table (see migrations/ for what each one means).
// Columns left out take their defaults: version 1, and CN for the Chinese side of a composite key.
import { tableSpec } from "./bulk-writer";

export const CITY = tableSpec("city", {
  id: "uuid",
  stamp: "timestamptz",
  country_code: "text",
  name_zh: "text",
  name_en: "text",
  aliases: "text[]",
  admin_area: "text",
  level: "text",
  latitude: "float8",
  longitude: "float8",
});

export const OFFICE = tableSpec("office", {
  id: "uuid",
  stamp: "timestamptz",
  city_id: "uuid",
  name_zh: "text",
  name_en: "text",
  kind: "text",
});

export const PARTNERSHIP = tableSpec("partnership", {
  id: "uuid",
  stamp: "timestamptz",
  home_city_id: "uuid",
  partner_city_id: "uuid",
  partner_country_code: "text",
  kind: "text",
  stage: "text",
  established_on: "date",
  notes: "text",
});

export const STAGE_CHANGE = tableSpec("stage_change", {
  id: "uuid",
  stamp: "timestamptz",
  partnership_id: "uuid",
  from_stage: "text",
  to_stage: "text",
  changed_on: "date",
  note: "text",
});

export const ORGANIZATION = tableSpec("organization", {
  id: "uuid",
  stamp: "timestamptz",
  name_zh: "text",
  name_en: "text",
  kind: "text",
  country_code: "text",
  city_id: "uuid",
});

export const PERSON = tableSpec("person", {
  id: "uuid",
  stamp: "timestamptz",
  name_zh: "text",
  name_en: "text",
  categories: "text[]",
  title: "text",
  contact: "text",
  residence_country_code: "text",
  ancestral_home_id: "uuid",
});

export const AFFILIATION = tableSpec("affiliation", {
  id: "uuid",
  stamp: "timestamptz",
  person_id: "uuid",
  organization_id: "uuid",
  role: "text",
  since: "date",
});

export const DELEGATION = tableSpec("delegation", {
  id: "uuid",
  stamp: "timestamptz",
  direction: "text",
  name: "text",
  leader: "text",
  size: "int",
  start_date: "date",
  end_date: "date",
  date_precision: "text",
  purposes: "text[]",
  approval: "text",
  approval_note: "text",
  occasion: "text",
  home_city_id: "uuid",
  counterpart_country_code: "text",
  counterpart_city_id: "uuid",
  organization_id: "uuid",
  partnership_id: "uuid",
});

export const DELEGATION_MEMBER = tableSpec("delegation_member", {
  delegation_id: "uuid",
  person_id: "uuid",
});

export const INVESTMENT_INTENTION = tableSpec("investment_intention", {
  id: "uuid",
  stamp: "timestamptz",
  kind: "text",
  sector: "text",
  amount: "numeric",
  currency: "text",
  stage: "text",
  signed_on: "date",
  signed_on_precision: "text",
  project: "text",
  investor_person_id: "uuid",
  investor_organization_id: "uuid",
  target_city_id: "uuid",
  target_zone_id: "uuid",
  target_zone_kind: "text",
  delegation_id: "uuid",
});

export const LIAISON_OFFICE = tableSpec("liaison_office", {
  id: "uuid",
  stamp: "timestamptz",
  name: "text",
  opened_on: "date",
  closed_on: "date",
  status: "text",
  contact: "text",
  owner_city_id: "uuid",
  host_country_code: "text",
  host_city_id: "uuid",
  partner_organization_id: "uuid",
});

export const PLAN_TARGET = tableSpec("plan_target", {
  id: "uuid",
  stamp: "timestamptz",
  city_id: "uuid",
  year: "int",
  metric: "text",
  target_value: "numeric",
  focus_regions: "text[]",
  focus_subregions: "text[]",
  note: "text",
});

/** Every table the generator writes, parents first. */
export const SYNTHETIC_TABLES = [
  CITY,
  OFFICE,
  PARTNERSHIP,
  STAGE_CHANGE,
  ORGANIZATION,
  PERSON,
  AFFILIATION,
  DELEGATION,
  DELEGATION_MEMBER,
  INVESTMENT_INTENTION,
  LIAISON_OFFICE,
  PLAN_TARGET,
].map((spec) => spec.table);
