import fc from "fast-check";
import { PLAN_2023_2026 } from "../../src/core/framework";
import {
  importRows,
  parseImportDate,
  parseImportPeriod,
  parseMoney,
  parseProgress,
  parseScore,
} from "../../src/core/import";
import type { CellValue } from "../../src/core/grid";

describe("dates", () => {
  it.each<[unknown, "start" | "end", string]>([
    ["2024-09-15", "start", "2024-09-15"],
    ["2024/09/15", "start", "2024-09-15"],
    ["2024-09-15T00:00:00", "end", "2024-09-15"],
    ["15/09/2024", "start", "2024-09-15"],
    ["15.09.2024", "start", "2024-09-15"],
    ["15-09-24", "start", "2024-09-15"],
    ["09/15/2024", "start", "2024-09-15"],
    ["Jul 2023", "start", "2023-07-01"],
    ["July 2023", "end", "2023-07-31"],
    ["juillet 2023", "start", "2023-07-01"],
    ["févr. 2024", "end", "2024-02-29"],
    ["julio de 2023", "end", "2023-07-31"],
    ["Sept-24", "start", "2024-09-01"],
    ["15 July 2023", "start", "2023-07-15"],
    ["July 15, 2023", "end", "2023-07-15"],
    ["1er juillet 2023", "start", "2023-07-01"],
    ["15 de julio de 2023", "start", "2023-07-15"],
    ["Q1 2025", "start", "2025-01-01"],
    ["Q1 2025", "end", "2025-03-31"],
    ["T3 2024", "start", "2024-07-01"],
    ["T4 2024", "end", "2024-12-31"],
    ["2025-Q2", "end", "2025-06-30"],
    ["1er trimestre 2025", "start", "2025-01-01"],
    ["S2 2024", "start", "2024-07-01"],
    ["H1 2025", "end", "2025-06-30"],
    ["2024-09", "end", "2024-09-30"],
    [2025, "end", "2025-12-31"],
    ["2025", "start", "2025-01-01"],
    [45292, "start", "2024-01-01"],
    [new Date(Date.UTC(2024, 8, 15)), "start", "2024-09-15"],
  ])("%j as a %s date is %s", (value, role, iso) => {
    expect(parseImportDate(value, role)).toMatchObject({ ok: true, iso });
  });

  it.each(["03/04/2024", "1/2/2025", "05.06.2024"])("%s is ambiguous without a setting", (text) => {
    expect(parseImportDate(text, "start")).toMatchObject({ ok: false, code: "date-ambiguous" });
    expect(parseImportDate(text, "start", { dateOrder: "dmy" }).ok).toBe(true);
  });

  it.each(["31/02/2024", "soon", "Q5 2024", "13/13/2024", "next year", ""])("%j is not read", (text) => {
    expect(parseImportDate(text, "start").ok).toBe(false);
  });

  it("never throws and always gives a real date or a reason, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double(), fc.integer()),
        fc.constantFrom("start" as const, "end" as const),
        (v, role) => {
          const r = parseImportDate(v, role);
          if (r.ok) expect(r.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          else expect(r.message.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe("money", () => {
  it.each<[unknown, number]>([
    [50000, 50000],
    ["50,000", 50000],
    ["$120,000", 120000],
    ["USD 75 000", 75000],
    ["USD 75\u00a0000", 75000],
    ["75 000 USD", 75000],
    ["US$ 1.2m", 1200000],
    ["1.2m", 1200000],
    ["1,5 M", 1500000],
    ["75k", 75000],
    ["2.5 million", 2500000],
    ["10.000,50", 10000.5],
    ["1.234.567", 1234567],
    ["120,000.75", 120000.75],
    ["40.000", 40000],
    ["0", 0],
  ])("%j is %d USD", (value, usd) => {
    expect(parseMoney(value)).toEqual({ ok: true, value: usd });
  });

  it.each([
    ["€ 10.000,50", "EUR"],
    ["5 000 000 FCFA", "XOF"],
    ["£2,000", "GBP"],
  ])("%s is reported as %s, not converted", (text, currency) => {
    expect(parseMoney(text)).toMatchObject({ ok: false, code: "money-currency", currency });
  });

  it.each(["lots", "1,2,3", "12 apples", "-5000"])("%s is not an amount", (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });

  it("reads 'n/a', '-' and 'TBD' as no amount", () => {
    for (const t of ["n/a", "-", "TBD"]) expect(parseMoney(t)).toMatchObject({ ok: false, code: "money-placeholder" });
  });

  it("never throws on random text and never returns a negative or non-finite amount", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[$€]?\s?[\d.,' ]{0,12}\s?(k|m|M|USD)?$/)), (t) => {
        const r = parseMoney(t);
        if (r.ok) expect(Number.isFinite(r.value) && r.value >= 0).toBe(true);
      }),
    );
  });

  it("reads any grouped whole amount back to itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 99_999_999 }),
        fc.constantFrom(",", " ", "\u00a0"),
        fc.constantFrom("", "$", "USD "),
        (n, sep, prefix) => {
          const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
          expect(parseMoney(`${prefix}${grouped}`)).toEqual({ ok: true, value: n });
        },
      ),
    );
  });
});

