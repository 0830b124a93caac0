import { linkedBy, manyBy, oneBy } from "../../graphql/loaders";
import { lookAhead } from "../../graphql/look-ahead";
import { City, cityById, Country, countryByCode } from "../geography";
import { Partnership } from "../partnership/partnership";
import { partnershipById } from "../partnership/partnership.loaders";
import { Organization } from "../people/organization";
import { membersOfDelegation, organizationById } from "../people/people.loaders";
import { Person } from "../people/person";
import { Delegation } from "./delegation";

export const delegationById = oneBy(Delegation);
export const delegationsByPartnership = manyBy(Delegation, "partnershipId", { startDate: "DESC" });
export const delegationsOfMember = linkedBy(Delegation, {
  table: "delegation_member",
  keyColumn: "person_id",
  rowColumn: "delegation_id",
});

lookAhead(Delegation, "homeCity", {
  Target: City,
  many: false,
  loader: cityById,
  key: (delegation) => delegation.homeCityId,
  from: (delegation, row) => `FROM city ${row} WHERE ${row}.id = ${delegation}.home_city_id`,
});
lookAhead(Delegation, "counterpartCountry", {
  Target: Country,
  many: false,
  loader: countryByCode,
  key: (delegation) => delegation.counterpartCountryCode,
  from: (delegation, row) =>
    `FROM country ${row} WHERE ${row}.code = ${delegation}.counterpart_country_code`,
});
lookAhead(Delegation, "counterpartCity", {
  Target: City,
  many: false,
  loader: cityById,
  key: (delegation) => delegation.counterpartCityId,
  from: (delegation, row) => `FROM city ${row} WHERE ${row}.id = ${delegation}.counterpart_city_id`,
});
lookAhead(Delegation, "organization", {
  Target: Organization,
  many: false,
  loader: organizationById,
  key: (delegation) => delegation.organizationId,
  from: (delegation, row) =>
    `FROM organization ${row} WHERE ${row}.id = ${delegation}.organization_id`,
});
lookAhead(Delegation, "partnership", {
  Target: Partnership,
  many: false,
  loader: partnershipById,
  key: (delegation) => delegation.partnershipId,
  from: (delegation, row) =>
    `FROM partnership ${row} WHERE ${row}.id = ${delegation}.partnership_id`,
});
lookAhead(Delegation, "members", {
  Target: Person,
  many: true,
  loader: membersOfDelegation,
  key: (delegation) => delegation.id,
  from: (delegation, row) =>
    `FROM delegation_member ${row}_link JOIN person ${row} ON ${row}.id = ${row}_link.person_id
     WHERE ${row}_link.delegation_id = ${delegation}.id`,
});
