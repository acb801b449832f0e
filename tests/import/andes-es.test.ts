import { importRows } from "../../src/core/import";
import { ANDES_ES } from "../fixtures/import/andes-es";
import { deepFreeze, recordAt, typed } from "./helpers";

describe("a Spanish Andean tracker", () => {
  const result = importRows(deepFreeze(ANDES_ES));

  it("finds the header on row 3 and maps the Spanish headers", () => {
    expect(result.headerRow).toBe(3);
    expect(Object.fromEntries(result.columns.map((c) => [c.header, c.choice]))).toEqual({
      Nº: "id",
      Actividad: "title",
      Enfoque: "approach",
      "Agencia líder": "leadAgencies",
      "País(es)": "countries",
      Nivel: "level",
      Etapa: "stage",
      Estado: "status",
      "Fecha de inicio": "startDate",
      "Fecha de fin": "endDate",
      Presupuesto: "budgetUsd",
      "Financiamiento obtenido": "fundedUsd",
      Progreso: "progress",
      "Contraparte nacional": "unmapped",
    });
  });

  it("reads row 4: 'ONUDC y OMA', European thousands, '60 %', Spanish months", () => {
    expect(recordAt(result, 4)).toEqual(
      typed({
        id: "PE-1",
        title: "Taller sobre lavado de activos y delitos contra la vida silvestre",
        outcome: "4",
        subOutcome: "4.1",
        approach: "4.1.2",
        leadAgencies: ["UNODC", "WCO"],
        level: "National",
        countries: ["PER"],
        stage: "Implementation",
        status: "In progress",
        startDate: "2024-03-01",
        endDate: "2024-12-31",
        budgetUsd: 40000,
        fundedUsd: 25000,
        progress: 0.6,
        notes: "Contraparte nacional: SERFOR",
      }),
    );
  });

  it("reads row 5: 'Enfoque 3.1.2', 'T3 2024' to 'T1 2025', '1,5 M'", () => {
    expect(recordAt(result, 5)).toEqual(
      typed({
        id: "CO-1",
        title: "Operación regional contra el tráfico de aves",
        outcome: "3",
        subOutcome: "3.1",
        approach: "3.1.2",
        leadAgencies: ["INTERPOL"],
        level: "Regional",
        countries: ["COL", "ECU"],
        stage: "Planning",
        status: "Planned",
        startDate: "2024-07-01",
        endDate: "2025-03-31",
        budgetUsd: 1500000,
        notes: "Contraparte nacional: Policía Nacional",
      }),
    );
  });

  it("skips the Subtotal row and keeps reading, then stops at Totales", () => {
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
      [6, "subtotal"],
      [8, "totals"],
    ]);
    expect(recordAt(result, 7)).toEqual(
      typed({
        id: "BO-1",
        title: "Evaluación de riesgos de corrupción en aduanas",
        outcome: "1",
        subOutcome: "1.1",
        approach: "1.1.4",
        leadAgencies: ["World Bank"],
        level: "National",
        countries: ["BOL"],
        stage: "Identification",
        status: "Not started",
        startDate: "2025-01-15",
        endDate: "2025-06-30",
        budgetUsd: 80000,
        fundedUsd: 0,
        progress: 0,
        notes: "Contraparte nacional: Aduana Nacional",
      }),
    );
  });
});
