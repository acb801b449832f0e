import {
  importRows,
  matchHeader,
  parseMappingMemory,
  rememberImport,
  rememberMapping,
  serializeMappingMemory,
  type MappingChoice,
} from "../../src/core/import";
import type { CellValue, Grid } from "../../src/core/grid";

const grid = (rows: CellValue[][], sheet = "Source"): Grid => ({ sheet, top: 1, left: 1, rows });

describe("header text -> field", () => {
  it.each([
    ["Ref", "id"],
    ["Ref.", "id"],
    ["No.", "id"],
    ["N°", "id"],
    ["#", "id"],
    ["Activity", "title"],
    ["Intitulé", "title"],
    ["Actividad", "title"],
    ["Code approche", "approach"],
    ["Approach code", "approach"],
    ["Enfoque", "approach"],
    ["Lead", "leadAgencies"],
    ["Agence chef de file", "leadAgencies"],
    ["Organisme chef de file", "leadAgencies"],
    ["Agencia líder", "leadAgencies"],
    ["Where", "countries"],
    ["Pays", "countries"],
    ["País", "countries"],
    ["Country/ies", "countries"],
    ["Country(ies)", "countries"],
    ["Scale", "level"],
    ["Niveau", "level"],
    ["Nivel", "level"],
    ["Begins", "startDate"],
    ["Start", "startDate"],
    ["Date de début", "startDate"],
    ["Fecha de inicio", "startDate"],
    ["Ends", "endDate"],
    ["Date de fin", "endDate"],
    ["Fecha de fin", "endDate"],
    ["% done", "progress"],
    ["Avancement", "progress"],
    ["Progreso", "progress"],
    ["Secured funds", "fundedUsd"],
    ["Financement obtenu", "fundedUsd"],
    ["Budget", "budgetUsd"],
    ["Coût total (USD)", "budgetUsd"],
    ["Presupuesto", "budgetUsd"],
    ["Status", "status"],
    ["Statut", "status"],
    ["Estado", "status"],
    ["Étape", "stage"],
    ["Etapa", "stage"],
    ["Sous-résultat", "subOutcome"],
    ["Résultat", "outcome"],
    ["Observaciones", "notes"],
  ])("%s is %s with confidence 1", (header, field) => {
    expect(matchHeader(header)).toEqual({ field, confidence: 1, via: "alias" });
  });

  it.each([
    ["DATE DE DEBUT", "startDate"],
    ["date_de_fin", "endDate"],
    ["Start date (dd/mm/yyyy)", "startDate"],
    ["Budget (FCFA)", "budgetUsd"],
    ["Planned start date 2024", "startDate"],
  ])("%s is still %s, with a lower confidence", (header, field) => {
    const m = matchHeader(header);
    expect(m?.field).toBe(field);
    expect(m!.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it("reads a misspelt header as a fuzzy match below 1", () => {
    const m = matchHeader("Avancment");
    expect(m).toMatchObject({ field: "progress", via: "fuzzy" });
    expect(m!.confidence).toBeLessThan(1);
  });

  it.each([
    "Funding source",
    "Donor",
    "Focal person",
    "Bailleur",
    "",
    "   ",
    "__proto__",
    "constructor",
    "prototype",
    "toString",
  ])("%j names no field", (header) => {
    expect(matchHeader(header)).toBeNull();
  });
});

describe("column mapping", () => {
  const rows: CellValue[][] = [
    ["Ref", "Activity", "Start", "Begins", "Bailleur", "Approach"],
    ["A-1", "Workshop", "2024-01-15", "2024-02-01", "EU", "1.1.1"],
  ];

  it("never puts two source columns on one field without saying so: the better one wins, the other goes to Notes", () => {
    const r = importRows(grid(rows));
    expect(r.columns.map((c) => c.choice)).toEqual(["id", "title", "startDate", "unmapped", "unmapped", "approach"]);
    expect(r.columns[3]).toMatchObject({ alsoLooksLike: "startDate" });
    expect(r.issues.find((i) => i.code === "column-duplicate-field")).toMatchObject({ cell: "D1", value: "Begins" });
    expect(r.rows[0]!.record).toMatchObject({ startDate: "2024-01-15", notes: "Begins: 2024-02-01; Bailleur: EU" });
  });

  it("follows the user's corrections, by header or by column letter", () => {
    const r = importRows(grid(rows), { mappingOverride: { Begins: "startDate", C: "ignore", Bailleur: "notes" } });
    expect(r.columns.map((c) => [c.choice, c.via])).toEqual([
      ["id", "alias"],
      ["title", "alias"],
      ["ignore", "override"],
      ["startDate", "override"],
      ["notes", "override"],
      ["approach", "alias"],
    ]);
    expect(r.rows[0]!.record).toMatchObject({ startDate: "2024-02-01", notes: "EU" });
  });

  it("reports a correction that names no column or no field, and ignores it", () => {
    const r = importRows(grid(rows), { mappingOverride: { Nowhere: "title", Ref: "banana" } });
    expect(r.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["mapping-override-unknown-column", "mapping-override-invalid"]),
    );
    expect(r.columns[0]!.choice).toBe("id");
  });

  it("remembers a mapping for sources with the same headers, through JSON", () => {
    const first = importRows(grid(rows), { mappingOverride: { Begins: "startDate", Start: "ignore" } });
    const memory = rememberMapping(
      undefined,
      first.columns.map((c) => c.header),
      first.columns.map((c) => c.choice),
    );
    const json = serializeMappingMemory(memory);
    const { memory: back, error } = parseMappingMemory(json);
    expect(error).toBeNull();
    const other = importRows(
      grid(
        [
          ["ref", "ACTIVITY", "start", "begins", "bailleur", "approach"],
          ["B-2", "Training", "2025-01-01", "2025-03-01", "", "2.1.1"],
        ],
        "Other office",
      ),
      { memory: back },
    );
    expect(other.fromMemory).toBe(true);
    expect(other.fingerprint).toBe(first.fingerprint);
    expect(other.columns.map((c) => c.choice)).toEqual<MappingChoice[]>([
      "id",
      "title",
      "ignore",
      "startDate",
      "unmapped",
      "approach",
    ]);
    expect(other.rows[0]!.record.startDate).toBe("2025-03-01");
    // Different headers: the memory does not apply.
    expect(
      importRows(
        grid([
          ["ID", "Activity", "Approach"],
          ["C", "x", "1.1.1"],
        ]),
        { memory: back },
      ).fromMemory,
    ).toBe(false);
  });

  it("treats a broken or hostile memory file as empty, with a message", () => {
    expect(parseMappingMemory("{not json").error).toMatch(/not valid JSON/);
    expect(
      parseMappingMemory('{"version":1,"entries":[{"fingerprint":"x","headers":[],"choices":["__proto__"]}]}').error,
    ).toMatch(/shape/);
    const hostile = parseMappingMemory('{"version":1,"entries":[],"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(hostile.memory.entries).toEqual([]);
  });

  it("reports the important fields that no column provides", () => {
    const r = importRows(
      grid([
        ["ID", "Activity"],
        ["X-1", "Something"],
      ]),
    );
    expect(r.issues.filter((i) => i.code === "column-missing").map((i) => i.message)).toEqual([
      expect.stringContaining("Approach"),
      expect.stringContaining("Lead agency"),
      expect.stringContaining("Countries"),
    ]);
  });

  it("gives an error naming the sheet when no header row can be found", () => {
    const r = importRows(
      grid(
        [
          ["just", "some"],
          [1, 2],
        ],
        "Notes",
      ),
    );
    expect(r.headerRow).toBeNull();
    expect(r.issues).toEqual([
      expect.objectContaining({ code: "header-not-found", severity: "error", sheet: "Notes" }),
    ]);
  });
});

describe("remembering an import", () => {
  it("stores the corrected mapping of a result and applies it to the next tracker with those headers", () => {
    const rows: CellValue[][] = [
      ["Ref", "Activity", "Approach", "Donor"],
      ["A-1", "x", "1.1.1", "EU"],
    ];
    const first = importRows(grid(rows), { mappingOverride: { Donor: "ignore" } });
    const memory = rememberImport(undefined, first);
    const next = importRows(
      grid([
        ["Ref", "Activity", "Approach", "Donor"],
        ["B-1", "y", "2.1.1", "USAID"],
      ]),
      { memory },
    );
    expect(next.fromMemory).toBe(true);
    expect(next.rows[0]!.record.notes).toBe("");
    expect(rememberImport(memory, next).entries).toHaveLength(1);
  });
});

describe("columns mapped from their values", () => {
  it("reads a 'Code' column of activity references as the ID, and one of approach codes as the approach", () => {
    const r = importRows(
      grid([
        ["Code", "Activity", "Code ", "Pays"],
        ["CIV-01", "x", "1.1.2", "CIV"],
        ["CIV-02", "y", "1.1.3", "SEN"],
      ]),
    );
    expect(r.columns.map((c) => [c.choice, c.via])).toEqual([
      ["id", "content"],
      ["title", "alias"],
      ["approach", "content"],
      ["countries", "alias"],
    ]);
    expect(r.rows.map((x) => [x.record.id, x.record.approach])).toEqual([
      ["CIV-01", "1.1.2"],
      ["CIV-02", "1.1.3"],
    ]);
  });

  it("never reads a donor column as countries, nor repeated references as IDs", () => {
    const r = importRows(
      grid([
        ["Activity", "Approach", "Donor", "Code"],
        ["x", "1.1.1", "Germany", "LOT-1"],
        ["y", "1.1.2", "Japan", "LOT-1"],
      ]),
    );
    expect(r.columns.map((c) => c.choice)).toEqual(["title", "approach", "unmapped", "unmapped"]);
    expect(r.rows[0]!.record.notes).toBe("Donor: Germany; Code: LOT-1");
  });
});
