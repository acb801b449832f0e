import fc from "fast-check";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { PLAN_2023_2026 } from "../../src/core/framework";
import { ERROR_VALUES, gridWidth, parseAddress, type CellValue, type Grid } from "../../src/core/grid";
import { AGENCIES, COUNTRIES, LEVELS, STAGES, STATUSES } from "../../src/core/reference";
import { issuesToTable, validateActivities, type ValidationReport } from "../../src/core/validate";
import { AS_OF, HEADER } from "./sheet";

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "3.1.1",
    "9.9.9",
    "Approach 2.2.1",
    "=SUM(A1)",
    "+1",
    "-",
    "@x",
    "__proto__",
    "constructor",
    "INTERPOL; ???",
    "KEN, Atlantis",
    "Completed",
    "150%",
    "2024-13-45",
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(...ERROR_VALUES).map((error) => ({ error })),
  fc.nat(5).map((n) => "x".repeat(n * 20_000)),
  fc.constantFrom(...ACTIVITY_HEADERS),
);

/** Any grid, sometimes with a real header row planted at a random row, at a random origin. */
const anyGrid: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.array(fc.array(cellValue, { maxLength: 25 }), { maxLength: 12 }),
    header: fc.option(fc.nat(6)),
    top: fc.integer({ min: 1, max: 50 }),
    left: fc.integer({ min: 1, max: 30 }),
    sheet: fc.oneof(fc.constant("Activities"), fc.string({ minLength: 1, maxLength: 31 })),
  })
  .map(({ rows, header, top, left, sheet }) => {
    const r = rows.map((x) => [...x]);
    if (header !== null) r.splice(Math.min(header, r.length), 0, [...HEADER]);
    return { sheet, top, left, rows: r };
  });

/** Every issue's location lies inside the grid; violations are collected so one expect reports them all. */
function expectInside(report: ValidationReport, grid: Grid) {
  const width = gridWidth(grid);
  const bad: string[] = [];
  for (const i of report.issues) {
    const where = `${i.code} at ${i.cell ?? "-"} row ${i.row ?? "-"}`;
    if (i.sheet !== grid.sheet) bad.push(`${where}: sheet ${i.sheet}`);
    if (typeof i.message !== "string" || i.message.length === 0) bad.push(`${where}: no message`);
    if (i.row !== null && (i.row < grid.top || i.row >= grid.top + grid.rows.length)) bad.push(`${where}: row outside`);
    if (i.cell !== null) {
      const { row, col } = parseAddress(i.cell);
      if (row !== i.row) bad.push(`${where}: cell row differs`);
      if (col < grid.left || col >= grid.left + width) bad.push(`${where}: column outside`);
    }
  }
  expect(bad).toEqual([]);
}

describe("properties", () => {
  test("any grid gives a report, never an exception, and every issue lies inside the grid", () => {
    fc.assert(
      fc.property(anyGrid, (grid) => {
        const report = validateActivities(grid, { asOf: AS_OF });
        expectInside(report, grid);
        expect(issuesToTable(report.issues)).toHaveLength(report.issues.length + 1);
        const counted = report.summary.errors + report.summary.warnings + report.summary.infos;
        expect(counted).toBe(report.issues.length);
      }),
      { numRuns: 200 },
    );
  });

  test("a 16,384-column header and ragged rows of errors and huge strings", () => {
    const wide: CellValue[] = Array.from({ length: 16_384 }, (_, i) => (i < HEADER.length ? HEADER[i]! : `Extra ${i}`));
    const grid: Grid = {
      sheet: "Activities",
      top: 1,
      left: 1,
      rows: [
        wide,
        [{ error: "#REF!" }],
        ["x".repeat(32_767), "\u0000\u202e", "🦏".repeat(1000)],
        Array<CellValue>(16_384).fill({ error: "#N/A" }),
      ],
    };
    const report = validateActivities(grid, { asOf: AS_OF });
    expectInside(report, grid);
    expect(report.issues.some((i) => i.code === "column-unknown" && i.cell === "XFD1")).toBe(true);
  });

  test("rows generated from the framework with valid values give no error", () => {
    const period = PLAN_2023_2026.period;
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const validRow = fc
      .record({
        approach: fc.constantFrom(...PLAN_2023_2026.approaches),
        agencies: fc.subarray([...AGENCIES], { minLength: 1, maxLength: 2 }),
        separator: fc.constantFrom("; ", ", ", " / "),
        level: fc.constantFrom(...LEVELS),
        countries: fc.subarray(
          COUNTRIES.slice(0, 60).map((c) => c.iso3),
          { minLength: 1, maxLength: 3 },
        ),
        stage: fc.constantFrom(...STAGES),
        status: fc.constantFrom(...STATUSES),
        start: fc.integer({ min: day(period.start), max: day(period.end) }),
        length: fc.nat(400),
        budget: fc.integer({ min: 0, max: 5_000_000 }),
        fundedShare: fc.double({ min: 0, max: 1, noNaN: true }),
        progress: fc.integer({ min: 0, max: 100 }),
        scores: fc.array(fc.option(fc.integer({ min: 1, max: 5 })), { minLength: 3, maxLength: 3 }),
        title: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== ""),
        notes: fc.oneof(fc.constant(null), fc.string()),
      })
      .map((r) => {
        const end = Math.min(r.start + r.length, day(period.end));
        const progress = r.status === "Completed" ? 1 : r.status === "Not started" ? 0 : r.progress / 100;
        return (id: string): CellValue[] => [
          id,
          r.title,
          r.approach.outcome,
          r.approach.subOutcome,
          r.approach.code,
          r.agencies.join(r.separator),
          r.level,
          r.countries.join(", "),
          r.stage,
          r.status,
          new Date(r.start * 86_400_000),
          new Date(end * 86_400_000),
          r.budget,
          Math.floor(r.budget * r.fundedShare),
          progress,
          r.scores[0] ?? null,
          r.scores[1] ?? null,
          r.scores[2] ?? null,
          r.notes,
        ];
      });
    fc.assert(
      fc.property(
        fc.array(validRow, { minLength: 1, maxLength: 15 }),
        fc.constantFrom("2023-01-01", AS_OF, "2027-06-30"),
        (makers, asOf) => {
          const rows = [[...HEADER], ...makers.map((make, i) => make(`ACT-${i + 1}`))];
          const report = validateActivities({ sheet: "Activities", top: 1, left: 1, rows }, { asOf });
          expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
          expect(report.summary.rowsChecked).toBe(makers.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
