// Turns a file's sheets into rows keyed by column, each sheet read from its heading row on (rows
// above it, such as a register's title, are skipped).
import { ImportProblem } from "./import.types";
import { HeadingRow, isHeadingRow, readHeadings } from "./headings";
import { ImportColumn, RowCells } from "./row-cells";
import { SheetRow } from "./sheet-reader";

export interface ReadRows {
  rows: RowCells[];
  problems: ImportProblem[];
  /** Every sheet, in the file's order. */
  sheets: string[];
}

export async function rowsOf(
  columns: ImportColumn[],
  sheets: AsyncIterable<SheetRow>,
): Promise<ReadRows> {
  const rows: RowCells[] = [];
  const problems: ImportProblem[] = [];
  const headings = new Map<string, HeadingRow>();
  const headless = new Map<string, number>();
  const seen = new Set<string>();
  for await (const { sheet, row, cells } of sheets) {
    seen.add(sheet);
    if (cells.every((cell) => cell === "")) continue;
    const heading = headings.get(sheet);
    if (!heading) {
      if (isHeadingRow(columns, cells)) {
        const found = readHeadings(columns, sheet, row, cells);
        headings.set(sheet, found);
        problems.push(...found.problems);
      } else if (!headless.has(sheet)) headless.set(sheet, row);
      continue;
    }
    // A sheet missing a required column is reported once, at its heading row.
    if (heading.problems.length > 0) continue;
    rows.push(new RowCells(sheet, row, cells, heading.layout, columns));
  }
  for (const [sheet, row] of headless) {
    if (headings.has(sheet)) continue;
    const expected = columns
      .filter((c) => c.required)
      .map((c) => c.zh)
      .join(", ");
    problems.push({ sheet, row, column: null, reason: `no heading row naming ${expected}` });
  }
  return { rows, problems, sheets: [...seen] };
}
