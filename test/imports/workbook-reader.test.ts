// exceljs writes xl/workbook.xml as a zip's last entry, which its one-pass streaming reader can
// lose (exceljs#3064): every read of such a workbook must give every sheet, named, every time.
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { readSheets, SheetRow } from "../../src/modules/imports/sheet-reader";

async function exceljsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("来访").addRows([
    ["日期", "人数"],
    [new Date(Date.UTC(2024, 4, 10)), 6],
  ]);
  workbook.addWorksheet("出访").addRow(["团组名称", "南昌市赴挪威友好访问团"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rowsOf(content: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const source = {
    fileName: "登记.xlsx",
    field: "file",
    size: content.length,
    open: (start = 0, end = content.length - 1) =>
      Readable.from([content.subarray(start, end + 1)]),
  };
  for await (const row of readSheets(source)) rows.push(row);
  return rows;
}

it("reads every sheet of a workbook exceljs wrote, by name, on every one of 100 reads", async () => {
  const content = await exceljsWorkbook();
  const reads = await Promise.all(Array.from({ length: 100 }, () => rowsOf(content)));
  for (const rows of reads)
    expect(rows).toEqual([
      { sheet: "来访", row: 1, cells: ["日期", "人数"] },
      { sheet: "来访", row: 2, cells: ["2024-05-10", "6"] },
      { sheet: "出访", row: 1, cells: ["团组名称", "南昌市赴挪威友好访问团"] },
    ]);
});
