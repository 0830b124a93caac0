// Where a record comes from, as GraphQL shows it (every Node's `sources`) and as it is stored;
// the provenance module (src/modules/provenance) reads and writes it.
import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum Certainty {
  STATED = "STATED",
  INFERRED = "INFERRED",
}
registerEnumType(Certainty, {
  name: "Certainty",
  valuesConfig: {
    STATED: { description: "The quoted sentence states the record." },
    INFERRED: { description: "Read from the source by an inference that `note` explains." },
  },
});

@ObjectType({ description: "Where a record comes from, and how firmly." })
export class Source {
  @Field({
    description: "The source document, or the imported file, by its file name.",
  })
  document!: string;

  @Field(() => String, { nullable: true, description: "The sentence that states the record." })
  quote!: string | null;

  @Field(() => Certainty)
  certainty!: Certainty;

  @Field(() => String, {
    nullable: true,
    description: "What was inferred and why; what the source leaves open.",
  })
  note!: string | null;

  @Field(() => String, { nullable: true, description: "The imported sheet." })
  sheet!: string | null;

  @Field(() => Int, { nullable: true, description: "The imported row, as the sheet numbers it." })
  row!: number | null;
}

@InputType({ description: "Where a record written by a mutation comes from." })
export class SourceInput {
  @Field({ description: "The document, by a name its readers can find it by." })
  document!: string;

  @Field(() => String, { nullable: true, description: "The sentence that states the record." })
  quote?: string;

  @Field(() => Certainty, { defaultValue: Certainty.STATED })
  certainty!: Certainty;

  @Field(() => String, { nullable: true, description: "Required for an inference: why." })
  note?: string;
}

/** A source as it is stored: given by a mutation, the seed facts or an importer. */
export type SourceRow = Pick<Source, "document" | "certainty"> &
  Partial<Pick<Source, "quote" | "note" | "sheet" | "row">>;
