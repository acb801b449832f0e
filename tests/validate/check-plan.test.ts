import fc from "fast-check";
import { checkPlan } from "../../src/app/validate";
import { ANNOTATION_MARK, SEVERITY_FILLS } from "../../src/core/changeset";
import { SHEETS } from "../../src/core/layout/sheet-names";
import { SheetNotFoundError } from "../../src/ports/workbook-port";
import { MemoryWorkbook } from "../support/memory-workbook";
import { AS_OF, HEADER, row } from "./sheet";

function book() {
  return new MemoryWorkbook({
    Activities: [
      HEADER,
      row({}, "A-001"),
      row({ Approach: "3.5.1" }, "A-002"),
      row({ "Lead agency": "UNEP" }, "A-003"),
    ],
  });
}

describe("checkPlan", () => {
  test("without annotate it only reads", async () => {
    const wb = book();
    const { report, applyReport } = await checkPlan(wb.port, { asOf: AS_OF, annotate: false });
    expect(report.summary.errors).toBe(2);
    expect(applyReport).toBeUndefined();
    expect(wb.applyCount).toBe(0);
  });

  test("annotate applies one change set: notes, fills, Issues, hidden state; values untouched", async () => {
    const wb = book();
    const before = wb.grid("Activities");
    const { report, applyReport } = await checkPlan(wb.port, { asOf: AS_OF, annotate: true });
    expect(wb.applyCount).toBe(1);
    expect(applyReport!.skipped).toEqual([]);
    expect(wb.grid("Activities")).toEqual(before);
    expect(wb.notes.get("Activities!E3")!.startsWith(ANNOTATION_MARK)).toBe(true);
    expect(wb.fills.get("Activities!F4")).toBe(SEVERITY_FILLS.error);
    expect(wb.value(SHEETS.issues, "A1")).toBe("Severity");
    expect(wb.grid(SHEETS.issues).rows).toHaveLength(report.issues.length + 1);
    expect(wb.sheets.get(SHEETS.state)!.hidden).toBe(true);
    expect(wb.links.get(`${SHEETS.issues}!F2`)).toMatchObject({ toSheet: "Activities" });
  });

  test("running twice equals running once", async () => {
    const wb = book();
    await checkPlan(wb.port, { asOf: AS_OF, annotate: true });
    const once = wb.snapshot();
    await checkPlan(wb.port, { asOf: AS_OF, annotate: true });
    expect(wb.snapshot()).toEqual(once);
  });

  test("a fixed cell loses its note and fill; the officer's own note and fill stay", async () => {
    const wb = book();
    wb.notes.set("Activities!B2", "my own note");
    wb.fills.set("Activities!B2", "#00FF00");
    await checkPlan(wb.port, { asOf: AS_OF, annotate: true });
    expect(wb.notes.has("Activities!E3")).toBe(true);
    // Fix E3 in the sheet, then check again.
    const fixed = new MemoryWorkbook({
      Activities: [HEADER, row({}, "A-001"), row({}, "A-002"), row({ "Lead agency": "UNEP" }, "A-003")],
    });
    for (const [name, s] of wb.sheets) if (name !== "Activities") fixed.sheets.set(name, s);
    for (const [k, v] of wb.notes) fixed.notes.set(k, v);
    for (const [k, v] of wb.fills) fixed.fills.set(k, v);
    await checkPlan(fixed.port, { asOf: AS_OF, annotate: true });
    expect(fixed.notes.has("Activities!E3")).toBe(false);
    expect(fixed.fills.has("Activities!E3")).toBe(false);
    expect(fixed.notes.get("Activities!F4")!.startsWith(ANNOTATION_MARK)).toBe(true);
    expect(fixed.notes.get("Activities!B2")).toBe("my own note");
    expect(fixed.fills.get("Activities!B2")).toBe("#00FF00");
  });

  test("a missing Activities sheet throws the port's SheetNotFoundError", async () => {
    const wb = new MemoryWorkbook({ Other: [["x"]] });
    await expect(checkPlan(wb.port, { asOf: AS_OF, annotate: true })).rejects.toBeInstanceOf(SheetNotFoundError);
  });

  test("another sheet can be checked by name", async () => {
    const wb = new MemoryWorkbook({ "Plan 2025": [HEADER, row({ Approach: "9.9.9" }, "A-001")] });
    const { report } = await checkPlan(wb.port, { asOf: AS_OF, sheet: "Plan 2025", annotate: true });
    expect(report.issues[0]).toMatchObject({ sheet: "Plan 2025", cell: "E2" });
    expect(wb.notes.has("Plan 2025!E2")).toBe(true);
  });

  test("an aborted signal stops before anything is written", async () => {
    const wb = book();
    const ac = new AbortController();
    ac.abort();
    await expect(checkPlan(wb.port, { asOf: AS_OF, annotate: true, signal: ac.signal })).rejects.toBeTruthy();
    expect(wb.applyCount).toBe(0);
  });
});

describe("checkPlan properties", () => {
  const faults: Parameters<typeof row>[0][] = [
    {},
    { Approach: "3.5.1" },
    { "Lead agency": "UNEP" },
    { ID: null },
    { "Start date": "soon" },
    { Progress: { error: "#N/A" } },
    { Status: "Completed", Progress: 0.3 },
    { Activity: "=1+1" },
    { Countries: "@Atlantis" },
  ];

  test("on any mix of faulty rows: values never change, and running twice equals running once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(faults.length - 1), { minLength: 0, maxLength: 12 }),
        fc.array(fc.nat(faults.length - 1), { maxLength: 12 }),
        async (first, second) => {
          const wb = new MemoryWorkbook({ Activities: [HEADER, ...first.map((f, i) => row(faults[f], `A-${i}`))] });
          const before = wb.grid("Activities");
          await checkPlan(wb.port, { asOf: AS_OF, annotate: true });
          const once = wb.snapshot();
          await checkPlan(wb.port, { asOf: AS_OF, annotate: true });
          expect(wb.snapshot()).toEqual(once);
          expect(wb.grid("Activities")).toEqual(before);
          // A different sheet checked later leaves no stale note behind on cells it no longer flags.
          const next = new MemoryWorkbook({ Activities: [HEADER, ...second.map((f, i) => row(faults[f], `A-${i}`))] });
          for (const [name, s] of wb.sheets) if (name !== "Activities") next.sheets.set(name, s);
          for (const [k, v] of wb.notes) next.notes.set(k, v);
          for (const [k, v] of wb.fills) next.fills.set(k, v);
          const { report } = await checkPlan(next.port, { asOf: AS_OF, annotate: true });
          const flagged = new Set(report.issues.filter((i) => i.cell !== null).map((i) => `Activities!${i.cell}`));
          for (const k of next.notes.keys()) if (k.startsWith("Activities!")) expect(flagged.has(k)).toBe(true);
          for (const k of next.fills.keys()) if (k.startsWith("Activities!")) expect(flagged.has(k)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