describe("progress", () => {
  it.each<[unknown, number]>([
    [0.45, 0.45],
    ["45%", 0.45],
    [45, 0.45],
    ["100", 1],
    [1, 1],
    ["0", 0],
    ["45,5 %", 0.455],
    ["0.3", 0.3],
  ])("%j is %d", (v, f) => {
    expect(parseProgress(v)).toEqual({ ok: true, value: f });
  });
  it("keeps a fraction that a percent format already shows", () => {
    expect(parseProgress(0.5, "0%")).toEqual({ ok: true, value: 0.5 });
  });
  it.each(["150%", "half", 250, -1])("%j is not a progress", (v) => {
    expect(parseProgress(v).ok).toBe(false);
  });
  it("is between 0 and 1 whenever it reads something", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (v) => {
        const r = parseProgress(v);
        if (r.ok) expect(r.value >= 0 && r.value <= 1).toBe(true);
      }),
    );
  });
});

describe("1-5 scores", () => {
  it.each<[unknown, number]>([
    [3, 3],
    ["5", 5],
    ["High", 4],
    ["élevé", 4],
    ["Muy alta", 5],
    ["faible", 2],
  ])("%j is %d", (v, n) => {
    expect(parseScore(v)).toMatchObject({ ok: true, value: n });
  });
  it.each([0, 6, 2.5, "lots"])("%j is not a score", (v) => expect(parseScore(v).ok).toBe(false));
});

