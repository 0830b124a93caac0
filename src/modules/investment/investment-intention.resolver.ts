import { Resolver } from "type-graphql";
import { RecordResolver } from "../../records/record-resolver";
import {
  InvestmentIntentionFilter,
  InvestmentIntentionInput,
  InvestmentIntentionPatch,
} from "./investment.inputs";
import { InvestmentIntentionConnection, InvestmentIntentionOrders } from "./investment.lists";
import { InvestmentIntentionService } from "./investment.service";
import { InvestmentIntention } from "./investment-intention";

@Resolver(() => InvestmentIntention)
export class InvestmentIntentionResolver extends RecordResolver({
  Type: InvestmentIntention,
  Input: InvestmentIntentionInput,
  Patch: InvestmentIntentionPatch,
  Filter: InvestmentIntentionFilter,
  orders: InvestmentIntentionOrders,
  Connection: InvestmentIntentionConnection,
  listName: "investmentIntentions",
  service: (ctx) => new InvestmentIntentionService(ctx),
}) {}
