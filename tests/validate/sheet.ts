/**
 * Test helpers that read like the sheet: an Activities grid as rows of cells, row 1 the header, and
 * lookups of the report by A1 address ("E3").
 */
import { ACTIVITY_COLUMNS, ACTIVITY_HEADERS, type ActivityHeader } from "../../src/core/activity/columns";
import { columnLetters, type CellValue, type Grid } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import type { ValidationReport } from "../../src/core/validate";

export const HEADER: CellValue[] = [...ACTIVITY_HEADERS];
export const AS_OF = "2025-06-30";

/** The column letter of a header in the standard layout: col("Approach") === "E". */
export function col(header: ActivityHeader): string {
  const i = ACTIVITY_COLUMNS.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return columnLetters(i + 1);
}

export function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A row that passes every check; `over` replaces cells by header. */
export function row(over: Partial<Record<ActivityHeader, CellValue>> = {}, id = "A-001"): CellValue[] {
  const base: Record<ActivityHeader, CellValue> = {
    ID: id,
    Activity: "Train customs officers in risk profiling at Mombasa port",
    Outcome: "3",
    "Sub-outcome": "3.1",
    Approach: "3.1.1",
    "Lead agency": "WCO",
    Level: "National",
    Countries: "KEN",
    Stage: "Implementation",
    Status: "In progress",
    "Start date": utc("2024-02-01"),
    "End date": utc("2025-11-30"),
    "Budget (USD)": 120000,
    "Funded (USD)": 80000,
    Progress: 0.4,
    Need: 4,
    "Value added": 3,
    Engagement: 5,
    Notes: "",
  };
  const merged = { ...base, ...over };
  return ACTIVITY_HEADERS.map((h) => merged[h] ?? null);
}

/** Rows (header included) as the Activities sheet, A1 at the top left. */
export function sheet(rows: CellValue[][], name = "Activities"): Grid {
  return { sheet: name, top: 1, left: 1, rows };
}

/** Header plus clean rows A-001 .. A-00n. */
export function cleanSheet(n: number): CellValue[][] {
  return [HEADER, ...Array.from({ length: n }, (_, i) => row({}, `A-${String(i + 1).padStart(3, "0")}`))];
}

export function at(report: ValidationReport, cell: string): Issue[] {
  return report.issues.filter((i) => i.cell === cell);
}

export function codesAt(report: ValidationReport, cell: string): string[] {
  return at(report, cell).map((i) => i.code);
}

export function errorsOnRow(report: ValidationReport, r: number): Issue[] {
  return report.issues.filter((i) => i.row === r && i.severity === "error");
}
