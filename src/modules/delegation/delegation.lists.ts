import { OrderDirection } from "../../db/paging";
import { Connection } from "../../records/connection";
import { listOrders } from "../../records/list-orders";
import { Delegation } from "./delegation";

export const DelegationOrders = listOrders(
  "Delegation",
  { START_DATE: "startDate", CREATED_AT: "createdAt", NAME: "name" },
  { field: "START_DATE", direction: OrderDirection.DESC },
);

export const DelegationConnection = Connection(Delegation);
