import { City, Country } from "../geography";
import { Partnership } from "../partnership";
import { Organization, Person } from "../people";
import { children, reference, relations, through } from "../../records/relations";
import { Delegation } from "./delegation";

// Delegations own the membership link table, so Person.delegations lives here, and with it the
// visits through a sister-city channel, Partnership.delegations.
const MEMBERS = { table: "delegation_member", delegation: "delegation_id", person: "person_id" };

export const delegationRelations = relations(Delegation, {
  homeCity: reference(() => City, "homeCityId"),
  counterpartCountry: reference(() => Country, "counterpartCountryCode", {
    key: "code",
    nullable: true,
  }),
  counterpartCity: reference(() => City, "counterpartCityId", { nullable: true }),
  organization: reference(() => Organization, "organizationId", { nullable: true }),
  partnership: reference(() => Partnership, "partnershipId", {
    nullable: true,
    description: "The sister-city channel of the visit.",
  }),
  members: through(() => Person, {
    table: MEMBERS.table,
    parent: MEMBERS.delegation,
    row: MEMBERS.person,
  }),
});

export const partnershipDelegations = relations(Partnership, {
  delegations: children(() => Delegation, "partnershipId", {
    order: { startDate: "DESC" },
    description: "Visits through this partnership, latest first.",
  }),
});

export const personDelegations = relations(Person, {
  delegations: through(() => Delegation, {
    table: MEMBERS.table,
    parent: MEMBERS.person,
    row: MEMBERS.delegation,
    description: "The delegations this person travelled with, by id.",
  }),
});
