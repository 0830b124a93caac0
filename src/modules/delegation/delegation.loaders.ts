import { linkedBy, manyBy, oneBy } from "../../db/loaders";
import { lookAhead, lookAheadReference } from "../../records/look-ahead";
import { City, cityById, Country, countryByCode } from "../geography";
import { Partnership, partnershipById } from "../partnership";
import { Organization, membersOfDelegation, organizationById, Person } from "../people";
import { Delegation } from "./delegation";

export const delegationById = oneBy(Delegation);
export const delegationsByPartnership = manyBy(Delegation, "partnershipId", { startDate: "DESC" });
export const delegationsOfMember = linkedBy(Delegation, {
  table: "delegation_member",
  keyColumn: "person_id",
  rowColumn: "delegation_id",
});

lookAheadReference(Delegation, "homeCity", City, cityById, "homeCityId");
lookAheadReference(
  Delegation,
  "counterpartCountry",
  Country,
  countryByCode,
  "counterpartCountryCode",
  "code",
);
lookAheadReference(Delegation, "counterpartCity", City, cityById, "counterpartCityId");
lookAheadReference(Delegation, "organization", Organization, organizationById, "organizationId");
lookAheadReference(Delegation, "partnership", Partnership, partnershipById, "partnershipId");
lookAhead(Delegation, "members", {
  Target: Person,
  many: true,
  loader: membersOfDelegation,
  key: (delegation) => delegation.id,
  from: (delegation, row) =>
    `FROM delegation_member ${row}_link JOIN person ${row} ON ${row}.id = ${row}_link.person_id
     WHERE ${row}_link.delegation_id = ${delegation}.id`,
  orderBy: (row) => `${row}.id`,
});
