import { importRows } from "../../src/core/import";
import { EAST_AFRICA_EN } from "../fixtures/import/east-africa-en";
import { deepFreeze, issuesAt, recordAt, typed } from "./helpers";

describe("an English East African tracker", () => {
  const result = importRows(deepFreeze(EAST_AFRICA_EN));

  it("maps the short English headers", () => {
    expect(result.headerRow).toBe(2);
    expect(Object.fromEntries(result.columns.map((c) => [c.header, c.choice]))).toEqual({
      "Ref.": "id",
      Activity: "title",
      Approach: "approach",
      Lead: "leadAgencies",
      Where: "countries",
      Scale: "level",
      Stage: "stage",
      Status: "status",
      Begins: "startDate",
      Ends: "endDate",
      Budget: "budgetUsd",
      "Secured funds": "fundedUsd",
      "% done": "progress",
      Comments: "notes",
    });
  });

  it("reads row 3: 'Approach 3.2.4 <title>', Date objects, $ amounts, 45 as 45%", () => {
    expect(recordAt(result, 3)).toEqual(
      typed({
        id: "KE-07",
        title: "Online wildlife trade investigations course",
        outcome: "3",
        subOutcome: "3.2",
        approach: "3.2.4",
        leadAgencies: ["INTERPOL"],
        level: "National",
        countries: ["KEN"],
        stage: "Implementation",
        status: "In progress",
        startDate: "2024-02-12",
        endDate: "2024-11-29",
        budgetUsd: 120000,
        fundedUsd: 80000,
        progress: 0.45,
        notes: "Cohort 2 in October",
      }),
    );
  });

  it("reads row 4: a title beginning with '=' stays text, ISO2 country list, 'Jul 2024' and 'Q2 2025'", () => {
    expect(recordAt(result, 4)).toEqual(
      typed({
        id: "KE-08",
        title: "=Rapid response fund for seizures",
        outcome: "3",
        subOutcome: "3.1",
        approach: "3.1.2",
        leadAgencies: ["INTERPOL", "WCO"],
        level: "Regional",
        countries: ["KEN", "TZA", "UGA"],
        stage: "Planning",
        status: "Planned",
        startDate: "2024-07-01",
        endDate: "2025-06-30",
        budgetUsd: 75000,
        fundedUsd: 0,
        progress: 0,
        notes: "Text starting with = must stay text",
      }),
    );
  });

  it("reads row 7 after two blank rows: approach from its title, date serials with a date format, lower-case words", () => {
    expect(recordAt(result, 7)).toEqual(
      typed({
        id: "KE-09",
        title: "-Forensic DNA sampling kits for rangers",
        outcome: "3",
        subOutcome: "3.2",
        approach: "3.2.2",
        leadAgencies: ["UNODC"],
        level: "Regional",
        countries: ["UGA", "RWA"],
        stage: "Implementation",
        status: "Completed",
        startDate: "2024-04-01",
        endDate: "2024-12-31",
        budgetUsd: 50000,
        fundedUsd: null,
        progress: 1,
        notes: "@ranger teams",
      }),
    );
    // "=50000*0.5 (see budget)" is text typed by someone, not a formula: it is not evaluated, and reported.
    expect(issuesAt(result, "L7").map((i) => i.code)).toEqual(["money-unreadable"]);
    expect(issuesAt(result, "C7").map((i) => i.code)).toEqual(["approach-from-title"]);
  });

  it("reads row 8: '2.1.1.' and 'UNODC; CITES'", () => {
    expect(recordAt(result, 8)).toEqual(
      typed({
        id: "KE-10",
        title: "Chain of custody training for prosecutors",
        outcome: "2",
        subOutcome: "2.1",
        approach: "2.1.1",
        leadAgencies: ["CITES Secretariat", "UNODC"],
        level: "National",
        countries: ["TZA"],
        stage: "Implementation",
        status: "Delayed",
        startDate: "2024-05-01",
        endDate: "2025-04-30",
        budgetUsd: 30000,
        fundedUsd: 15000,
        progress: 0.3,
      }),
    );
  });

  it("skips the blank rows, stops at the Total row", () => {
    expect(result.rows.map((r) => r.row)).toEqual([3, 4, 7, 8]);
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
      [5, "blank"],
      [6, "blank"],
      [9, "totals"],
    ]);
  });

  it("stops at a row of SUM formulas over the rows above even without a label", () => {
    const rows = EAST_AFRICA_EN.rows.map((r) => [...r]);
    rows[8]![0] = null;
    const r = importRows({ ...EAST_AFRICA_EN, rows });
    expect(r.skipped.find((s) => s.row === 9)?.reason).toBe("totals");
    expect(r.rows).toHaveLength(4);
  });
});

describe("rows that only look like totals", () => {
  it("imports an activity whose title starts with 'Total', and stops at the real Total row", () => {
    const rows = [
      ["Activity", "Approach", "Lead", "Country", "Budget"],
      ["Total ban awareness", "1.3.1", "UNODC", "Kenya", 1000],
      ["Total", null, null, null, "USD 1,000"],
      ["After the total", "1.3.1", "UNODC", "Kenya", 5],
    ];
    const r = importRows({ sheet: "S", top: 1, left: 1, rows });
    expect(r.rows.map((x) => x.record.title)).toEqual(["Total ban awareness"]);
    expect(r.skipped.map((s) => [s.row, s.reason])).toEqual([
      [3, "totals"],
      [4, "after-totals"],
    ]);
  });
});
