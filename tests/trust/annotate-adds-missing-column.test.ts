/**
 * Found by the trust suite, now fixed: annotate on a plan that lacked one of the plan's columns let the
 * score step write "Score" over the header set-up added, and a second run differed from the first.
 * Annotate now lays out set-up first and lets the later steps read the sheet as the apply will leave it.
 */
import { annotateWorkbook } from "../../src/app/annotate";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import type { CellValue } from "../../src/core/grid";
import { MemoryWorkbook } from "../support/memory-workbook";

const withoutEngagement = ACTIVITY_HEADERS.filter((h) => h !== "Engagement");
const row: CellValue[] = [
  "ACT-001",
  "Train customs officers",
  "1",
  "1.1",
  "1.1.1",
  "CITES Secretariat",
  "National",
  "KEN",
  "Identification",
  "Not started",
  44927,
  44957,
  0,
  0,
  0,
  1,
  1,
  null,
];

describe("annotate on a plan without the Engagement column", () => {
  it("adds the Engagement header once, beside the user's columns, and a second run changes nothing", async () => {
    const wb = new MemoryWorkbook({ Activities: [[...withoutEngagement], row] });
    const run = () => annotateWorkbook(wb.port, { asOf: "2025-06-30", generatedOn: "2025-07-01" });
    await run();
    const header = wb.grid("Activities").rows[0] ?? [];
    expect(header).toContain("Engagement");
    expect(header.indexOf("Engagement")).toBeLessThan(header.indexOf("Score"));
    const once = JSON.stringify(wb.snapshot());
    await run();
    expect(JSON.stringify(wb.snapshot())).toBe(once);
  });
});
