import { registerEnumType } from "type-graphql";
import { Connection, OrderInput } from "../../records/connection";
import { Delegation } from "./delegation";

export enum DelegationOrderField {
  START_DATE = "START_DATE",
  CREATED_AT = "CREATED_AT",
  NAME = "NAME",
}
registerEnumType(DelegationOrderField, { name: "DelegationOrderField" });

export const DelegationOrder = OrderInput(
  "Delegation",
  DelegationOrderField,
  DelegationOrderField.START_DATE,
);

export const DelegationConnection = Connection(Delegation);
