import { importRows } from "../../src/core/import";
import { WEST_AFRICA_FR } from "../fixtures/import/west-africa-fr";
import { deepFreeze, issuesAt, recordAt, typed } from "./helpers";

describe("a French West African tracker", () => {
  const grid = deepFreeze(WEST_AFRICA_FR);
  const result = importRows(grid);

  it("finds the header under the titles (row 4) and maps every French header", () => {
    expect(result.headerRow).toBe(4);
    expect(result.columns.map((c) => [c.letter, c.choice])).toEqual([
      ["A", "id"],
      ["B", "title"],
      ["C", "approach"],
      ["D", "leadAgencies"],
      ["E", "countries"],
      ["F", "level"],
      ["G", "status"],
      ["H", "startDate"],
      ["I", "endDate"],
      ["J", "budgetUsd"],
      ["K", "progress"],
      ["L", "unmapped"],
    ]);
    expect(result.columns.filter((c) => c.choice !== "unmapped").every((c) => c.confidence === 1)).toBe(true);
  });

  it("imports row 5 as a careful person would have typed it", () => {
    expect(recordAt(result, 5)).toEqual(
      typed({
        id: "CIV-01",
        title: "Atelier de formation des douaniers à l'identification des espèces",
        outcome: "1",
        subOutcome: "1.1",
        approach: "1.1.2",
        leadAgencies: ["INTERPOL", "WCO"],
        level: "National",
        countries: ["CIV"],
        status: "In progress",
        startDate: "2024-09-15",
        endDate: "2025-09-30",
        budgetUsd: 75000,
        progress: 0.45,
        notes: "Bailleur: UE",
      }),
    );
  });

  it("imports row 6: decorated code, quarters, dollars with commas, two countries", () => {
    expect(recordAt(result, 6)).toEqual(
      typed({
        id: "CIV-02",
        title: "Appui à l'évaluation des risques de corruption",
        outcome: "1",
        subOutcome: "1.1",
        approach: "1.1.4",
        leadAgencies: ["UNODC"],
        level: "Regional",
        countries: ["CIV", "GHA"],
        status: "Not started",
        startDate: "2025-01-01",
        endDate: "2025-12-31",
        budgetUsd: 120000,
        progress: 0,
        notes: "Bailleur: USAID",
      }),
    );
  });

  it("imports row 8: code followed by a French title, accents missing, month names", () => {
    expect(recordAt(result, 8)).toEqual(
      typed({
        id: "SEN-01",
        title: "Opération conjointe sur les marchés d'ivoire",
        outcome: "1",
        subOutcome: "1.1",
        approach: "1.1.3",
        leadAgencies: ["INTERPOL", "WCO"],
        level: "Regional",
        countries: ["SEN"],
        status: "Completed",
        startDate: "2023-07-01",
        endDate: "2023-12-31",
        budgetUsd: 50000,
        progress: 1,
        notes: "Bailleur: Allemagne",
      }),
    );
  });

  it("imports row 9 (no ID) with a generated stable ID, Banque mondiale, 1.2m and 'Sénégal et Gambie'", () => {
    const rec = recordAt(result, 9);
    expect(rec.id).toMatch(/^IMP-[0-9A-F]{10}$/);
    expect(rec).toEqual(
      typed({
        id: rec.id,
        title: "Enquêtes financières parallèles (1.2.1)",
        outcome: "1",
        subOutcome: "1.2",
        approach: "1.2.1",
        leadAgencies: ["World Bank"],
        level: "International",
        countries: ["SEN", "GMB"],
        status: "Planned",
        startDate: "2024-03-01",
        endDate: "2025-02-28",
        budgetUsd: 1200000,
        progress: 0.1,
      }),
    );
    expect(importRows(grid).rows.find((r) => r.row === 9)?.record.id).toBe(rec.id);
  });

  it("skips the blank row inside the data, stops at TOTAL, and keeps the text below it in the report", () => {
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
      [7, "blank"],
      [10, "totals"],
      [11, "after-totals"],
    ]);
    expect(result.skipped.find((s) => s.row === 11)?.cells).toEqual([
      "A11: Source : bureau régional, données provisoires",
    ]);
    expect(result.dataRows).toEqual({ first: 5, last: 9 });
  });

  it("reports every changed value before -> after with its source cell", () => {
    const change = (cell: string) => result.changes.find((c) => c.cell === cell);
    expect(change("D5")).toMatchObject({ field: "leadAgencies", before: "OMD/INTERPOL", after: "INTERPOL; WCO" });
    expect(change("C5")).toMatchObject({ field: "approach", before: "1.1.2.", after: "1.1.2" });
    expect(change("I5")).toMatchObject({ field: "endDate", before: "T3 2025", after: "2025-09-30" });
    expect(change("J5")).toMatchObject({ field: "budgetUsd", before: "USD 75 000", after: "75000" });
    expect(change("K5")).toBeUndefined(); // "45%" is shown as 45% in Activities too: no change to report
    expect(change("K9")).toMatchObject({ field: "progress", before: "0.1", after: "10%" });
    expect(change("E5")).toMatchObject({ before: "Côte d'Ivoire", after: "CIV" });
  });

  it("says how each period date was read, with the change", () => {
    expect(result.changes.find((c) => c.cell === "I5")).toEqual({
      row: 5,
      cell: "I5",
      field: "endDate",
      header: "Date de fin",
      before: "T3 2025",
      after: "2025-09-30",
      reading: "quarter 3 of 2025: its last day",
    });
    expect(result.changes.find((c) => c.cell === "H8")).toMatchObject({
      before: "juillet 2023",
      after: "2023-07-01",
      reading: "month: its first day",
    });
    expect(issuesAt(result, "I5")).toEqual([]);
  });

  it("reports the unmapped donor column as kept in Notes", () => {
    expect(issuesAt(result, "L4").map((i) => i.code)).toEqual(["column-unmapped"]);
  });
});
