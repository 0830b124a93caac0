import { OrderDirection } from "../../db/paging";
import { Connection } from "../../records/connection";
import { listOrders } from "../../records/list-orders";
import { Partnership, PartnershipStage } from "./partnership";

const PIPELINE = Object.values(PartnershipStage)
  .map((stage) => `'${stage}'`)
  .join(", ");

export const PartnershipOrders = listOrders(
  "Partnership",
  {
    CREATED_AT: "createdAt",
    STAGE: { expression: `array_position(ARRAY[${PIPELINE}]::text[], row.stage)`, type: "integer" },
  },
  { field: "CREATED_AT", direction: OrderDirection.ASC },
  { STAGE: "Pipeline order: PROSPECT first, ENDED last." },
);

export const PartnershipConnection = Connection(Partnership);
