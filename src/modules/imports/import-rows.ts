// Turns a file's sheets into rows keyed by column, each sheet read from its heading row on (rows
// above it, such as a register's title, are skipped), handed on in batches as the file streams in.
import { ImportProblem } from "./import.types";
import { HeadingRow, isHeadingRow, readHeadings } from "./headings";
import { ImportColumn, RowCells } from "./row-cells";
import { SheetRow } from "./sheet-reader";

/** The first batch is small, so that writing starts at once; each next one is twice as large. */
const FIRST_BATCH = 2000;
const LARGEST_BATCH = 8000;

/** The template's sheet that explains its columns (template.ts): not a register, never read. */
export const COLUMNS_SHEET = "说明 columns";

export class SheetRows {
  /** Every sheet, in the file's order. */
  readonly sheets: string[] = [];
  /** Rows read so far, below the heading rows. */
  count = 0;
  private readonly headings = new Map<string, HeadingRow>();
  private readonly headless = new Map<string, number>();

  /** `problems` hears of a sheet's headings as soon as they are read. */
  constructor(
    private readonly columns: ImportColumn[],
    private readonly source: AsyncIterable<SheetRow>,
    private readonly problems: ImportProblem[],
  ) {}

  async *batches(): AsyncGenerator<RowCells[]> {
    let batch: RowCells[] = [];
    let size = FIRST_BATCH;
    for await (const { sheet, row, cells } of this.source) {
      const read = this.read(sheet, row, cells);
      if (!read) continue;
      batch.push(read);
      if (batch.length === size) {
        yield batch;
        batch = [];
        size = Math.min(size * 2, LARGEST_BATCH);
      }
    }
    if (batch.length > 0) yield batch;
    this.reportHeadless();
  }

  private read(sheet: string, row: number, cells: string[]): RowCells | null {
    if (sheet === COLUMNS_SHEET) return null;
    if (!this.sheets.includes(sheet)) this.sheets.push(sheet);
    if (cells.every((cell) => cell === "")) return null;
    const heading = this.headings.get(sheet);
    if (!heading) {
      if (isHeadingRow(this.columns, cells)) {
        const found = readHeadings(this.columns, sheet, row, cells);
        this.headings.set(sheet, found);
        this.problems.push(...found.problems);
      } else if (!this.headless.has(sheet)) this.headless.set(sheet, row);
      return null;
    }
    // A sheet missing a required column is reported once, at its heading row.
    if (heading.problems.length > 0) return null;
    const read = new RowCells(sheet, row, cells, heading.layout, this.columns);
    if (read.isTemplateExample) return null;
    this.count += 1;
    return read;
  }

  private reportHeadless(): void {
    for (const [sheet, row] of this.headless) {
      if (this.headings.has(sheet)) continue;
      const expected = this.columns
        .filter((c) => c.required)
        .map((c) => c.zh)
        .join(", ");
      this.problems.push({ sheet, row, column: null, reason: `no heading row naming ${expected}` });
    }
  }
}
