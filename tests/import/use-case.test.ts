import { appendImport, previewImport } from "../../src/app/import";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import type { CellValue } from "../../src/core/grid";
import { MemoryWorkbook } from "../support/memory-workbook";
import { WEST_AFRICA_FR_ROWS } from "../fixtures/import/west-africa-fr";

const existingRow = (id: string, title: string): CellValue[] => [
  id,
  title,
  "3",
  "3.2",
  "3.2.4",
  "INTERPOL",
  "National",
  "KEN",
  "Implementation",
  "In progress",
];

function book(activities: CellValue[][] = [[...ACTIVITY_HEADERS], existingRow("ACT-001", "Existing activity")]) {
  return new MemoryWorkbook({ Activities: activities, "Suivi 2024": WEST_AFRICA_FR_ROWS.map((r) => [...r]) });
}

describe("previewImport and appendImport", () => {
  it("previews without writing anything, and leaves the source sheet exactly as it was", async () => {
    const wb = book();
    const before = JSON.stringify(wb.snapshot());
    const result = await previewImport(wb.port, { sheet: "Suivi 2024" });
    expect(result.rows).toHaveLength(4);
    expect(wb.applyCount).toBe(0);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("appends the records below the last Activities row in one apply, written as the set-up writes them", async () => {
    const wb = book();
    const result = await previewImport(wb.port, { sheet: "Suivi 2024" });
    const done = await appendImport(wb.port, result);
    expect(wb.applyCount).toBe(1);
    expect(done).toMatchObject({ appended: 4, rows: { first: 3, last: 6 } });
    // Existing row untouched.
    expect(wb.value("Activities", "A2")).toBe("ACT-001");
    expect(wb.value("Activities", "B2")).toBe("Existing activity");
    // Row 3 is CIV-01, cell by cell.
    const row3 = ACTIVITY_HEADERS.map((_, j) => wb.value("Activities", `${String.fromCharCode(65 + j)}3`));
    expect(row3).toEqual([
      "CIV-01",
      "Atelier de formation des douaniers à l'identification des espèces",
      "1",
      "1.1",
      "1.1.2",
      "INTERPOL; WCO",
      "National",
      "CIV",
      null,
      "In progress",
      45550,
      45930,
      75000,
      null,
      0.45,
      null,
      null,
      null,
      "Bailleur: UE",
    ]);
    expect(wb.numberFormat("Activities", "K3")).toBe("yyyy-mm-dd");
    expect(wb.numberFormat("Activities", "O3")).toBe("0%");
    expect(wb.numberFormat("Activities", "E3")).toBe("@");
    expect(wb.value("Activities", "H4")).toBe("CIV; GHA");
    expect(wb.tables.get("tblActivities")?.range).toMatch(/^A1:[A-Z]+6$/);
  });

  it("appends nothing the second time: importing the same tracker twice gives the workbook of once", async () => {
    const wb = book();
    await appendImport(wb.port, await previewImport(wb.port, { sheet: "Suivi 2024" }));
    const once = JSON.stringify(wb.snapshot());
    const again = await previewImport(wb.port, { sheet: "Suivi 2024" });
    expect(again.rows).toEqual([]);
    expect(again.skipped.filter((s) => s.reason === "already-imported").map((s) => s.row)).toEqual([5, 6, 8, 9]);
    const done = await appendImport(wb.port, again);
    expect(done.apply).toBeNull();
    expect(wb.applyCount).toBe(1);
    expect(JSON.stringify(wb.snapshot())).toBe(once);
  });

  it("does not append a previewed result twice either", async () => {
    const wb = book();
    const result = await previewImport(wb.port, { sheet: "Suivi 2024" });
    await appendImport(wb.port, result);
    const second = await appendImport(wb.port, result);
    expect(second).toMatchObject({
      appended: 0,
      alreadyPresent: ["CIV-01", "CIV-02", "SEN-01", result.rows[3]!.record.id],
    });
    expect(wb.applyCount).toBe(1);
  });

  it("appends nothing when the user cancels", async () => {
    const wb = book();
    const result = await previewImport(wb.port, { sheet: "Suivi 2024" });
    const controller = new AbortController();
    controller.abort();
    await expect(appendImport(wb.port, result, { signal: controller.signal })).rejects.toThrow();
    expect(wb.applyCount).toBe(0);
    expect(wb.value("Activities", "A3")).toBeNull();
  });

  it("never reuses an ID that Activities gives to a different activity", async () => {
    const wb = book([[...ACTIVITY_HEADERS], existingRow("CIV-01", "Another activity entirely")]);
    const result = await previewImport(wb.port, { sheet: "Suivi 2024" });
    const moved = result.rows.find((r) => r.row === 5)!;
    expect(moved.record.id).toMatch(/^IMP-[0-9A-F]{10}$/);
    expect(moved.record.notes).toBe("Source ID: CIV-01; Bailleur: UE");
    expect(result.issues.find((i) => i.code === "id-taken")).toMatchObject({ cell: "A5", value: "CIV-01" });
    await appendImport(wb.port, result);
    // A second import recognises the moved row by its generated ID.
    expect((await previewImport(wb.port, { sheet: "Suivi 2024" })).rows).toEqual([]);
  });

  it("creates Activities with its headers when the workbook has none yet", async () => {
    const wb = new MemoryWorkbook({ "Suivi 2024": WEST_AFRICA_FR_ROWS.map((r) => [...r]) });
    const done = await appendImport(wb.port, await previewImport(wb.port, { sheet: "Suivi 2024" }));
    expect(done.rows).toEqual({ first: 2, last: 5 });
    expect(wb.value("Activities", "A1")).toBe("ID");
    expect(wb.value("Activities", "A2")).toBe("CIV-01");
  });

  it("says which sheet is missing", async () => {
    await expect(previewImport(book().port, { sheet: "Nope" })).rejects.toThrow(/Nope/);
  });
});
