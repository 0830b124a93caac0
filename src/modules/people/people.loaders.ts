import { oneBy } from "../../db/loaders";
import { Affiliation } from "./affiliation";
import { Organization } from "./organization";
import { Person } from "./person";

export const personById = oneBy(Person);
export const organizationById = oneBy(Organization);
export const affiliationById = oneBy(Affiliation);
