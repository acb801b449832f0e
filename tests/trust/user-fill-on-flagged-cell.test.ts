/**
 * The Cover promises "Your own notes and colours are left as they were". Found by this suite (finding 1
 * of docs/trust.md): a user's fill on a flagged cell was painted over and then cleared once fixed.
 * Fixed in 412440f; this keeps it fixed.
 */
import { checkPlan } from "../../src/app/validate";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import type { CellValue } from "../../src/core/grid";
import { MemoryWorkbook } from "../support/memory-workbook";

const row = (approach: string): CellValue[] => [
  "ACT-001",
  "Train customs officers",
  "1",
  "1.1",
  approach,
  "UNODC",
  "National",
  "KEN",
  "Implementation",
  "In progress",
  45108,
  45657,
  100000,
  50000,
  0.5,
  3,
  4,
  3,
  null,
];

describe("a user's yellow fill on a cell the check flags", () => {
  it("is the cell's colour again once the user fixes the value", async () => {
    const wb = new MemoryWorkbook({ Activities: [[...ACTIVITY_HEADERS], row("9.9.9")] });
    wb.fills.set("Activities!E2", "#FFFF00");
    await checkPlan(wb.port, { asOf: "2025-06-30", annotate: true });
    await wb.port.apply({ ops: [{ kind: "values", sheet: "Activities", at: "E2", values: [["1.1.1"]] }] });
    await checkPlan(wb.port, { asOf: "2025-06-30", annotate: true });
    expect(wb.fills.get("Activities!E2")).toBe("#FFFF00");
  });
});