describe("approach codes in any decoration", () => {
  const approaches = PLAN_2023_2026.approaches.map((a) => a.code);
  const decorations: ((code: string, title: string) => string)[] = [
    (c) => c,
    (c) => `${c}.`,
    (c) => ` ${c} `,
    (c) => `Approach ${c}`,
    (c) => `Approche ${c}`,
    (c) => `Enfoque ${c}`,
    (c) => `(${c})`,
    (c, t) => `${c} ${t}`,
    (c, t) => `${c}. ${t.slice(0, 30)} ...`,
    (c, t) => `${t.split(" ").slice(0, 3).join(" ").toLowerCase()} (${c})`,
    (c) => `APPROACH ${c}:`,
  ];

  it("maps every approach code, decorated at random, back to itself with its sub-outcome and outcome", () => {
    fc.assert(
      fc.property(fc.constantFrom(...approaches), fc.constantFrom(...decorations), (code, decorate) => {
        const text = decorate(code, PLAN_2023_2026.title(code) ?? "");
        const rows: CellValue[][] = [
          ["Activity", "Approach"],
          ["Something", text],
        ];
        const rec = importRows({ sheet: "S", top: 1, left: 1, rows }).rows[0]!.record;
        expect([rec.approach, rec.subOutcome, rec.outcome]).toEqual([
          code,
          code.split(".").slice(0, 2).join("."),
          code.split(".")[0],
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it("finds every approach from its exact title alone", () => {
    for (const a of PLAN_2023_2026.approaches) {
      const rows: CellValue[][] = [
        ["Activity", "Approach"],
        ["x", a.title],
      ];
      expect(importRows({ sheet: "S", top: 1, left: 1, rows }).rows[0]!.record.approach).toBe(a.code);
    }
  });

  it("leaves an approach that does not exist empty and names three existing ones", () => {
    const rows: CellValue[][] = [
      ["Activity", "Approach", "Outcome"],
      ["x", "1.1.9", 1],
    ];
    const r = importRows({ sheet: "S", top: 1, left: 1, rows });
    expect(r.rows[0]!.record).toMatchObject({ approach: "", subOutcome: "", outcome: "1" });
    const issue = r.issues.find((i) => i.code === "approach-unknown")!;
    expect(issue.cell).toBe("B2");
    expect(
      (issue.message.match(/\d\.\d\.\d/g) ?? []).filter((c) => PLAN_2023_2026.level(c) === "approach").length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("keeps the approach's outcome when the source gives a conflicting one, and says so", () => {
    const rows: CellValue[][] = [
      ["Activity", "Outcome", "Sub-outcome", "Approach"],
      ["x", "Outcome 2", "2.1", "3.2.4"],
    ];
    const r = importRows({ sheet: "S", top: 1, left: 1, rows });
    expect(r.rows[0]!.record).toMatchObject({ outcome: "3", subOutcome: "3.2", approach: "3.2.4" });
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual(
      expect.arrayContaining([
        ["outcome-conflict", "B2"],
        ["sub-outcome-conflict", "C2"],
      ]),
    );
  });

  it("reads a sub-outcome typed in the Approach column as the sub-outcome, and asks for the approach", () => {
    const rows: CellValue[][] = [
      ["Activity", "Approach"],
      ["x", "3.2"],
    ];
    const r = importRows({ sheet: "S", top: 1, left: 1, rows });
    expect(r.rows[0]!.record).toMatchObject({ approach: "", subOutcome: "3.2", outcome: "3" });
    expect(r.issues.find((i) => i.code === "approach-too-broad")?.message).toContain("3.2.1");
  });
});

describe("periods", () => {
  it.each<[string, string, string]>([
    ["Jul 2023 - Dec 2024", "2023-07-01", "2024-12-31"],
    ["15/03/2024 au 30/06/2025", "2024-03-15", "2025-06-30"],
    ["Q1 2024 – Q2 2025", "2024-01-01", "2025-06-30"],
    ["T1-T3 2025", "2025-01-01", "2025-09-30"],
    ["2024-2026", "2024-01-01", "2026-12-31"],
    ["2024-03-01 to 2024-09-30", "2024-03-01", "2024-09-30"],
    ["T3 2024", "2024-07-01", "2024-09-30"],
    ["2025", "2025-01-01", "2025-12-31"],
  ])("%s runs from %s to %s", (text, start, end) => {
    expect(parseImportPeriod(text)).toEqual({ ok: true, start, end });
  });
  it("reports a period it cannot read, and never throws on any text", () => {
    expect(parseImportPeriod("ongoing").ok).toBe(false);
    fc.assert(fc.property(fc.string(), (t) => void parseImportPeriod(t)));
  });
});

describe("periods with an ambiguous date", () => {
  it("report it rather than guess from the other date, unless a setting says", () => {
    expect(parseImportPeriod("01/03/2024 au 30/06/2025")).toMatchObject({ ok: false, code: "date-ambiguous" });
    expect(parseImportPeriod("01/03/2024 au 30/06/2025", { dateOrder: "dmy" })).toEqual({
      ok: true,
      start: "2024-03-01",
      end: "2025-06-30",
    });
  });
});

describe("approach cells that deserve a second look", () => {
  const one = (text: string) =>
    importRows({
      sheet: "S",
      top: 1,
      left: 1,
      rows: [
        ["Activity", "Approach"],
        ["x", text],
      ],
    });
  it("keeps the first of several approaches and says so", () => {
    const r = one("1.1.2 / 1.1.3");
    expect(r.rows[0]!.record.approach).toBe("1.1.2");
    expect(r.issues.filter((i) => i.cell === "B2").map((i) => i.code)).toEqual(["approach-several"]);
  });
  it("keeps the typed code when the words are another approach's title, and says so", () => {
    const r = one("3.2.4 Strengthen capacity in crime scene management");
    expect(r.rows[0]!.record.approach).toBe("3.2.4");
    expect(r.issues.find((i) => i.code === "approach-code-title-mismatch")?.suggestion).toBe("3.2.1");
  });
  it("raises nothing when code and title agree", () => {
    const r = one("3.2.1 Strengthen capacity in crime scene management");
    expect(r.issues.filter((i) => i.code.startsWith("approach"))).toEqual([]);
  });
});

describe("more of what trackers write", () => {
  const rec = (cells: Record<string, string>) => {
    const headers = Object.keys(cells);
    return importRows({
      sheet: "S",
      top: 1,
      left: 1,
      rows: [
        ["Activity", ...headers],
        ["x", ...headers.map((h) => cells[h]!)],
      ],
    }).rows[0]!.record;
  };
  it.each<[Record<string, string>, Record<string, unknown>]>([
    [{ Lead: "UNODC (lead), TRAFFIC" }, { leadAgencies: ["UNODC"] }],
    [{ Lead: "Interpol – WCO" }, { leadAgencies: ["INTERPOL", "WCO"] }],
    [{ Country: "Myanmar (Burma)" }, { countries: ["MMR"] }],
    [{ Country: "Kenya - Tanzania" }, { countries: ["KEN", "TZA"] }],
    [{ Country: "West Africa" }, { countries: [] }],
    [{ Status: "Ongoing (60%)" }, { status: "In progress" }],
    [{ Status: "Pipeline" }, { status: "Planned" }],
    [{ Stage: "Implementation phase" }, { stage: "Implementation" }],
    [{ Scale: "Multi-country" }, { level: "Regional" }],
    [{ Scale: "Provincial" }, { level: "National" }],
    [{ "% done": "approx. 50%" }, { progress: 0.5 }],
    [{ "% done": "N/A" }, { progress: null }],
    [{ Budget: "$ -" }, { budgetUsd: null }],
    [{ Ends: "fin 2024" }, { endDate: "2024-12-31" }],
    [{ Begins: "début juin 2024" }, { startDate: "2024-06-01" }],
    [
      { Begins: "1er semestre 2025", Ends: "Sem 2 2025" },
      { startDate: "2025-01-01", endDate: "2025-12-31" },
    ],
  ])("%j gives %j", (cells, expected) => {
    expect(rec(cells)).toMatchObject(expected);
  });
});

describe("one column for status and stage", () => {
  const rows = (status: string, stage: string | null) => {
    const header = stage === null ? ["Activity", "Approach", "Status"] : ["Activity", "Approach", "Status", "Stage"];
    const row = stage === null ? ["x", "1.1.1", status] : ["x", "1.1.1", status, stage];
    return importRows({ sheet: "S", top: 1, left: 1, rows: [header, row] });
  };
  it("reads a stage word under Status as the stage, and says so", () => {
    const r = rows("Implementation", null);
    expect(r.rows[0]!.record).toMatchObject({ stage: "Implementation", status: "" });
    expect(r.issues.find((i) => i.cell === "C2")).toMatchObject({ code: "status-is-stage", severity: "info" });
  });
  it("does not let it overwrite the row's own stage", () => {
    const r = rows("Implementation", "Planning");
    expect(r.rows[0]!.record).toMatchObject({ stage: "Planning", status: "" });
    expect(r.issues.find((i) => i.cell === "C2")).toMatchObject({ code: "status-unknown", severity: "warning" });
  });
  it("reads a status word under Stage as the status", () => {
    const r = importRows({
      sheet: "S",
      top: 1,
      left: 1,
      rows: [
        ["Activity", "Approach", "Stage"],
        ["x", "1.1.1", "Ongoing"],
      ],
    });
    expect(r.rows[0]!.record).toMatchObject({ stage: "", status: "In progress" });
  });
});
