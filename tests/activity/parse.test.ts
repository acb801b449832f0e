import fc from "fast-check";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { parseActivities } from "../../src/core/activity/parse";
import type { CellValue, Grid } from "../../src/core/grid";

const HEADERS: CellValue[] = [...ACTIVITY_HEADERS];
const sheet = (rows: CellValue[][], top = 1, left = 1): Grid => ({ sheet: "Activities", top, left, rows });

// ID, Activity, Outcome, Sub-outcome, Approach, Lead agency, Level, Countries, Stage, Status,
// Start date, End date, Budget (USD), Funded (USD), Progress, Need, Value added, Engagement, Notes
const GOOD: CellValue[] = [
  "A-001",
  "Train rangers",
  3,
  3.2,
  "3.2.1",
  "INTERPOL/WCO",
  "National",
  "Kenya; Uganda",
  "Implementation",
  "In progress",
  45292,
  new Date(Date.UTC(2024, 11, 31)),
  "$120,000",
  50000,
  "45%",
  4,
  5,
  3,
  "=not a formula",
];

describe("parseActivities: a clean sheet", () => {
  const parsed = parseActivities(sheet([HEADERS, GOOD]));

  test("header in row 1, every column mapped, nothing missing or extra", () => {
    expect(parsed.headerRow).toBe(1);
    expect(parsed.columnOf.approach).toBe(5);
    expect(parsed.missingColumns).toEqual([]);
    expect(parsed.extraColumns).toEqual([]);
    expect(parsed.duplicateHeaders).toEqual([]);
  });

  test("row 2 becomes the canonical record", () => {
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.row).toBe(2);
    expect(parsed.rows[0]!.record).toEqual({
      id: "A-001",
      title: "Train rangers",
      outcome: "3",
      subOutcome: "3.2",
      approach: "3.2.1",
      leadAgencies: ["INTERPOL", "WCO"],
      level: "National",
      countries: ["KEN", "UGA"],
      stage: "Implementation",
      status: "In progress",
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      budgetUsd: 120000,
      fundedUsd: 50000,
      progress: 0.45,
      need: 4,
      valueAdded: 5,
      engagement: 3,
      notes: "=not a formula",
    });
    expect(parsed.problems).toEqual([]);
  });

  test("cells keep the raw value and their address", () => {
    const cell = parsed.rows[0]!.cells.budgetUsd;
    expect(cell).toEqual({ raw: "$120,000", col: 13, address: "M2", problem: null });
  });
});

describe("parseActivities: finding the header", () => {
  test("below a title and blank rows, with headers in any case and spacing", () => {
    const messy = HEADERS.map((h) => (typeof h === "string" ? `  ${h.toUpperCase()} ` : h));
    const parsed = parseActivities(
      sheet([["ICCWC activities, Kenya office"], [], [null, "updated 2024"], messy, GOOD]),
    );
    expect(parsed.headerRow).toBe(4);
    expect(parsed.rows.map((r) => r.row)).toEqual([5]);
    expect(parsed.rows[0]!.record.approach).toBe("3.2.1");
  });

  test("a grid that starts lower and further right keeps sheet coordinates", () => {
    const parsed = parseActivities(sheet([HEADERS, GOOD], 10, 3));
    expect(parsed.headerRow).toBe(10);
    expect(parsed.columnOf.id).toBe(3);
    expect(parsed.rows[0]!.cells.approach.address).toBe("G11");
  });

  test("no header in the first 30 rows: nothing parsed, every column missing", () => {
    const rows: CellValue[][] = Array.from({ length: 31 }, (_, i) => [`note ${i}`]);
    rows.push(HEADERS, GOOD);
    const parsed = parseActivities(sheet(rows));
    expect(parsed.headerRow).toBeNull();
    expect(parsed.rows).toEqual([]);
    expect(parsed.missingColumns).toHaveLength(19);
  });
});

