import { manyBy, oneBy } from "../../graphql/loaders";
import { City } from "./city";
import { Country } from "./country";
import { Office } from "./office";

export const countryByCode = oneBy(Country, "code");
export const countryById = oneBy(Country);
export const cityById = oneBy(City);
export const citiesByCountry = manyBy(City, "countryCode", { nameEn: "ASC" });
export const officeById = oneBy(Office);
export const officesByCity = manyBy(Office, "cityId", { nameZh: "ASC" });
