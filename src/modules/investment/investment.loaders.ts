import { oneBy } from "../../db/loaders";
import { InvestmentIntention } from "./investment-intention";

export const investmentIntentionById = oneBy(InvestmentIntention);
