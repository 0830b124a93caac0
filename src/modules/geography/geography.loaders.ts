import { oneBy } from "../../db/loaders";
import { City } from "./city";
import { Country } from "./country";
import { Office } from "./office";

export const countryByCode = oneBy(Country, "code");
export const countryById = oneBy(Country);
export const cityById = oneBy(City);
export const officeById = oneBy(Office);
