import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { refusals } from "../../db/refusals";
import { CalendarDate } from "../../records/scalars";
import { Node, Row } from "../../core/node";

@Directive('@key(fields: "id")')
@ObjectType({ implements: [Node, Row], description: "A person's role in an organization." })
@Entity("affiliation")
export class Affiliation extends Row {
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  role!: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @Column({ type: "date", nullable: true })
  since!: string | null;

  @Field(() => ID)
  @Column({ name: "person_id", type: "uuid" })
  personId!: string;

  @Field(() => ID)
  @Column({ name: "organization_id", type: "uuid" })
  organizationId!: string;
}

refusals(Affiliation, {
  affiliation_organization_fkey: {
    field: "input.affiliations",
    message: "names an unknown organization",
  },
  affiliation_person_organization_key: {
    field: "input.affiliations",
    message: "names the same organization twice",
  },
});
