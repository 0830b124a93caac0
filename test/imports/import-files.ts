// Real registers for the import tests, written to a temporary folder as an office would keep them.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { DataSource } from "typeorm";
import { Actor, Role } from "../../src/core/actor";
import { createContext } from "../../src/graphql/context";
import { HubContext } from "../../src/records/context";
import { TestHub } from "../support/test-hub";

export type Cell = string | number | Date | null;

export interface Sheet {
  name: string;
  rows: Cell[][];
}

export const folder = mkdtempSync(path.join(os.tmpdir(), "hub-import-test-"));

export async function writeXlsx(name: string, sheets: Sheet[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) workbook.addWorksheet(sheet.name).addRows(sheet.rows);
  const file = path.join(folder, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const quoted = (cell: Cell) => {
  const text = cell === null ? "" : String(cell);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV as Excel saves one: a byte-order mark and CRLF line ends, or other bytes from `encode`. */
export function writeCsv(
  name: string,
  rows: Cell[][],
  encode: (text: string) => Buffer = (text) => Buffer.from(`\ufeff${text}`, "utf8"),
): string {
  const file = path.join(folder, name);
  writeFileSync(file, encode(rows.map((row) => row.map(quoted).join(",")).join("\r\n")));
  return file;
}

export function actorContext(hub: TestHub, actor: Actor): HubContext {
  return createContext(hub.db, hub.config, actor);
}

export const ADMIN: Actor = { subject: "import-test", role: Role.ADMIN, cities: [] };

export async function count(db: DataSource, table: string, where = "true"): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
  return n;
}
