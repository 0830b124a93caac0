import { registerEnumType } from "type-graphql";
import { Connection, OrderInput } from "../../records/connection";
import { City } from "./city";
import { Country } from "./country";
import { Office } from "./office";

export enum CountryOrderField {
  CODE = "CODE",
  NAME_EN = "NAME_EN",
  NAME_ZH = "NAME_ZH",
}
registerEnumType(CountryOrderField, { name: "CountryOrderField" });

export enum CityOrderField {
  NAME_EN = "NAME_EN",
  NAME_ZH = "NAME_ZH",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(CityOrderField, { name: "CityOrderField" });

export enum OfficeOrderField {
  NAME_ZH = "NAME_ZH",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(OfficeOrderField, { name: "OfficeOrderField" });

export const CountryOrder = OrderInput("Country", CountryOrderField, CountryOrderField.CODE);
export const CityOrder = OrderInput("City", CityOrderField, CityOrderField.NAME_EN);
export const OfficeOrder = OrderInput("Office", OfficeOrderField, OfficeOrderField.NAME_ZH);

export const CountryConnection = Connection(Country);
export const CityConnection = Connection(City);
export const OfficeConnection = Connection(Office);
