/**
 * The rules take fast paths on the parser's compact rows (a row with no parser problem, a row where no
 * cell can hold an error value, the hierarchy view refilled per row). The report must be the one the same
 * rules give on plain rows built from `cells`, which take none of those paths.
 */
import fc from "fast-check";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { parseActivities } from "../../src/core/activity/parse";
import type { ParsedActivities } from "../../src/core/activity/parsed";
import type { CellValue, Grid } from "../../src/core/grid";
import { validateParsed } from "../../src/core/validate";
import { idKey } from "../../src/core/validate/rules/values";
import { AS_OF, HEADER, row, sheet } from "./sheet";

/** The same parse with every row as a plain { row, cells, record } object. */
function plainRows(parsed: ParsedActivities): ParsedActivities {
  return { ...parsed, rows: parsed.rows.map((r) => ({ row: r.row, cells: r.cells, record: r.record })) };
}

function bothWays(grid: Grid) {
  const fast = validateParsed(grid, parseActivities(grid), { asOf: AS_OF });
  const plain = validateParsed(grid, plainRows(parseActivities(grid)), { asOf: AS_OF });
  return { fast: fast.issues, plain: plain.issues };
}

/** Values that trip each fast path: error values hidden behind white space, blank-looking text, misfits. */
const TRICKY: Record<string, CellValue[]> = {
  ID: ["A-001", "a-001 ", "A-001", " ", null, "#N/A", "\u00a0#REF!", { error: "#DIV/0!" }, "ß-1", "SS-1"],
  Activity: ["Train rangers", "", null, " #VALUE!", "\t#NAME?"],
  Outcome: ["3", "1", "9", "3.1", null],
  "Sub-outcome": ["3.1", "3.2", "1.1", "3", null, "#N/A"],
  Approach: ["3.1.1", "3.2.1", "1.1.1", "3.1", null, "2.2.9"],
  "Lead agency": ["WCO", "UNEP", null, "#N/A"],
  Level: ["National", "International", "galactic", null],
  Countries: ["KEN", "Global", "Atlantis", null, " "],
  Stage: ["Implementation", "brainstorm", null],
  Status: ["In progress", "Completed", "Not started", "Delayed", "maybe", null],
  "Start date": [new Date(Date.UTC(2024, 1, 1)), new Date(Date.UTC(2022, 0, 1)), "soon", 2024, null],
  "End date": [new Date(Date.UTC(2025, 10, 30)), new Date(Date.UTC(2023, 0, 1)), 46100, null, "#N/A"],
  "Budget (USD)": [120000, -5, "TBD", "EUR 5", null],
  "Funded (USD)": [80000, 200000, -1, null],
  Progress: [0.4, 1, 0, 45, 150, -0.2, "x", null],
  Need: [4, 0, 2.5, 9, "high", null],
  "Value added": [3, null, 6],
  Engagement: [5, null, -1],
  Notes: ["", "#N/A", " #N/A", "=SUM(A1)", null],
};

describe("fast paths give the plain rows' report", () => {
  test("a clean sheet and one fault per column", () => {
    const rows: CellValue[][] = [HEADER, row({}, "A-001")];
    ACTIVITY_HEADERS.forEach((h, i) => rows.push(row({ [h]: TRICKY[h]![1] ?? null }, `B-${i}`)));
    const { fast, plain } = bothWays(sheet(rows));
    expect(fast.length).toBeGreaterThan(ACTIVITY_HEADERS.length);
    expect(fast).toEqual(plain);
  });

  test("property: rows drawn from tricky values", () => {
    const anyRow = fc.tuple(...ACTIVITY_HEADERS.map((h) => fc.constantFrom(...TRICKY[h]!)));
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 1, maxLength: 20 }), (rows) => {
        const { fast, plain } = bothWays(sheet([HEADER, ...rows]));
        expect(fast).toEqual(plain);
      }),
      { numRuns: 80 },
    );
  });
});

describe("idKey: IDs compared as an officer reads them", () => {
  test.each([
    ["A-001", "A-001"],
    ["a-001", "A-001"],
    [" A-001\t", "A-001"],
    ["\u00a0A-001", "A-001"],
    ["Straße-1", "STRASSE-1"],
    ["ÉTÉ-2", "ÉTÉ-2"],
    ["", ""],
  ])("%j -> %j", (id, key) => {
    expect(idKey(id)).toBe(key);
  });
});
