// Investment owns the investment, donation and trade intentions that visits and overseas Chinese
// bring: who invests how much, exactly, into which city or development zone, and how far it got.
import { InvestmentIntentionResolver } from "./investment-intention.resolver";
import { investmentIntentionRelations } from "./investment.relations";

export { InvestmentIntention, InvestmentKind, InvestmentStage } from "./investment-intention";
export { investmentIntentionById } from "./investment.loaders";
export { InvestmentFilterFields, InvestmentIntentionInput } from "./investment.inputs";
export { InvestmentIntentionService } from "./investment.service";

export const investmentResolvers = [
  InvestmentIntentionResolver,
  investmentIntentionRelations,
] as const;
