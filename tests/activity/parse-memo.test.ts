/**
 * The parser remembers each distinct value per column (parse.ts, ColumnReader). These tests hold it to
 * what a memo must never change: the same text in another column kind converts by that column, a cell's
 * problem is its own object, the memo stays bounded, and a sheet parses exactly as its rows one by one.
 */
import fc from "fast-check";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { convertField } from "../../src/core/activity/normalize-fields";
import { ColumnReader, MEMO_LIMIT, parseActivities } from "../../src/core/activity/parse";
import { PLAN_2023_2026 } from "../../src/core/framework";
import type { CellValue, Grid } from "../../src/core/grid";

const HEADERS: CellValue[] = [...ACTIVITY_HEADERS];
const sheet = (rows: CellValue[][], top = 1): Grid => ({ sheet: "Activities", top, left: 1, rows });
const col = (header: string): number => ACTIVITY_HEADERS.indexOf(header as (typeof ACTIVITY_HEADERS)[number]);

/** A row with every cell blank but the ones given by header. */
function rowWith(cells: Record<string, CellValue>): CellValue[] {
  const r: CellValue[] = HEADERS.map(() => null);
  for (const [h, v] of Object.entries(cells)) r[col(h)] = v;
  return r;
}

describe("the parser's memo: one per column", () => {
  test("the same text in two column kinds converts by each column", () => {
    const parsed = parseActivities(
      sheet([
        HEADERS,
        rowWith({ Level: "National", Stage: "National", Progress: 45, Need: 45 }),
        rowWith({ Level: "National", Stage: "National", Progress: 45, Need: 45 }),
      ]),
    );
    for (const r of parsed.rows) {
      expect(r.record.level).toBe("National");
      expect(r.cells.level.problem).toBeNull();
      expect(r.record.stage).toBe("");
      expect(r.cells.stage.problem?.code).toBe("stage-unknown");
      expect(r.record.progress).toBe(0.45);
      expect(r.cells.progress.problem?.code).toBe("progress-read-as-percent");
      expect(r.record.need).toBe(45);
      expect(r.cells.need.problem).toBeNull();
    }
  });

  test("a remembered problem is never another cell's object", () => {
    const parsed = parseActivities(sheet([HEADERS, rowWith({ Status: "maybe" }), rowWith({ Status: "maybe" })]));
    const [a, b] = parsed.rows.map((r) => r.cells.status.problem);
    expect(a).not.toBeNull();
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a!.suggestions).not.toBe(b!.suggestions);
    // Editing one cell's problem leaves the other cell, and the next parse, alone.
    a!.message = "edited";
    a!.suggestions.push("edited");
    expect(b!.message).not.toBe("edited");
    expect(b!.suggestions).not.toContain("edited");
    const again = parseActivities(sheet([HEADERS, rowWith({ Status: "maybe" })]));
    expect(again.rows[0]!.cells.status.problem).toEqual(b);
  });

  test("the memo is bounded, and a value read again after it was emptied converts the same", () => {
    const reader = new ColumnReader("status", 0, PLAN_2023_2026);
    const first = reader.read("Compelted");
    const firstProblem = reader.problem;
    for (let i = 0; i < MEMO_LIMIT + 50; i++) reader.read(`status ${i}`);
    expect(reader.memoSize).toBeLessThanOrEqual(MEMO_LIMIT);
    expect(reader.memoSize).toBeGreaterThan(0);
    expect(reader.read("Compelted")).toBe(first);
    expect(reader.problem).toEqual(firstProblem);
    expect(reader.problem).toEqual(convertField("status", "Compelted", PLAN_2023_2026).problem);
  });

  test("free-text columns are not remembered", () => {
    const reader = new ColumnReader("notes", 0, PLAN_2023_2026);
    for (let i = 0; i < 100; i++) reader.read(`note ${i}`);
    expect(reader.memoSize).toBe(0);
  });

  test("fast paths give the converter's own answer", () => {
    const cases: [ConstructorParameters<typeof ColumnReader>[0], CellValue][] = [
      ["id", "  A-001 "],
      ["title", ""],
      ["notes", "=SUM(A1)"],
      ["budgetUsd", 0],
      ["budgetUsd", -5],
      ["budgetUsd", Number.NaN],
      ["fundedUsd", Infinity],
      ["need", 2.5],
      ["progress", 0],
      ["progress", 1],
      ["progress", -0],
      ["progress", 1.5],
      ["progress", 45],
      ["progress", Number.NaN],
    ];
    for (const [key, raw] of cases) {
      const reader = new ColumnReader(key, 0, PLAN_2023_2026);
      const expected = convertField(key, raw, PLAN_2023_2026);
      expect([key, raw, reader.read(raw)]).toEqual([key, raw, expected.value]);
      expect([key, raw, reader.problem]).toEqual([key, raw, expected.problem]);
    }
  });
});

/** Values that repeat, so that rows of one sheet hit the memo; valid, misspelt and unreadable mixed. */
const POOL: Record<string, CellValue[]> = {
  ID: ["A-001", "A-002", " a-003 ", null, 7],
  Activity: ["Train rangers", "", null, "=HYPERLINK(1)"],
  Outcome: ["3", 3, "Outcome 3", "9", null, { error: "#N/A" }],
  "Sub-outcome": ["3.2", 3.2, "3.9", null, "#REF!"],
  Approach: ["3.2.1", "Approach 3.2.1", "3.5.1", null, "Strengthen law enforcement"],
  "Lead agency": ["UNODC", "Interpol", "ONUDC", "UNEP", "INTERPOL/WCO", null],
  Level: ["National", "nacional", "provincial", null],
  Countries: ["KEN", "Kenya; Uganda", "Keyna", "Atlantis", "Global", null],
  Stage: ["Implementation", "Mise en oeuvre", "brainstorm", null],
  Status: ["In progress", "Completed", "Terminé", "maybe", "Complted", null],
  "Start date": [45292, "2024-03-31", "31/02/2024", "soon", new Date(Date.UTC(2024, 0, 1)), null],
  "End date": [45600, "2022-01-01", new Date(Date.UTC(2026, 5, 30)), null],
  "Budget (USD)": [120000, "$120,000", "1.500", "EUR 500", -100, null],
  "Funded (USD)": [50000, "50k", "TBD", null],
  Progress: [0.45, "45%", 45, 150, "-", null],
  Need: [4, 7, "3", "high", null],
  "Value added": [5, 2.5, null],
  Engagement: [3, 0, null],
  Notes: ["", "=not a formula", null, "@mention"],
};

describe("a sheet parses exactly as its rows one by one (the memo changes nothing)", () => {
  test("property: rows drawn from a small pool", () => {
    const row = fc.tuple(...ACTIVITY_HEADERS.map((h) => fc.constantFrom(...POOL[h]!)));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const whole = parseActivities(sheet([HEADERS, ...rows]));
        const byRow = whole.rows.map((r) => {
          // The same row alone, at the same sheet row, so that addresses agree too.
          const alone = parseActivities(sheet([HEADERS, rows[r.row - 2]!], r.row - 1));
          return alone.rows[0]!;
        });
        expect(whole.rows.map((r) => ({ row: r.row, record: r.record, cells: r.cells }))).toEqual(
          byRow.map((r) => ({ row: r.row, record: r.record, cells: r.cells })),
        );
      }),
      { numRuns: 60 },
    );
  });
});
