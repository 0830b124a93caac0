// The register an office fills in: one heading a column, "中文 / english", required ones marked
// with *, a note on each heading saying what its cells hold, an example row (which the import
// skips while it is left as written), drop-down lists for the enumerated columns, and a second
// sheet explaining every column.
import { writeFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { ImportKind } from "./import-kind";
import { IMPORT_SPECS } from "./importer";
import { COLUMNS_SHEET } from "./import-rows";
import { ImportColumn } from "./row-cells";
import { formatOf } from "./sheet-reader";

const SHEET_NAMES: Record<ImportKind, string> = {
  [ImportKind.DELEGATIONS]: "团组",
  [ImportKind.PARTNERSHIPS]: "友好城市",
  [ImportKind.PEOPLE]: "人员",
  [ImportKind.INVESTMENTS]: "投资意向",
};
/** Rows below the headings that offer the drop-down lists. */
const FILLABLE_ROWS = 1000;

export function templateHeadings(type: ImportKind): string[] {
  return IMPORT_SPECS[type].columns.map((c) => `${c.required ? "*" : ""}${c.zh} / ${c.en}`);
}

const exampleRow = (type: ImportKind) => IMPORT_SPECS[type].columns.map((c) => c.example ?? "");

/** The file's name when none is given: 模板-delegations.xlsx. */
export const templateFileName = (type: ImportKind) => `模板-${type.toLowerCase()}.xlsx`;

function csvLine(cells: string[]): string {
  return cells
    .map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(",");
}

function offerChoices(sheet: ExcelJS.Worksheet, column: ImportColumn, position: number): void {
  if (!column.choices) return;
  const { words, several } = column.choices;
  const validation: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [`"${words.join(",")}"`],
    // A cell that lists several (政务、经贸) is not one of the list's words, and is still right.
    showErrorMessage: !several,
    errorStyle: "stop",
    errorTitle: `${column.zh} / ${column.en}`,
    error: `请从列表中选择 Choose one of: ${words.join("、")}`,
  };
  // Cell by cell; ExcelJS writes alike neighbours as one range.
  for (let row = 2; row <= FILLABLE_ROWS + 1; row++) {
    sheet.getCell(row, position).dataValidation = validation;
  }
}

function explainColumns(workbook: ExcelJS.Workbook, type: ImportKind): void {
  const sheet = workbook.addWorksheet(COLUMNS_SHEET);
  sheet.columns = [
    { header: "列 column", width: 26 },
    { header: "必填 required", width: 14 },
    { header: "内容 what the cell holds", width: 70 },
    { header: "示例 example", width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const column of IMPORT_SPECS[type].columns) {
    const words = column.choices ? `; 可选 choices: ${column.choices.words.join("、")}` : "";
    sheet.addRow([
      `${column.zh} / ${column.en}`,
      column.required ? "是 yes" : "否 no",
      `${column.format}${words}`,
      column.example ?? "",
    ]);
  }
  sheet.addRow([]);
  sheet.addRow([
    `第 2 行是示例，照原样留着时导入会跳过它；可以改写或删除。Row 2 is an example: left as written, the import skips it.`,
  ]);
}

/** Writes the template of `type` to `file`, an .xlsx or a .csv. */
export async function writeTemplate(type: ImportKind, file: string): Promise<void> {
  const headings = templateHeadings(type);
  if (formatOf(file) === "csv") {
    // A byte-order mark, so that Excel opens the Chinese headings as UTF-8.
    await writeFile(file, `\ufeff${csvLine(headings)}\r\n${csvLine(exampleRow(type))}\r\n`);
    return;
  }
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAMES[type]);
  const row = sheet.addRow(headings);
  row.font = { bold: true };
  const example = sheet.addRow(exampleRow(type));
  example.font = { italic: true, color: { argb: "FF7F7F7F" } };
  IMPORT_SPECS[type].columns.forEach((column, i) => {
    row.getCell(i + 1).note = `${column.required ? "必填 required. " : ""}${column.format}`;
    sheet.getColumn(i + 1).width = Math.max(14, headings[i].length + 6);
    offerChoices(sheet, column, i + 1);
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  explainColumns(workbook, type);
  await workbook.xlsx.writeFile(file);
}
