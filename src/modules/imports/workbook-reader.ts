// Reads an .xlsx workbook through the zip's central directory, then each sheet row by row as it
// inflates. exceljs's own streaming reader makes one pass over the zip and can lose its last
// entry (exceljs#3064), and exceljs writes xl/workbook.xml last: without it the sheets have no
// names and the reader throws. Reading the workbook's parts first, by name, avoids both.
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";

/** A file that can be read from any offset, as a zip's central directory needs. */
export interface RandomAccessFile {
  size: number;
  /** Bytes from `start` to `end` inclusive, or to the end of the file. */
  open(start?: number, end?: number): Readable;
}

/** The steps of exceljs's streaming reader that this file runs itself, in its own order. */
interface WorkbookParts {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(
    part: Readable,
    sheetNo: string,
  ): Generator<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

const OPTIONS: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> = {
  worksheets: "emit",
  sharedStrings: "cache",
  // Styles tell a date cell from a number.
  styles: "cache",
  hyperlinks: "ignore",
  entries: "ignore",
};

/** Each sheet of the workbook in the workbook's order, as exceljs's streaming sheet reader. */
export async function* worksheetsOf(
  file: RandomAccessFile,
): AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader> {
  const opened: Readable[] = [];
  // Loaded when a workbook is read, not when the hub starts: they take a tenth of its start.
  const [{ default: unzipper }, { default: excel }] = await Promise.all([
    import("unzipper"),
    import("exceljs"),
  ]);
  try {
    const zip = await unzipper.Open.custom({
      size: async () => file.size,
      stream: (offset, length) => {
        const bytes = file.open(offset, length ? offset + length : undefined);
        opened.push(bytes);
        return bytes;
      },
    });
    const part = (name: string) => zip.files.find((entry) => entry.path === name)?.stream();
    const book = new excel.stream.xlsx.WorkbookReader(
      Readable.from([]),
      OPTIONS,
    ) as unknown as WorkbookParts;
    await book._parseRels(required(part, "xl/_rels/workbook.xml.rels"));
    await book._parseWorkbook(required(part, "xl/workbook.xml"));
    const strings = part("xl/sharedStrings.xml");
    if (strings) await cached(book._parseSharedStrings(strings));
    const styles = part("xl/styles.xml");
    if (styles) await book._parseStyles(styles);
    for (const sheetNo of sheetNumbers(book)) {
      const sheet = required(part, `xl/worksheets/sheet${sheetNo}.xml`);
      for (const { value } of book._parseWorksheet(sheet, sheetNo)) yield value;
    }
  } finally {
    for (const bytes of opened) bytes.destroy();
  }
}

/** Runs a step that keeps what it reads (the shared strings) and yields nothing worth taking. */
async function cached(step: AsyncGenerator<unknown>): Promise<void> {
  while (!(await step.next()).done);
}

function required(part: (name: string) => Readable | undefined, name: string): Readable {
  const found = part(name);
  if (!found) throw new Error(`it has no ${name}`);
  return found;
}

/** The numbers in the sheets' part names, in the order the workbook lists its sheets. */
function sheetNumbers(book: WorkbookParts): string[] {
  return (book.model?.sheets ?? []).flatMap(({ rId }) => {
    const target = book.workbookRels?.find((rel) => rel.Id === rId)?.Target ?? "";
    const number = /worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
    return number ? [number] : [];
  });
}
