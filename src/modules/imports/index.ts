// Imports own the offices' own registers: .xlsx and .csv files of delegations, partnerships, people
// and investments read row by row, checked, and written through the modules' services.
import { ImportProblemResolver, ImportResolver } from "./import.resolver";

export { ImportKind, importKindNamed } from "./import-kind";
export { ImportProblem, ImportReport } from "./import.types";
export { importRecords } from "./importer";
export type { ImportRequest } from "./importer";
export { fileSource, uploadedSource } from "./sources";
export { templateFileName, templateHeadings, writeTemplate } from "./template";

export const importResolvers = [ImportResolver, ImportProblemResolver] as const;
export { reasonInChinese } from "./reasons-zh";
