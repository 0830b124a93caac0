import { Field, ID, InputType } from "type-graphql";

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
