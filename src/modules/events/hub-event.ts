import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType, UseMiddleware } from "type-graphql";
import { RestrictedInRecord } from "../../records/restricted";
import { Node } from "../../core/node";

/** Every kind of change: `<TYPE>_CREATED`, `_UPDATED`, `_DELETED`, plus named changes. */
export enum HubEventType {
  COUNTRY_CREATED = "COUNTRY_CREATED",
  COUNTRY_UPDATED = "COUNTRY_UPDATED",
  COUNTRY_DELETED = "COUNTRY_DELETED",
  CITY_CREATED = "CITY_CREATED",
  CITY_UPDATED = "CITY_UPDATED",
  CITY_DELETED = "CITY_DELETED",
  OFFICE_CREATED = "OFFICE_CREATED",
  OFFICE_UPDATED = "OFFICE_UPDATED",
  OFFICE_DELETED = "OFFICE_DELETED",
  PARTNERSHIP_CREATED = "PARTNERSHIP_CREATED",
  PARTNERSHIP_UPDATED = "PARTNERSHIP_UPDATED",
  PARTNERSHIP_DELETED = "PARTNERSHIP_DELETED",
  PARTNERSHIP_ADVANCED = "PARTNERSHIP_ADVANCED",
  DELEGATION_CREATED = "DELEGATION_CREATED",
  DELEGATION_UPDATED = "DELEGATION_UPDATED",
  DELEGATION_DELETED = "DELEGATION_DELETED",
  DELEGATION_DECIDED = "DELEGATION_DECIDED",
  PERSON_CREATED = "PERSON_CREATED",
  PERSON_UPDATED = "PERSON_UPDATED",
  PERSON_DELETED = "PERSON_DELETED",
  ORGANIZATION_CREATED = "ORGANIZATION_CREATED",
  ORGANIZATION_UPDATED = "ORGANIZATION_UPDATED",
  ORGANIZATION_DELETED = "ORGANIZATION_DELETED",
  INVESTMENT_INTENTION_CREATED = "INVESTMENT_INTENTION_CREATED",
  INVESTMENT_INTENTION_UPDATED = "INVESTMENT_INTENTION_UPDATED",
  INVESTMENT_INTENTION_DELETED = "INVESTMENT_INTENTION_DELETED",
  LIAISON_OFFICE_CREATED = "LIAISON_OFFICE_CREATED",
  LIAISON_OFFICE_UPDATED = "LIAISON_OFFICE_UPDATED",
  LIAISON_OFFICE_DELETED = "LIAISON_OFFICE_DELETED",
  PLAN_TARGET_CREATED = "PLAN_TARGET_CREATED",
  PLAN_TARGET_UPDATED = "PLAN_TARGET_UPDATED",
  PLAN_TARGET_DELETED = "PLAN_TARGET_DELETED",
  REPORTED_FIGURE_CREATED = "REPORTED_FIGURE_CREATED",
  REPORTED_FIGURE_UPDATED = "REPORTED_FIGURE_UPDATED",
  REPORTED_FIGURE_DELETED = "REPORTED_FIGURE_DELETED",
  COOPERATION_CREATED = "COOPERATION_CREATED",
  COOPERATION_UPDATED = "COOPERATION_UPDATED",
  COOPERATION_DELETED = "COOPERATION_DELETED",
}
registerEnumType(HubEventType, { name: "HubEventType" });

/** `InvestmentIntention` → `INVESTMENT_INTENTION`, the prefix of its event types. */
const typePrefix = (typeName: string) => typeName.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();

/** `InvestmentIntention` + `update` → `INVESTMENT_INTENTION_UPDATED`. */
export function eventTypeOf(typeName: string, action: string): HubEventType {
  const type = typePrefix(typeName);
  const verb = {
    create: "CREATED",
    update: "UPDATED",
    delete: "DELETED",
    advance: "ADVANCED",
    decide: "DECIDED",
  }[action];
  return `${type}_${verb}` as HubEventType;
}

/** Every type of event a change to a record of `typeName` can have. */
export function eventTypesOf(typeName: string): HubEventType[] {
  const prefix = `${typePrefix(typeName)}_`;
  return Object.values(HubEventType).filter(
    (type) => type.startsWith(prefix) && !type.slice(prefix.length).includes("_"),
  );
}

/** One committed change as the outbox holds it. */
export interface HubEventRow {
  cursor: string;
  type: HubEventType;
  entityType: string;
  entityId: string;
  cityId: string | null;
  entity: Record<string, unknown> | null;
  occurredAt: Date;
}

@ObjectType({
  description: "A committed change, in commit order; resume a stream with `since: cursor`.",
})
export class HubEvent {
  @Field({
    description: "Increases with every event; pass the last one seen as `since` to resume.",
  })
  cursor!: string;

  @Field(() => HubEventType)
  type!: HubEventType;

  @Field(() => ID)
  entityId!: string;

  @Field()
  entityType!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The city whose record changed, when it has one.",
  })
  cityId!: string | null;

  @UseMiddleware(RestrictedInRecord)
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      "The record as the change left it; for a delete, as it was. Restricted fields are null for roles that may not see them.",
  })
  snapshot!: Record<string, unknown> | null;

  @Field({ description: "When the change was written." })
  occurredAt!: Date;

  /** Resolved by the events resolver from the current record. */
  entity?: Node | null;
}
