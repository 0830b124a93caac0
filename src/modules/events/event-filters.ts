// Server-side filters: a subscriber hears only the events its filter names, so a dashboard of one
// city never receives another city's records. Filters compare the record as the change left it,
// or as it was before a delete.
import { checkId } from "../../core/input-checks";
import { countryCode } from "../../db/list-query";
import { HubEventRow, HubEventType } from "./hub-event";
import {
  DelegationRecordedFilter,
  InvestmentIntentionChangedFilter,
  PartnershipChangedFilter,
} from "./events.inputs";

export type EventFilter = (event: HubEventRow) => boolean;

/** Every `[column, value]` given must equal the record's property of that name. */
function recordMatches(entityType: string, wanted: [string, unknown][]): EventFilter {
  const given = wanted.filter(([, value]) => value !== undefined && value !== null);
  return (event) =>
    event.entityType === entityType &&
    given.every(([property, value]) => event.entity !== null && event.entity[property] === value);
}

const id = (value: string | undefined, field: string) => value && checkId(value, field);
const code = (value: string | undefined, field: string) => value && countryCode(value, field);

export function delegationRecorded(filter: DelegationRecordedFilter = {}): EventFilter {
  const matches = recordMatches("Delegation", [
    ["homeCityId", id(filter.homeCityId, "filter.homeCityId")],
    ["direction", filter.direction],
    [
      "counterpartCountryCode",
      code(filter.counterpartCountryCode, "filter.counterpartCountryCode"),
    ],
  ]);
  return (event) => event.type === HubEventType.DELEGATION_CREATED && matches(event);
}

export function partnershipChanged(filter: PartnershipChangedFilter = {}): EventFilter {
  return recordMatches("Partnership", [
    ["homeCityId", id(filter.homeCityId, "filter.homeCityId")],
    ["partnerCountryCode", code(filter.partnerCountryCode, "filter.partnerCountryCode")],
    ["kind", filter.kind],
  ]);
}

export function investmentIntentionChanged(
  filter: InvestmentIntentionChangedFilter = {},
): EventFilter {
  return recordMatches("InvestmentIntention", [
    ["targetCityId", id(filter.targetCityId, "filter.targetCityId")],
    ["kind", filter.kind],
  ]);
}

export function hubEvents(
  types: HubEventType[] | undefined,
  cityId: string | undefined,
): EventFilter {
  const wanted = types?.length ? new Set(types) : null;
  const city = id(cityId, "cityId");
  return (event) => (!wanted || wanted.has(event.type)) && (!city || event.cityId === city);
}
