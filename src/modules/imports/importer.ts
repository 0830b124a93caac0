// An import from first row to report: rows are read and checked, matched against records already
// there by their natural keys, then created through the type's service in one transaction, so
// that constraints, the claim of an editor's token, audit entries and hub events are a mutation's.
import { EntityManager } from "typeorm";
import { nextTurn, ROWS_PER_TURN } from "../../db/bulk-statements";
import { arrayLiteral } from "../../db/bulk-insert";
import { requireWriter } from "../../core/actor";
import { ServiceContext } from "../../db/service-context";
import { BadUserInput, HubError } from "../../core/errors";
import { ProgressBar } from "../../core/progress-bar";
import { ImportKind } from "./import-kind";
import { ImportSpec } from "./import-spec";
import { ImportProblem, ImportReport } from "./import.types";
import { SheetRows } from "./import-rows";
import { delegationImport } from "./kinds/delegations";
import { investmentImport } from "./kinds/investments";
import { partnershipImport } from "./kinds/partnerships";
import { personImport } from "./kinds/people";
import { Certainty } from "../provenance";
import { PlaceBook } from "./places";
import { RowCells, RowPlace } from "./row-cells";
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
  ctx: ServiceContext,
  request: ImportRequest,
): Promise<ImportReport> {
  requireWriter(ctx.actor);
  const spec = IMPORT_SPECS[request.type];
  const bar = request.progress && new ProgressBar(request.progress);
  const { size } = request.source;
  const showBytes = bar && size >= PROGRESS_FROM_BYTES;
  const sheets = readSheets(request.source, (done) =>
    showBytes ? bar.update({ pass: "reading, checking", done, total: size }) : undefined,
  );
  const problems: ImportProblem[] = [];
  const rows = new SheetRows(spec.columns, sheets, problems);
  const places = await PlaceBook.load(ctx.db);
  const matcher = new RecordMatcher(spec, problems);
  const outcome = await spec
    .service(ctx)
    .createMany((tx) => freshInputs(tx, spec, places, rows, matcher, request.source), {
      partial: request.partial,
      dryRun: request.dryRun,
      // A row the import itself refuses holds the writes back, as a refusal of the service does.
      heldBack: () => !request.partial && problems.length > 0,
      onProgress: (pass, done, total) =>
        bar && pass === "writing" && total >= PROGRESS_FROM_ROWS
          ? bar.update({ pass, done, total })
          : undefined,
      sourceOf: (index) => {
        const { sheet, row } = matcher.fresh[index];
        return { document: request.source.fileName, certainty: Certainty.STATED, sheet, row };
      },
    });
  for (const { index, error } of outcome.refusals)
    problems.push(refusal(spec, matcher.fresh[index], error));
  return {
    type: request.type,
    fileName: request.source.fileName,
    dryRun: Boolean(request.dryRun),
    partial: Boolean(request.partial),
    rows: rows.count,
    written: outcome.createdIds.length,
    unchanged: matcher.unchanged,
    problems: inFileOrder(problems, rows.sheets),
  };
}

/**
 * The inputs of the rows whose records are not there yet, batch after batch as the file is read,
 * so that the first ones are written while the rest of the file is still being read.
 */
async function* freshInputs(
  tx: EntityManager,
  spec: ImportSpec<object>,
  places: PlaceBook,
  rows: SheetRows,
  matcher: RecordMatcher,
  source: ImportSource,
): AsyncGenerator<object> {
  const batches = rows.batches();
  for (;;) {
    const next = await batches.next().catch((error: unknown) => {
      throw unreadable(source, error);
    });
    if (next.done) return;
    const converted = await convert(tx, spec, places, next.value, matcher.problems);
    for (const candidate of await matcher.notYetRecorded(tx, converted)) yield candidate.input;
  }
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
  tx: EntityManager,
  spec: ImportSpec<object>,
  places: PlaceBook,
  rows: RowCells[],
  problems: ImportProblem[],
): Promise<Candidate[]> {
  const toInput = await spec.converter(tx, places, rows);
  const candidates: Candidate[] = [];
  for (const [i, cells] of rows.entries()) {
    if (i % ROWS_PER_TURN === 0) await nextTurn();
    const input = toInput(cells);
    problems.push(...cells.problems);
    if (input) candidates.push({ cells, input });
  }
  return candidates;
}

/**
 * Sorts the candidates into those whose record is not there yet and the rest. A second row with
 * the key of an earlier one is a problem; a row whose record exists already is left alone, so
 * that importing again adds nothing.
 */
class RecordMatcher {
  /** Where the candidates to create are, in the order they were handed on. */
  readonly fresh: RowPlace[] = [];
  unchanged = 0;
  private readonly firstRow = new Map<string, RowPlace>();

  constructor(
    private readonly spec: ImportSpec<object>,
    readonly problems: ImportProblem[],
  ) {}

  /** The candidates of one batch whose record is not there yet. */
  async notYetRecorded(tx: EntityManager, candidates: Candidate[]): Promise<Candidate[]> {
    const key = this.spec.naturalKey;
    const values: (string | null)[][] = [];
    const keys: string[] = [];
    for (const [i, candidate] of candidates.entries()) {
      if (i % ROWS_PER_TURN === 0) await nextTurn();
      values.push(key.parts.map((part) => part.of(candidate.input)));
      keys.push(JSON.stringify(values[i]));
    }
    const present = new Set((await this.recorded(tx, values)).map((i) => keys[i]));
    const fresh: Candidate[] = [];
    for (const [i, candidate] of candidates.entries()) {
      if (i % ROWS_PER_TURN === 0) await nextTurn();
      const first = this.firstRow.get(keys[i]);
      if (first) {
        const where = first.sheet === candidate.cells.sheet ? "" : ` of ${first.sheet}`;
        candidate.cells.problem(
          key.column,
          `duplicate of row ${first.row}${where} (same ${key.describe})`,
        );
        this.problems.push(...candidate.cells.problems);
        continue;
      }
      const place = candidate.cells.place();
      this.firstRow.set(keys[i], place);
      if (present.has(keys[i])) this.unchanged += 1;
      else {
        fresh.push(candidate);
        this.fresh.push(place);
      }
    }
    return fresh;
  }

  /**
   * Which of the keys' values (their places in `values`) name a record there already: joined on
   * the key's parts, so that PostgreSQL can look each up through an index of the table.
   */
  private async recorded(tx: EntityManager, values: (string | null)[][]): Promise<number[]> {
    const { parts, table } = this.spec.naturalKey;
    const arrays = parts.map((part, p) => `$${p + 2}::${part.type}[]`).join(", ");
    const columns = parts.map((_, p) => `p${p}`).join(", ");
    const equal = parts
      .map((part, p) => `${part.sql} ${part.nullable ? "IS NOT DISTINCT FROM" : "="} w.p${p}`)
      .join(" AND ");
    const rows: { n: number }[] = await tx.query(
      `SELECT w.n - 1 AS n
       FROM unnest($1::int[], ${arrays}) AS w (n, ${columns})
       WHERE EXISTS (SELECT 1 FROM ${table} t WHERE ${equal})`,
      [
        arrayLiteral(values.map((_, i) => String(i + 1))),
        ...parts.map((_, p) => arrayLiteral(values.map((v) => v[p]))),
      ],
    );
    return rows.map((row) => row.n);
  }
}

/** A service's refusal of a row, on the column of the input field it names. */
function refusal(spec: ImportSpec<object>, cells: RowPlace, error: HubError): ImportProblem {
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
