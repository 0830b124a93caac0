import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType, UseMiddleware } from "type-graphql";
import { RestrictedInRecord } from "../../records/restricted";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({
  description: "One mutation: who did what to which record, with the record before and after.",
})
@Entity("audit_entry")
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field()
  @CreateDateColumn({ name: "occurred_at", type: "timestamptz" })
  occurredAt!: Date;

  @Field({ description: "The token's subject." })
  @Column({ type: "text" })
  actor!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  role!: string | null;

  @Field({ description: "create, update, delete, or a named change such as advance or decide." })
  @Column({ type: "text" })
  action!: string;

  @Field({ description: "The record's GraphQL type, e.g. Delegation." })
  @Column({ name: "entity_type", type: "text" })
  entityType!: string;

  @Field(() => ID)
  @Column({ name: "entity_id", type: "uuid" })
  entityId!: string;

  @UseMiddleware(RestrictedInRecord)
  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: "json", nullable: true })
  before!: object | null;

  @UseMiddleware(RestrictedInRecord)
  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: "json", nullable: true })
  after!: object | null;
}
