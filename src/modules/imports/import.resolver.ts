import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { HubContext } from "../../records/context";
import { ImportKind } from "./import-kind";
import { ImportProblem, ImportReport } from "./import.types";
import { importRecords } from "./importer";
import { reasonInChinese } from "./reasons-zh";
import { uploadedSource } from "./sources";

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description:
      "Imports an .xlsx or .csv register, as `npm run import` does: all or nothing unless `partial`; `dryRun` only checks. An editor imports only its cities' records.",
  })
  importRecords(
    @Ctx() ctx: HubContext,
    @Arg("type", () => ImportKind) type: ImportKind,
    @Arg("fileName", { description: "Its extension, .xlsx or .csv, says how to read it." })
    fileName: string,
    @Arg("contentBase64", { description: "The file's bytes in base64." }) contentBase64: string,
    @Arg("partial", { defaultValue: false }) partial: boolean,
    @Arg("dryRun", { defaultValue: false }) dryRun: boolean,
  ): Promise<ImportReport> {
    return importRecords(ctx, {
      type,
      source: uploadedSource(fileName, contentBase64),
      partial,
      dryRun,
    });
  }
}

@Resolver(() => ImportProblem)
export class ImportProblemResolver {
  @FieldResolver(() => String, { description: "Why, in Chinese." })
  reasonZh(@Root() problem: ImportProblem): string {
    return reasonInChinese(problem.reason);
  }
}
