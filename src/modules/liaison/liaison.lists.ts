import { registerEnumType } from "type-graphql";
import { Connection, OrderInput } from "../../records/connection";
import { LiaisonOffice } from "./liaison-office";

export enum LiaisonOfficeOrderField {
  NAME = "NAME",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(LiaisonOfficeOrderField, { name: "LiaisonOfficeOrderField" });

export const LiaisonOfficeOrder = OrderInput(
  "LiaisonOffice",
  LiaisonOfficeOrderField,
  LiaisonOfficeOrderField.NAME,
);

export const LiaisonOfficeConnection = Connection(LiaisonOffice);
