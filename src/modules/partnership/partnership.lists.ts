import { registerEnumType } from "type-graphql";
import { Connection, OrderInput } from "../../records/connection";
import { Partnership } from "./partnership";

export enum PartnershipOrderField {
  CREATED_AT = "CREATED_AT",
  STAGE = "STAGE",
}
registerEnumType(PartnershipOrderField, {
  name: "PartnershipOrderField",
  valuesConfig: { STAGE: { description: "Pipeline order: PROSPECT first, ENDED last." } },
});

export const PartnershipOrder = OrderInput(
  "Partnership",
  PartnershipOrderField,
  PartnershipOrderField.CREATED_AT,
);

export const PartnershipConnection = Connection(Partnership);
