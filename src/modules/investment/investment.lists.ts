import { registerEnumType } from "type-graphql";
import { Connection, OrderInput } from "../../records/connection";
import { InvestmentIntention } from "./investment-intention";

export enum InvestmentIntentionOrderField {
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
}
registerEnumType(InvestmentIntentionOrderField, { name: "InvestmentIntentionOrderField" });

export const InvestmentIntentionOrder = OrderInput(
  "InvestmentIntention",
  InvestmentIntentionOrderField,
  InvestmentIntentionOrderField.CREATED_AT,
);

export const InvestmentIntentionConnection = Connection(InvestmentIntention);
