import fc from "fast-check";
import { importAppendChanges, importRows, importResultToJson } from "../../src/core/import";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import type { CellValue, Grid } from "../../src/core/grid";
import { EAST_AFRICA_EN } from "../fixtures/import/east-africa-en";
import { deepFreeze } from "./helpers";

const grid = (rows: CellValue[][], extra: Partial<Grid> = {}): Grid => ({
  sheet: "Source",
  top: 1,
  left: 1,
  rows,
  ...extra,
});

describe("the source is data, never code", () => {
  it("never changes the source grid (frozen: any write would throw)", () => {
    const frozen = deepFreeze(JSON.parse(JSON.stringify({ ...EAST_AFRICA_EN, rows: [] })) as Grid);
    const source = deepFreeze({ ...EAST_AFRICA_EN, rows: EAST_AFRICA_EN.rows.map((r) => [...r]) });
    const before = JSON.stringify(source);
    expect(() => importRows(source)).not.toThrow();
    expect(() => importRows(frozen)).not.toThrow();
    expect(JSON.stringify(source)).toBe(before);
  });

  it("keeps text beginning with =, +, - or @ as text, and the append writes it as a value, never as a formula", () => {
    const rows: CellValue[][] = [
      ["ID", "Activity", "Approach", "Notes"],
      ["=1+1", '=HYPERLINK("http://evil")', "1.1.1", "+44 20 7946 0000"],
      ["@SUM", "-Training", "1.1.2", "@home"],
    ];
    const r = importRows(grid(rows));
    expect(r.rows.map((x) => [x.record.id, x.record.title, x.record.notes])).toEqual([
      ["=1+1", '=HYPERLINK("http://evil")', "+44 20 7946 0000"],
      ["@SUM", "-Training", "@home"],
    ]);
    const changes = importAppendChanges(r, { sheet: "Activities", top: 1, left: 1, rows: [[...ACTIVITY_HEADERS]] });
    expect(changes.ops.some((op) => op.kind === "formulas")).toBe(false);
    const values = changes.ops.find((op) => op.kind === "values");
    expect(values && values.kind === "values" ? values.values.map((v) => [v[0], v[1]]) : []).toEqual([
      ["=1+1", '=HYPERLINK("http://evil")'],
      ["@SUM", "-Training"],
    ]);
  });

  it("imports formulas as their values and reports a formula that has no saved value", () => {
    const rows: CellValue[][] = [
      ["ID", "Activity", "Approach", "Budget"],
      ["F-1", "Workshop", "1.1.1", 1500],
      ["F-2", "Mission", "1.1.2", null],
    ];
    const formulas = [
      [null, null, null, null],
      [null, null, null, "1000+500"],
      [null, null, null, "D2*2"],
    ];
    const r = importRows(grid(rows, { formulas }));
    expect(r.rows.map((x) => x.record.budgetUsd)).toEqual([1500, null]);
    expect(r.issues.find((i) => i.cell === "D3")).toMatchObject({ code: "formula-without-value" });
  });

  it("reports error values (#N/A, #REF!) and imports nothing from them", () => {
    const r = importRows(
      grid([
        ["ID", "Activity", "Approach", "Start"],
        ["E-1", "x", { error: "#N/A" }, { error: "#REF!" }],
      ]),
    );
    expect(r.rows[0]!.record).toMatchObject({ approach: "", startDate: null });
    expect(r.issues.filter((i) => i.code === "error-value").map((i) => [i.cell, i.value])).toEqual([
      ["C2", "#N/A"],
      ["D2", "#REF!"],
    ]);
  });
});

describe("__proto__, constructor and prototype are only text", () => {
  it("as headers and values they change no object's behaviour", () => {
    const rows: CellValue[][] = [
      ["__proto__", "constructor", "ID", "Activity", "Approach", "prototype", "Lead", "Country"],
      ['{"polluted":1}', "x", "__proto__", "constructor", "1.1.1", "hasOwnProperty", "__proto__", "constructor"],
    ];
    const r = importRows(grid(rows));
    const rec = r.rows[0]!.record;
    expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe("function");
    expect(rec).toMatchObject({
      id: "__proto__",
      title: "constructor",
      approach: "1.1.1",
      leadAgencies: [],
      countries: [],
    });
    expect(rec.notes).toBe('__proto__: {"polluted":1}; constructor: x; prototype: hasOwnProperty');
    expect(r.columns.slice(0, 2).map((c) => c.choice)).toEqual(["unmapped", "unmapped"]);
    expect(JSON.parse(JSON.stringify(importResultToJson(r))).activities[0].id).toBe("__proto__");
  });

  it("as keys of a mapping correction (parsed from JSON) they only name headers", () => {
    const override = JSON.parse('{"__proto__": "title", "constructor": "notes"}') as Record<string, string>;
    const rows: CellValue[][] = [
      ["__proto__", "constructor", "Approach"],
      ["My activity", "a note", "2.2.1"],
    ];
    const r = importRows(grid(rows), { mappingOverride: override });
    expect(r.rows[0]!.record).toMatchObject({ title: "My activity", notes: "a note", approach: "2.2.1" });
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });
});

describe("stable IDs", () => {
  const rows: CellValue[][] = [
    ["Activity", "Approach"],
    ["Workshop A", "1.1.1"],
    ["Workshop B", "1.1.2"],
    ["Workshop A", "1.1.1"],
  ];

  it("the same row gets the same ID wherever it stands; identical rows are told apart", () => {
    const a = importRows(grid(rows)).rows.map((r) => r.record.id);
    const b = importRows(grid([rows[0]!, rows[2]!, rows[1]!, rows[3]!])).rows.map((r) => r.record.id);
    expect(new Set(a).size).toBe(3);
    expect(a[2]).toBe(`${a[0]}-2`);
    expect(b[0]).toBe(a[1]);
    expect(b[1]).toBe(a[0]);
  });

  it("a different sheet name gives different IDs", () => {
    const a = importRows(grid(rows)).rows[0]!.record.id;
    const b = importRows({ ...grid(rows), sheet: "Other" }).rows[0]!.record.id;
    expect(a).not.toBe(b);
  });
});

describe("any sheet at all", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.constantFrom(
      "__proto__",
      "Total",
      "=SUM(A1:A3)",
      "Activity",
      "Approach",
      "Lead",
      "Pays",
      "Q1 2025",
      "3.2.4",
      "OMD/INTERPOL",
      "45%",
      "#N/A",
    ),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant({ error: "#REF!" }),
  );
  it("never throws, and every issue names the sheet", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        const header: CellValue[] = ["ID", "Activity", "Approach", "Lead", "Pays", "Begins", "Budget", "% done"];
        const r = importRows(grid([header, ...(rows as CellValue[][])]));
        for (const i of r.issues) expect(i.sheet).toBe("Source");
        expect(() => importAppendChanges(r, null)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
