// An import from first row to report: rows are read and checked, matched against records already
// there by their natural keys, then created through the type's service in one transaction, so
// that constraints, the claim of an editor's token, audit entries and hub events are a mutation's.
import { requireWriter } from "../../graphql/access/actor";
import { HubContext } from "../../graphql/context";
import { BadUserInput, HubError } from "../../graphql/errors";
import { ProgressBar } from "../../seed/synthetic/progress";
import { ImportKind } from "./import-kind";
import { ImportSpec } from "./import-spec";
import { ImportProblem, ImportReport } from "./import.types";
import { rowsOf } from "./import-rows";
import { delegationImport } from "./kinds/delegations";
import { investmentImport } from "./kinds/investments";
import { partnershipImport } from "./kinds/partnerships";
import { personImport } from "./kinds/people";
import { PlaceBook } from "./places";
import { RowCells } from "./row-cells";
import { formatOf, ImportSource, readSheets } from "./sheet-reader";

export const IMPORT_SPECS: Record<ImportKind, ImportSpec<object>> = {
  [ImportKind.DELEGATIONS]: delegationImport as ImportSpec<object>,
  [ImportKind.PARTNERSHIPS]: partnershipImport as ImportSpec<object>,
  [ImportKind.PEOPLE]: personImport as ImportSpec<object>,
  [ImportKind.INVESTMENTS]: investmentImport as ImportSpec<object>,
};

/** Rows from which a terminal shows a progress bar. */
const PROGRESS_FROM_ROWS = 2000;
const PROGRESS_FROM_BYTES = 256 * 1024;

export interface ImportRequest {
  type: ImportKind;
  source: ImportSource;
  partial?: boolean;
  dryRun?: boolean;
  /** Where a progress bar goes, for files over a few thousand rows. */
  progress?: NodeJS.WriteStream;
}

interface Candidate {
  cells: RowCells;
  input: object;
}

export async function importRecords(
  ctx: HubContext,
  request: ImportRequest,
): Promise<ImportReport> {
  requireWriter(ctx.actor);
  const spec = IMPORT_SPECS[request.type];
  const bar = request.progress && new ProgressBar(request.progress);
  const { size } = request.source;
  const showBytes = bar && size >= PROGRESS_FROM_BYTES;
  const sheets = readSheets(request.source, (done) =>
    showBytes ? bar.update({ pass: "reading", done, total: size }) : undefined,
  );
  const read = await rowsOf(spec.columns, sheets).catch((error: unknown) => {
    throw unreadable(request.source, error);
  });
  const problems = [...read.problems];
  const converted = await convert(ctx, spec, read.rows, problems);
  const { fresh, unchanged } = await newRecords(ctx, spec, converted, problems);
  const showRows = bar && fresh.length >= PROGRESS_FROM_ROWS;
  const outcome = await spec.service(ctx).createMany(
    fresh.map((c) => c.input),
    {
      partial: request.partial,
      dryRun: request.dryRun || (problems.length > 0 && !request.partial),
      onProgress: (pass, done, total) => (showRows ? bar.update({ pass, done, total }) : undefined),
    },
  );
  for (const { index, error } of outcome.refusals)
    problems.push(refusal(spec, fresh[index].cells, error));
  return {
    type: request.type,
    fileName: request.source.fileName,
    dryRun: Boolean(request.dryRun),
    partial: Boolean(request.partial),
    rows: read.rows.length,
    written: outcome.created.length,
    unchanged,
    problems: inFileOrder(problems, read.sheets),
  };
}

/** A file the readers could not parse: the parser's words, which name no path or query. */
function unreadable(source: ImportSource, error: unknown): HubError {
  if (error instanceof HubError) return error;
  const detail = error instanceof Error ? `: ${error.message.split("\n")[0]}` : "";
  return new BadUserInput(
    source.field,
    `is not a readable .${formatOf(source.fileName)} file${detail}`,
  );
}

async function convert(
  ctx: HubContext,
  spec: ImportSpec<object>,
  rows: RowCells[],
  problems: ImportProblem[],
): Promise<Candidate[]> {
  const places = await PlaceBook.load(ctx.db);
  const toInput = await spec.converter(ctx.db, places, rows);
  const candidates: Candidate[] = [];
  for (const cells of rows) {
    const input = toInput(cells);
    problems.push(...cells.problems);
    if (input) candidates.push({ cells, input });
  }
  return candidates;
}

/**
 * The candidates whose record is not there yet. A second row with the key of an earlier one is a
 * problem; a row whose record exists already is left alone, so that importing again adds nothing.
 */
async function newRecords(
  ctx: HubContext,
  spec: ImportSpec<object>,
  candidates: Candidate[],
  problems: ImportProblem[],
): Promise<{ fresh: Candidate[]; unchanged: number }> {
  const key = spec.naturalKey;
  const keys = candidates.map((c) => key.of(c.input));
  const existing: { key: string }[] = await ctx.db.query(
    `SELECT DISTINCT t.k AS key FROM (SELECT ${key.sql} AS k FROM ${key.table}) t
       JOIN unnest($1::text[]) AS wanted (k) ON wanted.k = t.k`,
    [[...new Set(keys)]],
  );
  const present = new Set(existing.map((row) => row.key));
  const firstRow = new Map<string, RowCells>();
  const fresh: Candidate[] = [];
  let unchanged = 0;
  candidates.forEach((candidate, i) => {
    const first = firstRow.get(keys[i]);
    if (first) {
      const where = first.sheet === candidate.cells.sheet ? "" : ` of ${first.sheet}`;
      candidate.cells.problem(
        key.column,
        `duplicate of row ${first.row}${where} (same ${key.describe})`,
      );
      problems.push(...candidate.cells.problems);
      return;
    }
    firstRow.set(keys[i], candidate.cells);
    if (present.has(keys[i])) unchanged += 1;
    else fresh.push(candidate);
  });
  return { fresh, unchanged };
}

/** A service's refusal of a row, on the column of the input field it names. */
function refusal(spec: ImportSpec<object>, cells: RowCells, error: HubError): ImportProblem {
  const field = typeof error.extensions.field === "string" ? error.extensions.field : null;
  const reason = field ? error.message.replace(`${field}: `, "") : error.message;
  const name = field?.replace(/^input\.?/, "").split(/[.[]/)[0];
  const column = name ? spec.columns.find((c) => c.fields?.includes(name)) : undefined;
  const key = column?.key ?? (field === "input" ? spec.ownerColumn : null);
  return { sheet: cells.sheet, row: cells.row, column: key && cells.heading(key), reason };
}

/** Problems by sheet and row as the file has them, heading problems before the rows'. */
function inFileOrder(problems: ImportProblem[], sheets: string[]): ImportProblem[] {
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort(
      (a, b) =>
        sheets.indexOf(a.problem.sheet) - sheets.indexOf(b.problem.sheet) ||
        a.problem.row - b.problem.row ||
        a.i - b.i,
    )
    .map(({ problem }) => problem);
}
