import { Resolver } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { RecordResolver } from "../../records/record-resolver";
import {
  InvestmentIntentionFilter,
  InvestmentIntentionInput,
  InvestmentIntentionPatch,
} from "./investment.inputs";
import {
  InvestmentIntentionConnection,
  InvestmentIntentionOrder,
  InvestmentIntentionOrderField,
} from "./investment.lists";
import { InvestmentIntentionService } from "./investment.service";
import { InvestmentIntention } from "./investment-intention";

@Resolver(() => InvestmentIntention)
export class InvestmentIntentionResolver extends RecordResolver({
  Type: InvestmentIntention,
  Input: InvestmentIntentionInput,
  Patch: InvestmentIntentionPatch,
  Filter: InvestmentIntentionFilter,
  Order: InvestmentIntentionOrder,
  Connection: InvestmentIntentionConnection,
  listName: "investmentIntentions",
  defaultOrder: { field: InvestmentIntentionOrderField.CREATED_AT, direction: OrderDirection.ASC },
  service: (ctx) => new InvestmentIntentionService(ctx),
}) {}
