/** Helpers to make workbooks for tests: rows as 2-D arrays, like the sheet. */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { randomBytes } from "node:crypto";

export type Rows = ExcelJS.CellValue[][];

export async function xlsxBytes(sheets: Record<string, Rows>, tweak?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v;
      });
    });
  }
  tweak?.(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function tempDir(): Promise<string> {
  const dir = path.join(os.tmpdir(), `xlsx-test-${randomBytes(6).toString("hex")}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}
