import { Field, Int, ObjectType } from "type-graphql";
import { ImportKind } from "./import-kind";

@ObjectType({ description: "A row the import refused, and why." })
export class ImportProblem {
  @Field({ description: "The worksheet (for a CSV file, the file's name)." })
  sheet!: string;

  @Field(() => Int, { description: "The row as a spreadsheet shows it; the heading row is 1." })
  row!: number;

  @Field(() => String, {
    nullable: true,
    description: "The column heading as the file spells it.",
  })
  column!: string | null;

  @Field({ description: "Why, in English." })
  reason!: string;
}

@ObjectType({ description: "What an import read, wrote and refused." })
export class ImportReport {
  @Field(() => ImportKind)
  type!: ImportKind;

  @Field()
  fileName!: string;

  @Field({ description: "Only checked: nothing was written." })
  dryRun!: boolean;

  @Field({ description: "Good rows were written even though others were refused." })
  partial!: boolean;

  @Field(() => Int, { description: "Rows read, headings and empty rows left out." })
  rows!: number;

  @Field(() => Int, { description: "Records created." })
  written!: number;

  @Field(() => Int, {
    description: "Rows whose record is already there (matched by its natural key): not written.",
  })
  unchanged!: number;

  @Field(() => [ImportProblem])
  problems!: ImportProblem[];
}
