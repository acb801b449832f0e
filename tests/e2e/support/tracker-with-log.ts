/** The messy tracker (messy-workbook.ts) plus a "Field log" sheet of 2,000 rows, to edit a long sheet in the preview. */
import ExcelJS from "exceljs";
import { messyTrackerXlsx } from "./messy-workbook";

export const LOG_ROWS = 2000;

export async function trackerWithLogXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings predate Node's generic Buffer; the bytes are what it reads.
  await wb.xlsx.load((await messyTrackerXlsx()) as unknown as ArrayBuffer);
  const log = wb.addWorksheet("Field log");
  log.addRow(["Date", "Site", "Note"]);
  for (let i = 1; i < LOG_ROWS; i++)
    log.addRow([`2024-01-${String((i % 28) + 1).padStart(2, "0")}`, `Site ${i}`, `Patrol ${i}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
