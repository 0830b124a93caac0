// Finds a sheet's heading row and what each of its columns holds. Headings are matched in Chinese
// or English, case and spacing aside, with "*" marks and (parenthesised) units dropped; a
// template heading such as "团组名称 / name" matches by either half. Other columns are ignored.
import { ImportProblem } from "./import.types";
import { nameKey } from "./places";
import { ImportColumn, SheetLayout } from "./row-cells";

export interface HeadingRow {
  layout: SheetLayout;
  problems: ImportProblem[];
}

function headingKeys(text: string): string[] {
  const bare = text.replace(/[*＊]/g, "").replace(/[（(][^）)]*[）)]/g, "");
  return bare.split(/[/／]/).map(nameKey).filter(Boolean);
}

function columnOf(columns: ImportColumn[], text: string): ImportColumn | undefined {
  const keys = headingKeys(text);
  return columns.find((column) =>
    [column.zh, column.en, ...(column.aliases ?? [])].some((name) => keys.includes(nameKey(name))),
  );
}

/** Whether a row is the heading row: it names two columns or more. */
export function isHeadingRow(columns: ImportColumn[], cells: string[]): boolean {
  return cells.filter((cell) => cell && columnOf(columns, cell)).length >= 2;
}

export function readHeadings(
  columns: ImportColumn[],
  sheet: string,
  row: number,
  cells: string[],
): HeadingRow {
  const layout: SheetLayout = new Map();
  const problems: ImportProblem[] = [];
  cells.forEach((heading, position) => {
    const column = heading && columnOf(columns, heading);
    if (!column) return;
    if (layout.has(column.key)) {
      problems.push({ sheet, row, column: heading, reason: `a second ${column.zh} column` });
    } else layout.set(column.key, { position, heading });
  });
  for (const column of columns.filter((c) => c.required && !layout.has(c.key))) {
    problems.push({
      sheet,
      row,
      column: column.zh,
      reason: `the required column ${column.zh} (${column.en}) is missing`,
    });
  }
  return { layout, problems };
}
