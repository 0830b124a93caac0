// Turns a refusal by PostgreSQL into the error a client should see: the constraint's name says
// which input field broke which rule. SQL text and constraint names never reach the client.
import { QueryFailedError } from "typeorm";
import { BadUserInput, Conflict, HubError } from "../core/errors";

interface Rule {
  field: string;
  message: string;
  conflict?: boolean;
}

const RULES: Record<string, Rule> = {
  country_code_key: {
    field: "input.code",
    message: "a country with this code exists already",
    conflict: true,
  },
  country_code_format: {
    field: "input.code",
    message: "must be two capital letters (ISO 3166-1 alpha-2)",
  },
  city_country_fkey: { field: "input.countryCode", message: "is not a known country code" },
  city_latitude_check: { field: "input.latitude", message: "must lie between -90 and 90" },
  city_longitude_check: { field: "input.longitude", message: "must lie between -180 and 180" },
  office_city_fkey: { field: "input.cityId", message: "is not a known city" },
  partnership_home_city_fkey: { field: "input.homeCityId", message: "is not a known Chinese city" },
  partnership_home_city_chinese: { field: "input.homeCityId", message: "must be a city in China" },
  partnership_partner_city_fkey: { field: "input.partnerCityId", message: "is not a known city" },
  partnership_partner_city_foreign: {
    field: "input.partnerCityId",
    message: "is a Chinese city; a partner city must be abroad",
  },
  partnership_pair_key: {
    field: "input.partnerCityId",
    message: "these two cities already have a partnership of this kind",
    conflict: true,
  },
  organization_country_fkey: { field: "input.countryCode", message: "is not a known country code" },
  organization_city_fkey: { field: "input.cityId", message: "is not a known city" },
  person_residence_country_fkey: {
    field: "input.residenceCountryCode",
    message: "is not a known country code",
  },
  investment_intention_precision_of_date: {
    field: "input.signedOnPrecision",
    message: "needs a signedOn date",
  },
  person_nationality_fkey: {
    field: "input.nationalityCode",
    message: "is not a known country code",
  },
  person_ancestral_home_fkey: { field: "input.ancestralHomeId", message: "is not a known city" },
  affiliation_organization_fkey: {
    field: "input.affiliations",
    message: "names an unknown organization",
  },
  affiliation_person_organization_key: {
    field: "input.affiliations",
    message: "names the same organization twice",
  },
  delegation_size_check: { field: "input.size", message: "must be a positive number of people" },
  delegation_dates_check: { field: "input.endDate", message: "must not be before startDate" },
  delegation_dates_known_together: {
    field: "input.endDate",
    message: "is given exactly when startDate is: an undated visit has neither",
  },
  delegation_precision_of_date: {
    field: "input.datePrecision",
    message: "is given exactly when startDate is: an undated visit has none",
  },
  delegation_approval_outbound: {
    field: "input.approval",
    message: "applies to OUTBOUND delegations only",
  },
  delegation_home_city_fkey: { field: "input.homeCityId", message: "is not a known Chinese city" },
  delegation_home_city_chinese: { field: "input.homeCityId", message: "must be a city in China" },
  delegation_counterpart_country_fkey: {
    field: "input.counterpartCountryCode",
    message: "is not a known country code",
  },
  delegation_counterpart_city_fkey: {
    field: "input.counterpartCityId",
    message: "is not a known city in the counterpart country",
  },
  delegation_organization_fkey: {
    field: "input.organizationId",
    message: "is not a known organization",
  },
  delegation_partnership_fkey: {
    field: "input.partnershipId",
    message: "is not a known partnership",
  },
  delegation_member_person_fkey: { field: "input.memberIds", message: "names an unknown person" },
  investment_intention_amount_check: { field: "input.amount", message: "must not be negative" },
  investment_intention_currency_check: {
    field: "input.currency",
    message: "must be an ISO 4217 code",
  },
  investment_intention_currency_given: {
    field: "input.currency",
    message: "is required with an amount",
  },
  investment_intention_investor_person_fkey: {
    field: "input.investorPersonId",
    message: "is not a known person",
  },
  investment_intention_investor_organization_fkey: {
    field: "input.investorOrganizationId",
    message: "is not a known organization",
  },
  investment_intention_target_city_fkey: {
    field: "input.targetCityId",
    message: "is not a known city",
  },
  investment_intention_target_zone_fkey: {
    field: "input.targetZoneId",
    message: "is not a known development zone",
  },
  investment_intention_delegation_fkey: {
    field: "input.delegationId",
    message: "is not a known delegation",
  },
  liaison_office_owner_city_fkey: {
    field: "input.ownerCityId",
    message: "is not a known Chinese city",
  },
  liaison_office_owner_city_chinese: {
    field: "input.ownerCityId",
    message: "must be a city in China",
  },
  liaison_office_host_country_fkey: {
    field: "input.hostCountryCode",
    message: "is not a known country code",
  },
  liaison_office_host_city_fkey: {
    field: "input.hostCityId",
    message: "is not a known city in the host country",
  },
  liaison_office_partner_organization_fkey: {
    field: "input.partnerOrganizationId",
    message: "is not a known organization",
  },
  liaison_office_dates_check: { field: "input.closedOn", message: "must not be before openedOn" },
  liaison_office_closed_status: {
    field: "input.status",
    message: "must be CLOSED when closedOn is set",
  },
  record_source_document_check: { field: "sources", message: "each needs a document" },
  record_source_inference_explained: {
    field: "sources",
    message: "an INFERRED source needs a note saying why",
  },
  reported_figure_city_fkey: { field: "input.cityId", message: "is not a known city" },
  reported_figure_office_fkey: { field: "input.officeId", message: "is not a known office" },
  reported_figure_label_check: { field: "input.label", message: "must not be empty" },
  reported_figure_batches_check: { field: "input.batches", message: "must not be negative" },
  reported_figure_person_times_check: {
    field: "input.personTimes",
    message: "must not be negative",
  },
  reported_figure_unit_given: {
    field: "input.unit",
    message: "is given with a value, and only so",
  },
  reported_figure_counts_something: {
    field: "input",
    message: "counts nothing: give batches, personTimes or a value",
  },
  cooperation_home_city_fkey: { field: "input.homeCityId", message: "is not a known city" },
  cooperation_partner_city_fkey: { field: "input.partnerCityId", message: "is not a known city" },
  cooperation_partnership_fkey: {
    field: "input.partnershipId",
    message: "is not a known partnership",
  },
  cooperation_organization_fkey: {
    field: "input.organizationId",
    message: "is not a known organization",
  },
  cooperation_partner_organization_fkey: {
    field: "input.partnerOrganizationId",
    message: "is not a known organization",
  },
  cooperation_size_check: { field: "input.size", message: "must be a positive number of people" },
  cooperation_description_check: { field: "input.description", message: "must not be empty" },
  plan_target_city_fkey: { field: "input.cityId", message: "is not a known Chinese city" },
  plan_target_city_chinese: { field: "input.cityId", message: "must be a city in China" },
  plan_target_year_check: { field: "input.year", message: "must lie between 1949 and 2100" },
  plan_target_value_check: { field: "input.targetValue", message: "must not be negative" },
  plan_target_city_year_metric_key: {
    field: "input.metric",
    message: "this city already has a target for this metric and year",
    conflict: true,
  },
};

interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A rule by its name alone: `city_name_zh_check` is a check on the input's `nameZh`. */
function ruleByName(pg: PgError): Rule | undefined {
  if (pg.code === NOT_NULL_VIOLATION && pg.column) {
    return { field: `input.${camel(pg.column)}`, message: "is required" };
  }
  const check = pg.table && pg.constraint?.match(new RegExp(`^${pg.table}_(.+)_check$`));
  return check
    ? { field: `input.${camel(check[1])}`, message: "is not an allowed value" }
    : undefined;
}

const NOT_NULL_VIOLATION = "23502";
const FOREIGN_KEY_VIOLATION = "23503";
const UNIQUE_VIOLATION = "23505";

/** `removing`: the write deletes rows, so a broken foreign key means the row is still in use. */
export function translateDatabaseError(error: unknown, removing = false): unknown {
  if (error instanceof HubError || !(error instanceof QueryFailedError)) return error;
  const pg = error.driverError as PgError;
  if (removing && pg.code === FOREIGN_KEY_VIOLATION) {
    return new Conflict("this record is still referenced by other records; remove those first");
  }
  const rule = (pg.constraint ? RULES[pg.constraint] : undefined) ?? ruleByName(pg);
  if (rule)
    return rule.conflict
      ? new Conflict(`${rule.field}: ${rule.message}`, rule.field)
      : new BadUserInput(rule.field, rule.message);
  if (pg.code === FOREIGN_KEY_VIOLATION)
    return new BadUserInput("input", "refers to a record that does not exist");
  if (pg.code === UNIQUE_VIOLATION)
    return new Conflict("a record with the same key exists already");
  if (pg.code?.startsWith("22") || pg.code?.startsWith("23")) {
    return new HubError("BAD_USER_INPUT", "the input breaks a rule of the data");
  }
  return error;
}
