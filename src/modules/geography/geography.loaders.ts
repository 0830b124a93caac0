import { manyBy, oneBy } from "../../graphql/loaders";
import { lookAhead } from "../../graphql/look-ahead";
import { City } from "./city";
import { Country } from "./country";
import { Office } from "./office";

export const countryByCode = oneBy(Country, "code");
export const countryById = oneBy(Country);
export const cityById = oneBy(City);
export const citiesByCountry = manyBy(City, "countryCode", { nameEn: "ASC" });
export const officeById = oneBy(Office);
export const officesByCity = manyBy(Office, "cityId", { nameZh: "ASC" });

lookAhead(City, "country", {
  Target: Country,
  many: false,
  loader: countryByCode,
  key: (city) => city.countryCode,
  from: (city, row) => `FROM country ${row} WHERE ${row}.code = ${city}.country_code`,
});
lookAhead(City, "offices", {
  Target: Office,
  many: true,
  loader: officesByCity,
  key: (city) => city.id,
  from: (city, row) => `FROM office ${row} WHERE ${row}.city_id = ${city}.id`,
  orderBy: (row) => `${row}.name_zh`,
});
