import { registerEnumType } from "type-graphql";
import { Connection, OrderInput } from "../../records/connection";
import { Organization } from "./organization";
import { Person } from "./person";

export enum PersonOrderField {
  NAME_ZH = "NAME_ZH",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(PersonOrderField, { name: "PersonOrderField" });

export enum OrganizationOrderField {
  NAME_ZH = "NAME_ZH",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(OrganizationOrderField, { name: "OrganizationOrderField" });

export const PersonOrder = OrderInput("Person", PersonOrderField, PersonOrderField.NAME_ZH);
export const OrganizationOrder = OrderInput(
  "Organization",
  OrganizationOrderField,
  OrganizationOrderField.NAME_ZH,
);

export const PersonConnection = Connection(Person);
export const OrganizationConnection = Connection(Organization);
