import { manyBy, oneBy } from "../../db/loaders";
import { lookAhead, lookAheadReference } from "../../records/look-ahead";
import { City } from "./city";
import { Country } from "./country";
import { Office } from "./office";

export const countryByCode = oneBy(Country, "code");
export const countryById = oneBy(Country);
export const cityById = oneBy(City);
export const citiesByCountry = manyBy(City, "countryCode", { nameEn: "ASC" });
export const officeById = oneBy(Office);
export const officesByCity = manyBy(Office, "cityId", { nameZh: "ASC" });

lookAheadReference(City, "country", Country, countryByCode, "countryCode", "code");
lookAhead(City, "offices", {
  Target: Office,
  many: true,
  loader: officesByCity,
  key: (city) => city.id,
  from: (city, row) => `FROM office ${row} WHERE ${row}.city_id = ${city}.id`,
  orderBy: (row) => `${row}.name_zh, ${row}.id`,
});
