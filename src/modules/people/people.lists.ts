import { OrderDirection } from "../../db/paging";
import { Connection } from "../../records/connection";
import { listOrders } from "../../records/list-orders";
import { Organization } from "./organization";
import { Person } from "./person";

export const PersonOrders = listOrders(
  "Person",
  { NAME_ZH: "nameZh", CREATED_AT: "createdAt" },
  { field: "NAME_ZH", direction: OrderDirection.ASC },
);

export const OrganizationOrders = listOrders(
  "Organization",
  { NAME_ZH: "nameZh", CREATED_AT: "createdAt" },
  { field: "NAME_ZH", direction: OrderDirection.ASC },
);

export const PersonConnection = Connection(Person);
export const OrganizationConnection = Connection(Organization);
