import { children, reference, relations } from "../../records/relations";
import { City } from "./city";
import { Country } from "./country";
import { Office } from "./office";

export const countryRelations = relations(Country, {
  cities: children(() => City, "countryCode", { parentKey: "code", order: { nameEn: "ASC" } }),
});

export const cityRelations = relations(City, {
  country: reference(() => Country, "countryCode", { key: "code" }),
  offices: children(() => Office, "cityId", { order: { nameZh: "ASC" } }),
});

export const officeRelations = relations(Office, {
  city: reference(() => City, "cityId"),
});
