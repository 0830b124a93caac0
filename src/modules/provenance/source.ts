import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

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

/** A source as the seed facts and importers give it. */
export type SourceInput = Pick<Source, "document" | "certainty"> &
  Partial<Pick<Source, "quote" | "note" | "sheet" | "row">>;
