import { linkedBy, manyBy, oneBy } from "../../graphql/loaders";
import { lookAhead } from "../../graphql/look-ahead";
import { City, cityById, Country, countryByCode } from "../geography";
import { Affiliation } from "./affiliation";
import { Organization } from "./organization";
import { Person } from "./person";

export const personById = oneBy(Person);
export const organizationById = oneBy(Organization);
export const affiliationById = oneBy(Affiliation);
export const affiliationsByPerson = manyBy(Affiliation, "personId", { since: "ASC" });
export const affiliationsByOrganization = manyBy(Affiliation, "organizationId", { since: "ASC" });
export const membersOfDelegation = linkedBy(Person, {
  table: "delegation_member",
  keyColumn: "delegation_id",
  rowColumn: "person_id",
});
export const membersOfOrganization = linkedBy(Person, {
  table: "affiliation",
  keyColumn: "organization_id",
  rowColumn: "person_id",
});

lookAhead(Person, "residenceCountry", {
  Target: Country,
  many: false,
  loader: countryByCode,
  key: (person) => person.residenceCountryCode,
  from: (person, row) => `FROM country ${row} WHERE ${row}.code = ${person}.residence_country_code`,
});
lookAhead(Person, "ancestralHome", {
  Target: City,
  many: false,
  loader: cityById,
  key: (person) => person.ancestralHomeId,
  from: (person, row) => `FROM city ${row} WHERE ${row}.id = ${person}.ancestral_home_id`,
});
lookAhead(Person, "affiliations", {
  Target: Affiliation,
  many: true,
  loader: affiliationsByPerson,
  key: (person) => person.id,
  from: (person, row) => `FROM affiliation ${row} WHERE ${row}.person_id = ${person}.id`,
  orderBy: (row) => `${row}.since`,
});
lookAhead(Affiliation, "organization", {
  Target: Organization,
  many: false,
  loader: organizationById,
  key: (affiliation) => affiliation.organizationId,
  from: (affiliation, row) =>
    `FROM organization ${row} WHERE ${row}.id = ${affiliation}.organization_id`,
});
lookAhead(Affiliation, "person", {
  Target: Person,
  many: false,
  loader: personById,
  key: (affiliation) => affiliation.personId,
  from: (affiliation, row) => `FROM person ${row} WHERE ${row}.id = ${affiliation}.person_id`,
});
lookAhead(Organization, "country", {
  Target: Country,
  many: false,
  loader: countryByCode,
  key: (organization) => organization.countryCode,
  from: (organization, row) =>
    `FROM country ${row} WHERE ${row}.code = ${organization}.country_code`,
});
lookAhead(Organization, "city", {
  Target: City,
  many: false,
  loader: cityById,
  key: (organization) => organization.cityId,
  from: (organization, row) => `FROM city ${row} WHERE ${row}.id = ${organization}.city_id`,
});
