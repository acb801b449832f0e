/**
 * In a file a date is a number with a date format, so set-up formatting whole plan columns (Progress
 * "0%", ID and codes "@") turned a date the user typed there into a plain number (2015-07-25 in Progress
 * showed 4221000%). Found by this suite (finding 3 of docs/trust.md), fixed in 10c3e8c; this keeps it fixed.
 */
import ExcelJS from "exceljs";
import { setUpPlan } from "../../src/app/setup";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { openWorkbookBuffer } from "../../src/hosts/xlsx";

describe("set-up on a file whose Progress and ID cells hold dates", () => {
  it("leaves each date a date", async () => {
    const user = new ExcelJS.Workbook();
    const ws = user.addWorksheet("Activities");
    ws.addRow([...ACTIVITY_HEADERS]);
    const date = new Date(Date.UTC(2015, 6, 25));
    ws.getCell("A2").value = date; // ID
    ws.getCell("B2").value = "Train customs officers";
    ws.getCell("O2").value = date; // Progress
    const wb = await openWorkbookBuffer(Buffer.from(await user.xlsx.writeBuffer()), "plan.xlsx");
    await setUpPlan(wb.port);
    const out = await openWorkbookBuffer(await wb.toBuffer(), "out.xlsx");
    const row = (await out.port.readSheet("Activities")).rows[1] ?? [];
    expect(row[0]).toEqual(date);
    expect(row[14]).toEqual(date);
  });
});
