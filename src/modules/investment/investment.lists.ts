import { OrderDirection } from "../../db/paging";
import { Connection } from "../../records/connection";
import { listOrders } from "../../records/list-orders";
import { InvestmentIntention } from "./investment-intention";

export const InvestmentIntentionOrders = listOrders(
  "InvestmentIntention",
  { CREATED_AT: "createdAt", UPDATED_AT: "updatedAt" },
  { field: "CREATED_AT", direction: OrderDirection.ASC },
);

export const InvestmentIntentionConnection = Connection(InvestmentIntention);
