// The Node interface and the columns every row carries: uuid, timestamps and the
// version that optimistic locking compares.
import { Field, ID, Int, InterfaceType } from "type-graphql";
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { Source } from "./source";

const SOURCES = "Where the record comes from: documents, quoted sentences, imported rows.";

@InterfaceType({ description: "Anything with a global id; `node(id)` finds it." })
export abstract class Node {
  @Field(() => ID)
  id!: string;

  @Field(() => [Source], { description: SOURCES })
  sources!: Source[];
}

@InterfaceType("Versioned", {
  implements: Node,
  description: "A stored record: updates must send the `version` they read.",
})
export abstract class Row {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;

  @Field(() => Int, {
    description: "Incremented by every update; updates must send the version they read.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => [Source], { description: SOURCES })
  sources!: Source[];
}