describe("parseActivities: columns", () => {
  test("missing, duplicate and extra columns; the add-in's score columns are neither", () => {
    const headers: CellValue[] = ["ID", "Activity", "Approach", "Approach", "Donor", "Score", "Rank", "Band", "Status"];
    const parsed = parseActivities(sheet([headers, ["A-1", "x", "1.1.1", "1.1.2", "EU", 3.2, 1, "High", "done"]]));
    expect(parsed.columnOf.approach).toBe(3);
    expect(parsed.duplicateHeaders).toEqual([{ header: "Approach", cols: [3, 4] }]);
    expect(parsed.extraColumns).toEqual([{ header: "Donor", col: 5 }]);
    expect(parsed.missingColumns).toContain("Outcome");
    expect(parsed.missingColumns).not.toContain("Approach");
    expect(parsed.rows[0]!.record.approach).toBe("1.1.1");
    expect(parsed.rows[0]!.record.status).toBe("Completed");
    expect(parsed.rows[0]!.cells.outcome).toEqual({ raw: null, col: null, address: null, problem: null });
  });
});

describe("parseActivities: blank rows", () => {
  test("blank rows inside the data are listed and skipped; trailing blanks are not listed", () => {
    const row = (id: string): CellValue[] => [id, "t", 1, "1.1", "1.1.1"];
    const onlyScore: CellValue[] = [
      null,
      "  ",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      4.5,
    ];
    const headers = [...HEADERS, "Score"];
    const parsed = parseActivities(sheet([headers, row("A"), [], onlyScore, row("B"), [null, ""], []]));
    expect(parsed.rows.map((r) => r.record.id)).toEqual(["A", "B"]);
    expect(parsed.blankRows).toEqual([3, 4]);
  });
});

describe("parseActivities: problems carry the cell, the value and what to do", () => {
  // Row 2: every awkward value officers send.
  const bad: CellValue[] = [
    { error: "#REF!" },
    "Train",
    "Outcome three",
    "2.3",
    "Strengthen capacity in crime scene management",
    "INTERPOL / UNEP",
    "provincial",
    "Kenya; Atlantis",
    "brainstorm",
    "maybe",
    "03/04/2024",
    "2024",
    "EUR 5,000",
    "1.500",
    45,
    "high",
    6,
    2.5,
    "",
  ];
  const parsed = parseActivities(sheet([HEADERS, bad]));
  const byCell = new Map(parsed.problems.map((p) => [p.cell, p]));

  test.each([
    ["A2", "error-value", "error"],
    ["C2", "code-unreadable", "error"],
    ["E2", "code-from-title", "info"],
    ["F2", "agency-unknown", "error"],
    ["G2", "level-unknown", "error"],
    ["H2", "country-unknown", "error"],
    ["I2", "stage-unknown", "error"],
    ["J2", "status-unknown", "error"],
    ["K2", "date-ambiguous", "error"],
    ["L2", "date-unreadable", "error"],
    ["M2", "money-not-usd", "error"],
    ["N2", "number-ambiguous", "error"],
    ["O2", "progress-read-as-percent", "info"],
    ["P2", "number-unreadable", "error"],
  ])("%s: %s (%s)", (cell, code, severity) => {
    const issue = byCell.get(cell);
    expect(issue).toMatchObject({ code, severity, sheet: "Activities", row: 2, cell });
    expect(issue!.message).toContain(`Activities!${cell}`);
  });

  test("scores out of range are kept for validation to judge", () => {
    expect(byCell.has("Q2")).toBe(false);
    expect(parsed.rows[0]!.record.valueAdded).toBe(6);
    expect(parsed.rows[0]!.record.engagement).toBe(2.5);
  });

  test("the record keeps the known part and empty values for the rest", () => {
    const r = parsed.rows[0]!.record;
    expect(r.id).toBe("");
    expect(r.outcome).toBe("");
    expect(r.subOutcome).toBe("2.3");
    expect(r.approach).toBe("3.2.1");
    expect(r.leadAgencies).toEqual(["INTERPOL"]);
    expect(r.countries).toEqual(["KEN"]);
    expect(r.level).toBe("");
    expect(r.startDate).toBeNull();
    expect(r.budgetUsd).toBeNull();
    expect(r.progress).toBe(0.45);
  });

  test("suggestions point to the nearest valid values", () => {
    expect(byCell.get("F2")!.value).toBe("INTERPOL / UNEP");
    expect(byCell.get("E2")!.suggestion).toBe("3.2.1");
    expect(byCell.get("J2")!.message).toContain("Not started, Planned, In progress, Completed, Delayed, Cancelled");
  });

  test("a code that does not exist is kept as typed for validation", () => {
    const p = parseActivities(sheet([HEADERS, ["A", "t", "Outcome 7", "Sub-outcome 2.4", "(9.9.9)"]]));
    expect(p.rows[0]!.record).toMatchObject({ outcome: "7", subOutcome: "2.4", approach: "9.9.9" });
    expect(p.problems).toEqual([]);
  });
});

