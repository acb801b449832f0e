/**
 * A small plan for the summary tests, written as the Activities sheet would hold it (already clean
 * values, as the parser hands them over), plus its Countries table and scores.
 */
import type { CellValue } from "../../src/core/grid";
import type { ActivityRecord } from "../../src/core/activity/record";
import { ACTIVITY_COLUMNS } from "../../src/core/activity/columns";
import type { CountryInfo, ScoreInfo, SummaryInput } from "../../src/core/summarize";
import { PLAN_2023_2026 } from "../../src/core/framework";

export const FRAMEWORK = PLAN_2023_2026;

// prettier-ignore
export const ACTIVITIES_SHEET: CellValue[][] = [
  ["ID",    "Activity",                               "Outcome", "Sub-outcome", "Approach", "Lead agency",       "Level",         "Countries",     "Stage",          "Status",      "Start date", "End date",   "Budget (USD)", "Funded (USD)", "Progress", "Need", "Value added", "Engagement", "Notes"],
  ["A-001", "Frontline identification training",      "1",       "1.1",         "1.1.2",    "WCO",               "National",      "KEN",           "Implementation", "In progress", "2024-01-01", "2024-12-31", 120000,         80000,          0.5,        4,      4,             3,            ""],
  ["A-002", "East Africa case meetings (RIACM)",      "3",       "3.1",         "3.1.3",    "INTERPOL, UNODC",   "Regional",      "KEN, TZA, UGA", "Implementation", "Delayed",     "2024-04-15", "2025-03-31", 90000.01,       30000,          0.25,       5,      4,             4,            ""],
  ["A-003", "Corruption risk assessment",             "1",       "1.1",         "1.1.4",    "UNODC",             "National",      "VNM",           "Reporting",      "Completed",   "2023-07-01", "2023-12-31", 45000,          45000,          1,          3,      3,             3,            ""],
  ["A-004", "World Wildlife Crime Report",            "5",       "5.1",         "5.1.3",    "UNODC",             "International", "",              "Implementation", "In progress", "2023-01-01", "2026-12-31", 300000,         150000,         0.6,        null,   5,             null,         ""],
  ["A-005", "Legislative review (not yet dated)",     "2",       "2.2",         "2.2.1",    "CITES Secretariat", "National",      "NGA",           "Planning",       "Planned",     null,         null,         20000,          0,              0,          4,      3,             2,            ""],
  ["A-006", "Row with an unknown approach",           "9",       "9.9",         "9.9.9",    "WCO",               "National",      "KEN",           "Implementation", "In progress", "2024-01-01", "2024-06-30", 50000,          10000,          0.1,        3,      3,             3,            ""],
  ["A-007", "Cross-border enforcement (overdue)",     "4",       "4.1",         "4.1.1",    "World Bank",        "Regional",      "MOZ, ZAF",      "Implementation", "In progress", "2023-03-01", "2024-06-30", 60000,          60000,          0.8,        4,      3,             4,            ""],
  ["A-008", "Online crime investigations (cancelled)", "3",      "3.2",         "3.2.4",    "INTERPOL",          "International", "",              "Planning",       "Cancelled",   "2025-01-01", "2025-06-30", 10000,          null,           null,       null,   null,          null,         ""],
];

/** Sheet rows that the validator would flag with an error (A-006: unknown outcome, sub-outcome, approach). */
export const ROWS_WITH_ERRORS = new Set([7]);

export const COUNTRIES: CountryInfo[] = [
  { iso3: "AGO", name: "Angola", region: "Africa", priority: true },
  { iso3: "KEN", name: "Kenya", region: "Africa", priority: true },
  { iso3: "MOZ", name: "Mozambique", region: "Africa", priority: false },
  { iso3: "NGA", name: "Nigeria", region: "Africa", priority: true },
  { iso3: "TZA", name: "United Republic of Tanzania", region: "Africa", priority: false },
  { iso3: "UGA", name: "Uganda", region: "Africa", priority: false },
  { iso3: "VNM", name: "Viet Nam", region: "Asia", priority: true },
];

export const SCORES = new Map<string, ScoreInfo>([
  ["A-001", { score: 72.5, band: "High" }],
  ["A-002", { score: 81, band: "High" }],
  ["A-003", { score: 55, band: "Medium" }],
  ["A-004", { score: 60, band: "Medium" }],
  ["A-005", { score: 40, band: "Low" }],
  ["A-007", { score: 66.25, band: "Medium" }],
  ["A-008", { score: null, band: null }],
]);

const split = (v: CellValue): string[] =>
  typeof v === "string"
    ? v
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter((s) => s !== "")
    : [];
const num = (v: CellValue): number | null => (typeof v === "number" ? v : null);
const str = (v: CellValue): string => (typeof v === "string" ? v : "");

/** Sheet rows to records, the way the parser would for these clean values (header on row 1). */
export function recordsOf(sheet: CellValue[][]): { row: number; record: ActivityRecord }[] {
  const [header, ...rows] = sheet;
  const at = (r: CellValue[], h: string): CellValue => r[header!.indexOf(h)] ?? null;
  const col = (key: string) => ACTIVITY_COLUMNS.find((c) => c.key === key)!.header;
  return rows.map((r, i) => ({
    row: i + 2,
    record: {
      id: str(at(r, col("id"))),
      title: str(at(r, col("title"))),
      outcome: str(at(r, col("outcome"))),
      subOutcome: str(at(r, col("subOutcome"))),
      approach: str(at(r, col("approach"))),
      leadAgencies: split(at(r, col("leadAgencies"))),
      level: str(at(r, col("level"))),
      countries: split(at(r, col("countries"))),
      stage: str(at(r, col("stage"))),
      status: str(at(r, col("status"))),
      startDate: str(at(r, col("startDate"))) || null,
      endDate: str(at(r, col("endDate"))) || null,
      budgetUsd: num(at(r, col("budgetUsd"))),
      fundedUsd: num(at(r, col("fundedUsd"))),
      progress: num(at(r, col("progress"))),
      need: num(at(r, col("need"))),
      valueAdded: num(at(r, col("valueAdded"))),
      engagement: num(at(r, col("engagement"))),
      notes: str(at(r, col("notes"))),
    },
  }));
}

export function smallPlanInput(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    activities: recordsOf(ACTIVITIES_SHEET),
    rowsWithErrors: ROWS_WITH_ERRORS,
    scores: SCORES,
    periodMonths: 3,
    countries: COUNTRIES,
    describeCountry: (iso3) => (iso3 === "ZAF" ? { name: "South Africa", region: "Africa" } : undefined),
    framework: FRAMEWORK,
    asOf: "2025-06-30",
    generatedOn: "2025-07-01",
    ...overrides,
  };
}
