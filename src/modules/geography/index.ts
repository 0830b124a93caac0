// Geography owns the places every record hangs on: countries (ISO 3166-1, UN M49 regions),
// Chinese and foreign cities with their aliases, and the offices that keep the records.
import { CityResolver } from "./city.resolver";
import { CountryResolver } from "./country.resolver";
import { cityRelations, countryRelations, officeRelations } from "./geography.relations";
import { OfficeResolver } from "./office.resolver";

export { City, CityLevel } from "./city";
export { Country, Region } from "./country";
export { Office, OfficeKind } from "./office";
export { cityById, countryByCode, countryById, officeById } from "./geography.loaders";

export const geographyResolvers = [
  CityResolver,
  CountryResolver,
  OfficeResolver,
  countryRelations,
  cityRelations,
  officeRelations,
] as const;