describe("parseActivities never throws", () => {
  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date(),
    fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }),
    fc.constantFrom(...ACTIVITY_HEADERS, "Score", "Rank"),
  );

  test("random grids with ragged rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { maxLength: 25 }), { maxLength: 12 }),
        fc.boolean(),
        (rows, withHeader) => {
          const grid = sheet(withHeader ? [HEADERS, ...rows] : rows);
          const parsed = parseActivities(grid);
          for (const p of parsed.problems) expect(p.cell).toMatch(/^[A-Z]+\d+$/);
          if (withHeader) expect(parsed.headerRow).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  test("huge strings and 16,384 columns", () => {
    const wide: CellValue[] = [...HEADERS];
    while (wide.length < 16384) wide.push(wide.length % 2 ? null : `extra ${wide.length}`);
    const huge = "x".repeat(2_000_000);
    const row: CellValue[] = Array.from({ length: 16384 }, (_, i) => (i % 97 === 0 ? huge : i));
    const parsed = parseActivities(sheet([wide, row]));
    expect(parsed.headerRow).toBe(1);
    expect(parsed.extraColumns.length).toBeGreaterThan(8000);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.record.id).toBe(huge);
  });

  test("huge and separator-heavy strings in every column", () => {
    const monsters = [
      "x".repeat(1_000_000),
      " ".repeat(1_000_000) + "1",
      "Kenya" + " ; ".repeat(300_000),
      "1.".repeat(400_000),
      "INTERPOL and ".repeat(100_000),
      "9".repeat(500_000),
    ];
    for (const m of monsters) {
      const parsed = parseActivities(sheet([HEADERS, HEADERS.map(() => m)]));
      expect(parsed.rows).toHaveLength(1);
      expect(parsed.rows[0]!.record.notes).toBe(m.trim());
    }
  });

  test("an empty grid", () => {
    expect(parseActivities(sheet([])).rows).toEqual([]);
  });
});

describe("parseActivities reads, never writes", () => {
  test("a frozen grid parses (any write would throw), twice to the same result", () => {
    const rows = [HEADERS, GOOD, GOOD.map((v, i) => (i === 0 ? "A-002" : v))].map((r) => Object.freeze([...r]));
    const grid = Object.freeze(sheet(Object.freeze(rows) as CellValue[][]));
    const first = parseActivities(grid);
    expect(parseActivities(grid)).toEqual(first);
    expect(first.rows).toHaveLength(2);
  });

  test("records do not share arrays: editing one row's countries leaves the next row alone", () => {
    const parsed = parseActivities(sheet([HEADERS, GOOD, GOOD]));
    parsed.rows[0]!.record.countries.push("TZA");
    parsed.rows[0]!.record.leadAgencies.length = 0;
    expect(parsed.rows[1]!.record.countries).toEqual(["KEN", "UGA"]);
    expect(parsed.rows[1]!.record.leadAgencies).toEqual(["INTERPOL", "WCO"]);
    expect(parseActivities(sheet([HEADERS, GOOD])).rows[0]!.record.countries).toEqual(["KEN", "UGA"]);
  });
});
