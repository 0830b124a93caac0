// Server-side filters: a subscriber hears only the events its filter names, so a dashboard of one
// city never receives another city's records. Filters compare the record as the change left it,
// or as it was before a delete. Each also names the event types and the city it can match, which
// replays read in SQL, so that a replay reads only the history it may send.
import { checkId, checkInput } from "../../core/input-checks";
import { declareFilter, FilterFields, recordTest } from "../../db/filter-fields";
import { DelegationFilterFields } from "../delegation";
import { InvestmentFilterFields } from "../investment";
import { PartnershipFilterFields } from "../partnership";
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

// A subscription filter's fields are some of its type's list filter's, read from that declaration.
declareFilter(DelegationRecordedFilter, DelegationFilterFields);
declareFilter(PartnershipChangedFilter, PartnershipFilterFields);
declareFilter(InvestmentIntentionChangedFilter, InvestmentFilterFields);

/** The changed record must hold what the filter asks for, as the type's list would pick it. */
function recordMatches<F extends object>(
  entityType: string,
  fields: FilterFields<F>,
  filter: F,
): EventFilter {
  // Checked as a list's filter is, so that a subscription refuses what the list would.
  checkInput(filter, "filter");
  const holds = recordTest(fields, filter);
  return (event) => event.entityType === entityType && holds(event.entity);
}

const id = (value: string | undefined, field: string) => (value && checkId(value, field)) || null;

export function delegationRecorded(filter: DelegationRecordedFilter = {}): EventSelection {
  // A delegation's event belongs to its home city (its editors' city).
  const cityId = id(filter.homeCityId, "filter.homeCityId");
  const matches = recordMatches("Delegation", DelegationFilterFields, filter);
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
    matches: recordMatches("Partnership", PartnershipFilterFields, filter),
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
    matches: recordMatches("InvestmentIntention", InvestmentFilterFields, filter),
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
