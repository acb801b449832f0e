/**
 * The parser's compact rows (SheetRow) and the cell accessors the rules read them with: every accessor
 * must say what the row's `cells` say, on parser rows and on plain rows built by hand alike.
 */
import { ACTIVITY_COLUMNS, ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { NOTE_CODES, parseActivities } from "../../src/core/activity/parse";
import type { ParsedRow } from "../../src/core/activity/parsed";
import {
  addressAt,
  blockedAt,
  colAt,
  COLUMN_INDEX,
  problemAt,
  rawAt,
  rowHasNoProblem,
  SheetRow,
} from "../../src/core/activity/sheet-row";
import type { CellValue, Grid } from "../../src/core/grid";

const HEADERS: CellValue[] = [...ACTIVITY_HEADERS];

test("COLUMN_INDEX is in step with ACTIVITY_COLUMNS", () => {
  expect(Object.keys(COLUMN_INDEX)).toHaveLength(ACTIVITY_COLUMNS.length);
  ACTIVITY_COLUMNS.forEach((c, i) => expect([c.key, COLUMN_INDEX[c.key]]).toEqual([c.key, i]));
});

/** A sheet with a title row above the header, columns from B, one column missing and one problem per row. */
function messyGrid(): Grid {
  const headers = HEADERS.filter((h) => h !== "Stage");
  const base: Record<string, CellValue> = {
    ID: "A-001",
    Activity: "Train rangers",
    Outcome: "3",
    "Sub-outcome": "3.2",
    Approach: "3.2.1",
    "Lead agency": "Interpol",
    Level: "National",
    Countries: "Keyna",
    Status: "maybe",
    "Start date": "soon",
    "End date": 45600,
    "Budget (USD)": { error: "#N/A" },
    "Funded (USD)": 100,
    Progress: 45,
    Need: 4,
    "Value added": null,
    Engagement: 3,
    Notes: "  ",
  };
  const row = (over: Record<string, CellValue>) => headers.map((h) => ({ ...base, ...over })[h as string] ?? null);
  return {
    sheet: "Activities",
    top: 5,
    left: 2,
    rows: [
      ["Plan 2024"],
      headers,
      row({}),
      row({ ID: null, Countries: "KEN", Status: "Completed", "Start date": 45292, "Budget (USD)": 5 }),
      // A ragged row: its last cells are missing, not blank strings.
      row({}).slice(0, 9),
    ],
  };
}

function plainCopy(r: ParsedRow): ParsedRow {
  return { row: r.row, cells: r.cells, record: r.record };
}

describe("accessors agree with cells", () => {
  const parsed = parseActivities(messyGrid());

  test("the parser's rows are SheetRows", () => {
    expect(parsed.rows).toHaveLength(3);
    for (const r of parsed.rows) expect(r).toBeInstanceOf(SheetRow);
  });

  test.each([
    ["parser rows", (r: ParsedRow) => r],
    ["plain rows", plainCopy],
  ])("on %s", (_label, shape) => {
    for (const parsedRow of parsed.rows) {
      const r = shape(parsedRow);
      for (const { key } of ACTIVITY_COLUMNS) {
        const cell = parsedRow.cells[key];
        const at = {
          key,
          raw: rawAt(r, key),
          problem: problemAt(r, key),
          col: colAt(r, key),
          address: addressAt(r, key),
        };
        expect(at).toEqual({ key, raw: cell.raw, problem: cell.problem, col: cell.col, address: cell.address });
        const blocked = cell.col === null || (cell.problem !== null && !NOTE_CODES.has(cell.problem.code));
        expect([key, blockedAt(r, key)]).toEqual([key, blocked]);
      }
      const clean = ACTIVITY_COLUMNS.every((c) => parsedRow.cells[c.key].problem === null);
      expect(rowHasNoProblem(r)).toBe(clean);
    }
  });

  test("addresses and columns follow the sheet's layout; a missing column has none", () => {
    const first = parsed.rows[0]!;
    expect(first.row).toBe(7);
    expect(addressAt(first, "id")).toBe("B7");
    expect(colAt(first, "approach")).toBe(6);
    expect(colAt(first, "stage")).toBeNull();
    expect(addressAt(first, "stage")).toBeNull();
    expect(rawAt(first, "stage")).toBeNull();
    expect(blockedAt(first, "stage")).toBe(true);
    // Ragged: cells past the row's end read as blank.
    expect(rawAt(parsed.rows[2]!, "notes")).toBeNull();
  });

  test("cells are built once and kept; the JSON is the plain row's", () => {
    const r = parsed.rows[1]!;
    expect(r.cells).toBe(r.cells);
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(plainCopy(r))));
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual(["row", "cells", "record"]);
  });

  test("a row keeps the host's values without writing them", () => {
    const grid = messyGrid();
    const before = JSON.stringify(grid.rows);
    const again = parseActivities(grid);
    for (const r of again.rows) for (const { key } of ACTIVITY_COLUMNS) void r.cells[key];
    expect(JSON.stringify(grid.rows)).toBe(before);
  });
});
