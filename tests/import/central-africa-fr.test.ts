import { importRows } from "../../src/core/import";
import { CENTRAL_AFRICA_FR } from "../fixtures/import/central-africa-fr";
import { deepFreeze, issuesAt, recordAt, typed } from "./helpers";

describe("a Central African tracker with a two-row header, a period column and a 'Code' column", () => {
  const result = importRows(deepFreeze(CENTRAL_AFRICA_FR));

  it("reads the merged 'Financement (USD)' over 'Requis' / 'Obtenu' as budget and funded", () => {
    expect(result.headerRow).toBe(2);
    const byLetter = Object.fromEntries(result.columns.map((c) => [c.letter, [c.header, c.choice]]));
    expect(byLetter["I"]).toEqual(["Financement (USD) Requis", "budgetUsd"]);
    expect(byLetter["J"]).toEqual(["Financement (USD) Obtenu", "fundedUsd"]);
    expect(byLetter["H"]).toEqual(["Période", "period"]);
  });

  it("maps the 'Code' column to Approach from its values, with a lower confidence and a note", () => {
    expect(result.columns[2]).toMatchObject({ header: "Code", choice: "approach", confidence: 0.7, via: "content" });
    expect(result.columns[2]!.note).toMatch(/3 of 3 values/);
  });

  it("skips the section heading inside the data", () => {
    expect(result.skipped).toEqual([
      expect.objectContaining({
        row: 4,
        reason: "no-activity",
        cells: ["A4: Résultat 3 : Réponses des forces de l'ordre"],
      }),
    ]);
  });

  it("reads row 5: a period 'janv. 2024 - juin 2025', 'Réalisé', a note from a column without a header", () => {
    expect(recordAt(result, 5)).toEqual(
      typed({
        id: "CMR-3.1",
        title: "Formation à la gestion des scènes de crime",
        outcome: "3",
        subOutcome: "3.2",
        approach: "3.2.1",
        leadAgencies: ["UNODC"],
        level: "National",
        countries: ["CMR"],
        status: "Completed",
        startDate: "2024-01-01",
        endDate: "2025-06-30",
        budgetUsd: 90000,
        fundedUsd: 90000,
        notes: "Column K: rapport reçu",
      }),
    );
    expect(result.changes.find((c) => c.cell === "H5")).toMatchObject({
      field: "period",
      before: "janv. 2024 - juin 2025",
      after: "2024-01-01 to 2025-06-30",
    });
  });

  it("reads row 6: 'T1-T3 2025', 'Sous-régional', and reports FCFA instead of converting it", () => {
    expect(recordAt(result, 6)).toEqual(
      typed({
        id: "CMR-3.2",
        title: "Opération transfrontalière Cameroun–Gabon",
        outcome: "3",
        subOutcome: "3.1",
        approach: "3.1.2",
        leadAgencies: ["INTERPOL", "WCO"],
        level: "Regional",
        countries: ["CMR", "GAB"],
        status: "Delayed",
        startDate: "2025-01-01",
        endDate: "2025-09-30",
      }),
    );
    expect(issuesAt(result, "I6").map((i) => i.code)).toEqual(["money-currency"]);
  });

  it("reads row 7: '2024-2026', three countries including 'RCA', '1,2 M'", () => {
    expect(recordAt(result, 7)).toEqual(
      typed({
        id: "CMR-3.3",
        title: "Appui aux feuilles de route ICCWC",
        outcome: "5",
        subOutcome: "5.2",
        approach: "5.2.3",
        leadAgencies: ["CITES Secretariat"],
        level: "Regional",
        countries: ["CMR", "TCD", "CAF"],
        status: "Planned",
        startDate: "2024-01-01",
        endDate: "2026-12-31",
        budgetUsd: 1200000,
        fundedUsd: 0,
      }),
    );
  });

  it("lets dedicated start and end columns win over a period column", () => {
    const rows = [
      ["Activity", "Approach", "Start", "Period"],
      ["x", "1.1.1", "2024-02-01", "2024-2025"],
    ];
    expect(importRows({ sheet: "S", top: 1, left: 1, rows }).rows[0]!.record).toMatchObject({
      startDate: "2024-02-01",
      endDate: "2025-12-31",
    });
  });
});
