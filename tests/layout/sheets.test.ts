import { SEVERITY_FILLS, type ChangeOp } from "../../src/core/changeset";
import { PLAN_2023_2026 } from "../../src/core/framework";
import { coverSheetChanges } from "../../src/core/layout/cover-sheet";
import { frameworkSheetChanges } from "../../src/core/layout/framework-sheet";
import { listsSheetChanges } from "../../src/core/layout/lists-sheet";
import { LIST_NAMES } from "../../src/core/layout/list-names";
import { frameworkSheetData, listsData } from "../../src/core/layout/plan-data";
import { activitiesLayout } from "../../src/core/layout/activities-sheet";

const ofKind = <K extends ChangeOp["kind"]>(ops: ChangeOp[], kind: K) =>
  ops.filter((o): o is Extract<ChangeOp, { kind: K }> => o.kind === kind);

describe("Lists sheet", () => {
  const data = listsData();
  const ops = listsSheetChanges(data);
  const block = ofKind(ops, "values")[0]!;
  const column = (header: string) => {
    const j = block.values[0]!.indexOf(header);
    return block.values
      .slice(1)
      .map((r) => r[j])
      .filter((v) => v !== null);
  };

  it("is generated: reset, then one block of values, then protected", () => {
    expect(ops.map((o) => o.kind).slice(0, 3)).toEqual(["ensureSheet", "resetSheet", "values"]);
    expect(ofKind(ops, "protect")).toHaveLength(1);
  });

  it("lists every approach code of the plan in the column lstApproaches names", () => {
    expect(column("Approach")).toEqual(PLAN_2023_2026.approaches.map((a) => a.code));
    const name = ofKind(ops, "name").find((n) => n.name === LIST_NAMES.approaches)!;
    expect(name.range).toBe(`$I$2:$I$${PLAN_2023_2026.approaches.length + 1}`);
    expect(column("Approach title")[0]).toBe(PLAN_2023_2026.approaches[0]!.title);
  });

  it("names exactly the rows each list fills", () => {
    for (const n of ofKind(ops, "name")) {
      const m = /^\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(n.range)!;
      const header = block.values[0]![m[1]!.charCodeAt(0) - 65] as string;
      expect(Number(m[2]) - 1).toBe(column(header).length);
    }
  });

  it("defines every name an Activities drop-down uses", () => {
    const names = new Set(ofKind(ops, "name").map((n) => `=${n.name}`));
    for (const v of ofKind(activitiesLayout(null).ops, "listValidation")) expect(names).toContain(v.source);
  });

  it("keeps codes as text so 1.1 never becomes a number", () => {
    expect(block.formats?.[block.values[0]!.indexOf("Sub-outcome")]).toBe("@");
    expect(column("Sub-outcome").every((v) => typeof v === "string")).toBe(true);
  });
});

describe("Framework sheet", () => {
  const ops = frameworkSheetChanges(frameworkSheetData());
  const rows = ofKind(ops, "values")[0]!.values;
  const header = rows.findIndex((r) => r[0] === "Code");

  it("holds the whole hierarchy in plan order: 5 + 13 + 40 rows", () => {
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(58);
    expect(body.slice(0, 3).map((r) => r[0])).toEqual(["1", "1.1", "1.1.1"]);
    expect(body.filter((r) => r[1] === "Outcome")).toHaveLength(5);
    const a = body.find((r) => r[0] === "3.2.4")!;
    expect(a[2]).toBe(PLAN_2023_2026.title("3.2.4"));
    expect(String(a[3])).toMatch(/Internet/);
  });

  it("marks outcome rows bold and the sheet read-only", () => {
    const bold = ofKind(ops, "style").filter(
      (s) => s.style.bold && /^A\d+:D\d+$/.test(s.range) && s.range !== `A${header + 1}:D${header + 1}`,
    );
    expect(bold).toHaveLength(5);
    expect(ofKind(ops, "protect")).toHaveLength(1);
  });
});

describe("Cover sheet", () => {
  const ops = coverSheetChanges({
    planTitle: "ICCWC Strategic Action Plan 2023-2026",
    asOf: "2025-06-30",
    generatedOn: "2025-07-01",
    counts: { errors: 7, warnings: 3, infos: 1 },
    rowsChecked: 66,
    sheets: ["Cover", "Activities", "Issues", "Framework"],
    toSerial: (iso) => (iso === "2025-06-30" ? 45838 : 45839),
  });
  const rows = ofKind(ops, "values")[0]!.values;
  const valueOf = (label: string) => rows.find((r) => r[0] === label)?.[1];

  it("states the plan, dates and counts", () => {
    expect(rows[0]![0]).toBe("ICCWC Strategic Action Plan 2023-2026");
    expect(valueOf("Checked as of")).toBe(45838);
    expect(valueOf("Errors")).toBe(7);
    expect(valueOf("Warnings")).toBe(3);
    expect(valueOf("Activities checked")).toBe(66);
  });

  it("explains each colour with the fill the annotations use", () => {
    const fills = ofKind(ops, "fill").map((f) => f.color);
    for (const c of Object.values(SEVERITY_FILLS)) expect(fills).toContain(c);
  });

  it("describes only the sheets the workbook has", () => {
    expect(valueOf("Issues")).toMatch(/link/);
    expect(valueOf("Summaries")).toBeUndefined();
  });

  it("is the first tab and rebuilt from scratch each time", () => {
    expect(ops[0]).toEqual({ kind: "ensureSheet", sheet: "Cover", position: 0 });
    expect(ops[1]).toEqual({ kind: "resetSheet", sheet: "Cover" });
  });
});
