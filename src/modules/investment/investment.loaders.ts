import { oneBy } from "../../graphql/loaders";
import { InvestmentIntention } from "./investment-intention";

export const investmentIntentionById = oneBy(InvestmentIntention);
