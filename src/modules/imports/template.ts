// The empty register an office fills in: one heading a column, "中文 / english", required ones
// marked with *, and a note on each heading saying what its cells hold.
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { ImportKind } from "./import-kind";
import { IMPORT_SPECS } from "./importer";
import { formatOf } from "./sheet-reader";

const SHEET_NAMES: Record<ImportKind, string> = {
  [ImportKind.DELEGATIONS]: "团组",
  [ImportKind.PARTNERSHIPS]: "友好城市",
  [ImportKind.PEOPLE]: "人员",
  [ImportKind.INVESTMENTS]: "投资意向",
};

export function templateHeadings(type: ImportKind): string[] {
  return IMPORT_SPECS[type].columns.map((c) => `${c.required ? "*" : ""}${c.zh} / ${c.en}`);
}

/** Writes the template of `type` to `file`, an .xlsx or a .csv. */
export async function writeTemplate(type: ImportKind, file: string): Promise<void> {
  const headings = templateHeadings(type);
  if (formatOf(file) === "csv") {
    // A byte-order mark, so that Excel opens the Chinese headings as UTF-8.
    await writeFile(file, `\ufeff${headings.join(",")}\r\n`);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAMES[type]);
  const row = sheet.addRow(headings);
  row.font = { bold: true };
  IMPORT_SPECS[type].columns.forEach((column, i) => {
    row.getCell(i + 1).note = `${column.required ? "必填 required. " : ""}${column.format}`;
    sheet.getColumn(i + 1).width = Math.max(14, headings[i].length + 6);
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  await workbook.xlsx.writeFile(file);
}
