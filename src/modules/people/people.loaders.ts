import { linkedBy, manyBy, oneBy } from "../../db/loaders";
import { lookAhead, lookAheadReference } from "../../records/look-ahead";
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

lookAheadReference(
  Person,
  "residenceCountry",
  Country,
  countryByCode,
  "residenceCountryCode",
  "code",
);
lookAheadReference(Person, "ancestralHome", City, cityById, "ancestralHomeId");
lookAhead(Person, "affiliations", {
  Target: Affiliation,
  many: true,
  loader: affiliationsByPerson,
  key: (person) => person.id,
  from: (person, row) => `FROM affiliation ${row} WHERE ${row}.person_id = ${person}.id`,
  orderBy: (row) => `${row}.since, ${row}.id`,
});
lookAheadReference(Affiliation, "organization", Organization, organizationById, "organizationId");
lookAheadReference(Affiliation, "person", Person, personById, "personId");
lookAheadReference(Organization, "country", Country, countryByCode, "countryCode", "code");
lookAheadReference(Organization, "city", City, cityById, "cityId");
