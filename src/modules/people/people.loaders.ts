import { linkedBy, manyBy, oneBy } from "../../graphql/loaders";
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
