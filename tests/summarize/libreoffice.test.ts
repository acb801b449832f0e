/**
 * The check by a real spreadsheet program: the small plan summarised into an .xlsx by the file
 * host, opened by LibreOffice headless, every sheet exported to CSV, and every summary table's cells
 * compared with the engine's values.
 */
import * as path from "node:path";
import { summarizePlan } from "../../src/app/summarize";
import type { CellValue } from "../../src/core/grid";
import { SHEETS } from "../../src/core/layout/sheet-names";
import { summaryLayout } from "../../src/core/summarize";
import { openWorkbookBuffer } from "../../src/hosts/xlsx";
import { tempDir, xlsxBytes, type Rows } from "../xlsx/support/build";
import { CSV_ALL_SHEETS, convertWithSoffice, sheetCsv } from "../xlsx/support/soffice";
import { ACTIVITIES_SHEET } from "./small-plan";

jest.setTimeout(180_000);

/** The small plan with real date cells, as a user's workbook holds them. */
function activitiesRows(): Rows {
  const [header, ...rows] = ACTIVITIES_SHEET;
  const dateCols = ["Start date", "End date"].map((h) => header!.indexOf(h));
  return [
    header! as Rows[number],
    ...rows.map(
      (r) =>
        r.map((v, j) =>
          dateCols.includes(j) && typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v,
        ) as Rows[number],
    ),
  ];
}

/** What LibreOffice's CSV shows for an engine value in a column of the given number format. */
function matches(csv: string, v: CellValue, format: string | null): boolean {
  if (v === null) return csv === "";
  if (typeof v === "boolean") return csv === (v ? "TRUE" : "FALSE");
  if (typeof v === "number" && format === "yyyy-mm-dd")
    return csv === new Date(Math.round((v - 25569) * 864e5)).toISOString().slice(0, 10);
  if (typeof v === "number") {
    // Percentages come out as LibreOffice shows them ("63.64%"), other numbers as plain values.
    const n = csv.endsWith("%") ? Number(csv.slice(0, -1)) / 100 : Number(csv.replace(/,/g, ""));
    return Math.abs(n - v) <= 1e-6 * Math.max(1, Math.abs(v));
  }
  return csv === String(v);
}

describe("LibreOffice opens the summarised workbook", () => {
  test("every summary table's cells, as LibreOffice reads them, equal the engine's values", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "summaries.xlsx");
    const book = await openWorkbookBuffer(await xlsxBytes({ [SHEETS.activities]: activitiesRows() }), "plan.xlsx");
    const result = await summarizePlan(book.port, { asOf: "2025-06-30", generatedOn: "2025-07-01", write: true });
    // The file host skips only what a file cannot hold: the Dashboard's PivotTable and chart.
    expect(result.applyReport!.skipped.map((s) => s.kind).sort()).toEqual(["chart", "pivot"]);
    await book.saveTo(file);

    const { files, log } = await convertWithSoffice(file, CSV_ALL_SHEETS);
    expect(log).not.toMatch(/Error:/i);
    const csv = await sheetCsv(files, "summaries", SHEETS.summaries);
    const layout = summaryLayout(result.summaries);
    expect(layout.tables).toHaveLength(8);
    const mismatches: string[] = [];
    for (const placed of layout.tables) {
      const t = placed.table.render();
      expect(csv[placed.headerRow - 1]!.slice(0, t.headers.length)).toEqual(t.headers);
      t.rows.forEach((row, i) => {
        const line = csv[placed.headerRow + i] ?? [];
        row.forEach((v, j) => {
          const got = line[j] ?? "";
          if (!matches(got, v, t.formats[j] ?? null))
            mismatches.push(
              `${t.name} row ${i + 1} ${t.headers[j]}: LibreOffice "${got}", engine ${JSON.stringify(v)}`,
            );
        });
      });
    }
    expect(mismatches).toEqual([]);
    expect(csv[1]!.slice(0, 2)).toEqual(["Generated on", "2025-07-01"]);
  });
});
