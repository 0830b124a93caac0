import { OrderDirection } from "../../db/paging";
import { Connection } from "../../records/connection";
import { listOrders } from "../../records/list-orders";
import { LiaisonOffice } from "./liaison-office";

export const LiaisonOfficeOrders = listOrders(
  "LiaisonOffice",
  { NAME: "name", CREATED_AT: "createdAt" },
  { field: "NAME", direction: OrderDirection.ASC },
);

export const LiaisonOfficeConnection = Connection(LiaisonOffice);
