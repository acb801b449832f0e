import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { parseActivities } from "../../src/core/activity/parse";
import type { CellValue, Grid } from "../../src/core/grid";
import { SCORE_HEADERS } from "../../src/core/layout/sheet-names";
import { scoreActivities, scoreColumnsChanges } from "../../src/core/score";
import { scoreColumnStart } from "../../src/core/score/columns";
import { MemoryWorkbook } from "../support/memory-workbook";
import { parsedOf, settings } from "./build";

// Activities A..S, a user column T ("My notes"), score columns from U.
const header: CellValue[] = [...ACTIVITY_HEADERS, "My notes"];
const userRow = (id: string, note: string): CellValue[] => [
  id,
  ...new Array<CellValue>(ACTIVITY_HEADERS.length - 1).fill("x"),
  note,
];

function setup(records: Parameters<typeof parsedOf>[0], extraRows: CellValue[][] = []) {
  const parsed = parsedOf(records);
  parsed.extraColumns.push({ header: "My notes", col: 20 });
  const book = new MemoryWorkbook({
    Activities: [header, ...records.map((_, i) => userRow(`A-${i + 1}`, `keep ${i + 1}`)), ...extraRows],
  });
  return { parsed, book };
}

describe("scoreColumnsChanges", () => {
  test("writes the score headers right after the last user column, and the values per row", async () => {
    const { parsed, book } = setup([{ need: 5, valueAdded: 5, engagement: 5 }, { need: 4 }]);
    const result = scoreActivities(parsed, settings());
    await book.port.apply(scoreColumnsChanges(result, parsed, book.grid("Activities")));
    expect(SCORE_HEADERS.map((_, i) => book.value("Activities", `${String.fromCharCode(85 + i)}1`))).toEqual([
      ...SCORE_HEADERS,
    ]);
    // Row 2: 0.40x90 + 0.35x90 + 0.25x90 = 90 x 1.00 = 90.0
    expect(book.value("Activities", "U2")).toBe(90);
    expect(book.value("Activities", "V2")).toBe(1);
    expect(book.value("Activities", "W2")).toBe("High");
    expect(book.value("Activities", "X2")).toBe("not a candidate");
    expect(book.value("Activities", "Y2")).toBe("stable");
    expect(book.value("Activities", "Z2")).toMatch(/^Need 5\/5 \(this row\) x weight 0\.40 x 90\.0 = 36\.0; /);
    // Row 3 cannot be scored: blank score, the reason in the breakdown.
    expect(book.value("Activities", "U3")).toBeNull();
    expect(book.value("Activities", "Z3")).toMatch(/^Not scored: Value added is blank on the row/);
    expect(book.value("Activities", "T2")).toBe("keep 1");
    expect(book.numberFormat("Activities", "U2")).toBe("0.0");
  });

  test("a re-run overwrites only its columns, blanks rows removed since, and twice equals once", async () => {
    const { parsed, book } = setup([
      { need: 5, valueAdded: 5, engagement: 5 },
      { need: 3, valueAdded: 3, engagement: 3 },
      { need: 1, valueAdded: 1, engagement: 1 },
    ]);
    await book.port.apply(scoreColumnsChanges(scoreActivities(parsed, settings()), parsed, book.grid("Activities")));
    expect(book.value("Activities", "U4")).not.toBeNull();
    // The parse no longer holds row 4 (the user cleared that activity); its old score cells U4:Z4 must go.
    const grid = book.grid("Activities");
    const shorter = parsedOf([
      { need: 5, valueAdded: 5, engagement: 5 },
      { need: 3, valueAdded: 3, engagement: 3 },
    ]);
    shorter.extraColumns.push({ header: "My notes", col: 20 });
    const changes = scoreColumnsChanges(scoreActivities(shorter, settings()), shorter, grid);
    await book.port.apply(changes);
    expect(["U4", "V4", "W4", "X4", "Y4", "Z4"].map((a) => book.value("Activities", a))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(book.value("Activities", "T4")).toBe("keep 3");
    const once = book.snapshot();
    await book.port.apply(scoreColumnsChanges(scoreActivities(shorter, settings()), shorter, book.grid("Activities")));
    expect(book.snapshot()).toEqual(once);
    // Every op writes inside U..Z, never into a user column.
    for (const op of changes.ops) if (op.kind === "values") expect(op.at).toMatch(/^[U-Z]\d+$/);
  });

  test("score columns left at an older position are blanked when a user column now follows them", async () => {
    const { parsed, book } = setup([{ need: 5, valueAdded: 5, engagement: 5 }]);
    await book.port.apply(scoreColumnsChanges(scoreActivities(parsed, settings()), parsed, book.grid("Activities")));
    // The user adds a column AA after the score columns.
    await book.port.apply({ ops: [{ kind: "values", sheet: "Activities", at: "AA1", values: [["Donor"], ["EU"]] }] });
    const moved = parsedOf([{ need: 5, valueAdded: 5, engagement: 5 }]);
    moved.extraColumns.push({ header: "My notes", col: 20 }, { header: "Donor", col: 27 });
    await book.port.apply(scoreColumnsChanges(scoreActivities(moved, settings()), moved, book.grid("Activities")));
    expect(book.value("Activities", "U1")).toBeNull();
    expect(book.value("Activities", "U2")).toBeNull();
    expect(book.value("Activities", "AB1")).toBe("Score");
    expect(book.value("Activities", "AB2")).toBe(90);
    expect(book.value("Activities", "AA2")).toBe("EU");
  });

  test("no header row: no change", () => {
    const parsed = { ...parsedOf([]), headerRow: null };
    expect(scoreColumnsChanges(scoreActivities(parsed, settings()), parsed).ops).toEqual([]);
  });
});

describe("scoreColumnsChanges: user cells without a header", () => {
  test("values under a blank header after the last column push the block right of everything, and stay there", async () => {
    const parsed = parsedOf([{ need: 5, valueAdded: 5, engagement: 5 }]);
    parsed.extraColumns.push({ header: "My notes", col: 20 });
    // U2 holds a loose note with no header above it.
    const book = new MemoryWorkbook({ Activities: [header, [...userRow("A-1", "keep 1"), "loose note"]] });
    await book.port.apply(scoreColumnsChanges(scoreActivities(parsed, settings()), parsed, book.grid("Activities")));
    expect(book.value("Activities", "U2")).toBe("loose note");
    expect(book.value("Activities", "V1")).toBe("Score");
    expect(book.value("Activities", "V2")).toBe(90);
    const once = book.snapshot();
    await book.port.apply(scoreColumnsChanges(scoreActivities(parsed, settings()), parsed, book.grid("Activities")));
    expect(book.snapshot()).toEqual(once);
  });
});

describe("score columns beside a sheet that lacks a plan column", () => {
  it("leave room for the header set up adds, so the two never write the same cell", () => {
    const headers = ACTIVITY_HEADERS.filter((h) => h !== "Engagement");
    const grid: Grid = { sheet: "Activities", top: 1, left: 1, rows: [[...headers]] };
    const parsed = parseActivities(grid);
    expect(parsed.missingColumns).toEqual(["Engagement"]);
    // 18 headers in A:R; set up adds Engagement in S; the score block starts in T.
    expect(scoreColumnStart(parsed, grid)).toBe(20);
    expect(scoreColumnStart(parsed)).toBe(20);
  });
});
