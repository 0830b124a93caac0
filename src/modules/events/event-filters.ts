// Server-side filters: a subscriber hears only the events its filter names, so a dashboard of one
// city never receives another city's records. Filters compare the record as the change left it,
// or as it was before a delete. Each also names the event types and the city it can match, which
// replays read in SQL, so that a replay reads only the history it may send.
import { checkId } from "../../core/input-checks";
import { countryCode } from "../../db/list-query";
import { eventTypesOf, HubEventRow, HubEventType } from "./hub-event";
import {
  DelegationRecordedFilter,
  InvestmentIntentionChangedFilter,
  PartnershipChangedFilter,
} from "./events.inputs";

export type EventFilter = (event: HubEventRow) => boolean;

/** What one subscription hears. */
export interface EventSelection {
  /** Only events of these types; null for every type. */
  types: HubEventType[] | null;
  /** Only events of this city's records (the event's `cityId`); null for every city. */
  cityId: string | null;
  /** The whole filter, types and city included. */
  matches: EventFilter;
}

/** Every `[column, value]` given must equal the record's property of that name. */
function recordMatches(entityType: string, wanted: [string, unknown][]): EventFilter {
  const given = wanted.filter(([, value]) => value !== undefined && value !== null);
  return (event) =>
    event.entityType === entityType &&
    given.every(([property, value]) => event.entity !== null && event.entity[property] === value);
}

const id = (value: string | undefined, field: string) => (value && checkId(value, field)) || null;
const code = (value: string | undefined, field: string) => value && countryCode(value, field);

export function delegationRecorded(filter: DelegationRecordedFilter = {}): EventSelection {
  // A delegation's event belongs to its home city (its editors' city).
  const cityId = id(filter.homeCityId, "filter.homeCityId");
  const matches = recordMatches("Delegation", [
    ["homeCityId", cityId],
    ["direction", filter.direction],
    [
      "counterpartCountryCode",
      code(filter.counterpartCountryCode, "filter.counterpartCountryCode"),
    ],
  ]);
  return {
    types: [HubEventType.DELEGATION_CREATED],
    cityId,
    matches: (event) => event.type === HubEventType.DELEGATION_CREATED && matches(event),
  };
}

export function partnershipChanged(filter: PartnershipChangedFilter = {}): EventSelection {
  const cityId = id(filter.homeCityId, "filter.homeCityId");
  return {
    types: eventTypesOf("Partnership"),
    cityId,
    matches: recordMatches("Partnership", [
      ["homeCityId", cityId],
      ["partnerCountryCode", code(filter.partnerCountryCode, "filter.partnerCountryCode")],
      ["kind", filter.kind],
    ]),
  };
}

export function investmentIntentionChanged(
  filter: InvestmentIntentionChangedFilter = {},
): EventSelection {
  // An intention's event belongs to its target city.
  const cityId = id(filter.targetCityId, "filter.targetCityId");
  return {
    types: eventTypesOf("InvestmentIntention"),
    cityId,
    matches: recordMatches("InvestmentIntention", [
      ["targetCityId", cityId],
      ["kind", filter.kind],
    ]),
  };
}

export function hubEvents(
  types: HubEventType[] | undefined,
  cityId: string | undefined,
): EventSelection {
  const wanted = types?.length ? new Set(types) : null;
  const city = id(cityId, "cityId");
  return {
    types: wanted && [...wanted],
    cityId: city,
    matches: (event) => (!wanted || wanted.has(event.type)) && (!city || event.cityId === city),
  };
}
