// Reads a spreadsheet row by row as it streams in, never the whole file at once: .xlsx through
// exceljs's streaming sheet reader, .csv through csv-parse (UTF-8, or GB18030 as Chinese Excel
// saves it).
import path from "node:path";
import { PassThrough, Readable, Transform } from "node:stream";
import { TextDecoder } from "node:util";
import { parse } from "csv-parse";
import type ExcelJS from "exceljs";
import { BadUserInput } from "../../core/errors";
import { RandomAccessFile, worksheetsOf } from "./workbook-reader";

/** One row of one sheet, each cell as text ("" when empty); dates as YYYY-MM-DD. */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: string[];
}

export interface ImportSource extends RandomAccessFile {
  fileName: string;
  /** The argument that carries the file, for a refusal of its content. */
  field: string;
}

export type FileFormat = "xlsx" | "csv";

export function formatOf(fileName: string): FileFormat {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".csv") return "csv";
  throw new BadUserInput("fileName", "must end in .xlsx or .csv");
}

/** The rows of every sheet in order; `onBytes` hears how much of the file has been read. */
export function readSheets(
  source: ImportSource,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<SheetRow> {
  const format = formatOf(source.fileName);
  let bytes = 0;
  const counted: RandomAccessFile = {
    size: source.size,
    open: (start, end) => {
      const raw = source.open(start, end);
      const counter = new PassThrough({
        transform(chunk: Buffer, _encoding, done) {
          // A zip is read in parts, some twice: never more than the whole file.
          bytes = Math.min(bytes + chunk.length, source.size);
          onBytes(bytes);
          done(null, chunk);
        },
      });
      counter.once("close", () => raw.destroy());
      return raw.pipe(counter);
    },
  };
  return format === "xlsx" ? readWorkbook(counted) : readCsv(counted.open(), source.fileName);
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value).trim();
  if ("richText" in value)
    return value.richText
      .map((part) => part.text)
      .join("")
      .trim();
  if ("result" in value) return cellText(value.result as CellValue);
  if ("text" in value) return cellText(value.text as CellValue);
  return "";
}

async function* readWorkbook(file: RandomAccessFile): AsyncGenerator<SheetRow> {
  for await (const worksheet of worksheetsOf(file)) {
    const name = (worksheet as unknown as { name: string }).name;
    for await (const row of worksheet) {
      const values = (row.values as CellValue[]).slice(1);
      yield { sheet: name, row: row.number, cells: Array.from(values, cellText) };
    }
  }
}

async function* readCsv(input: Readable, fileName: string): AsyncGenerator<SheetRow> {
  const sheet = path.basename(fileName);
  const records = input
    .pipe(decodedText())
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  let row = 0;
  for await (const cells of records as AsyncIterable<string[]>) {
    row += 1;
    yield { sheet, row, cells: cells.map((cell) => cell.trim()) };
  }
}

/** UTF-8 text, or GB18030 when the file does not begin as valid UTF-8. */
function decodedText(): Transform {
  let decoder: TextDecoder | undefined;
  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      decoder ??= looksLikeUtf8(chunk) ? new TextDecoder("utf-8") : new TextDecoder("gb18030");
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder?.decode() ?? "");
    },
  });
}

function looksLikeUtf8(chunk: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}
