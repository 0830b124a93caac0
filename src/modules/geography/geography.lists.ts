import { OrderDirection } from "../../db/paging";
import { Connection } from "../../records/connection";
import { listOrders } from "../../records/list-orders";
import { City } from "./city";
import { Country } from "./country";
import { Office } from "./office";

export const CountryOrders = listOrders(
  "Country",
  { CODE: "code", NAME_EN: "nameEn", NAME_ZH: "nameZh" },
  { field: "CODE", direction: OrderDirection.ASC },
);

export const CityOrders = listOrders(
  "City",
  { NAME_EN: "nameEn", NAME_ZH: "nameZh", CREATED_AT: "createdAt" },
  { field: "NAME_EN", direction: OrderDirection.ASC },
);

export const OfficeOrders = listOrders(
  "Office",
  { NAME_ZH: "nameZh", CREATED_AT: "createdAt" },
  { field: "NAME_ZH", direction: OrderDirection.ASC },
);

export const CountryConnection = Connection(Country);
export const CityConnection = Connection(City);
export const OfficeConnection = Connection(Office);
