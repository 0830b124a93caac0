import { Field, ID, InputType } from "type-graphql";
import { declareFilter, period, sameId, sameValue } from "../../db/filter-fields";

@InputType()
export class AuditFilter {
  @Field({ nullable: true, description: "A GraphQL type name, e.g. Delegation." })
  entityType?: string;

  @Field(() => ID, { nullable: true })
  entityId?: string;

  @Field({ nullable: true, description: "The token subject that acted." })
  actor?: string;

  @Field({ nullable: true })
  action?: string;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;
}

export const AuditFilterFields = declareFilter(AuditFilter, {
  entityType: sameValue("entityType"),
  entityId: sameId("entityId"),
  actor: sameValue("actor"),
  action: sameValue("action"),
  // An entry is an instant: a period of its own. A reversed period has always matched nothing.
  ...period("occurredAt", "occurredAt", { reversed: "matches nothing" }),
});
