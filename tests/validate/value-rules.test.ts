import { validateActivities } from "../../src/core/validate";
import { AS_OF, HEADER, at, codesAt, errorsOnRow, row, sheet, utc } from "./sheet";

function plant(over: Parameters<typeof row>[0], asOf = AS_OF) {
  return validateActivities(sheet([HEADER, row({}, "A-001"), row(over, "A-002"), row({}, "A-003")]), { asOf });
}

function expectOnly(report: ReturnType<typeof plant>, cell: string, code: string, severity = "error") {
  expect(at(report, cell)).toEqual([
    expect.objectContaining({ code, severity, row: Number(cell.replace(/^[A-Z]+/, "")) }),
  ]);
  expect(errorsOnRow(report, 2)).toEqual([]);
  expect(errorsOnRow(report, 4)).toEqual([]);
}

describe("value rules", () => {
  test("an Excel error value is reported once, in its cell", () => {
    const report = plant({ "Budget (USD)": { error: "#REF!" } });
    expectOnly(report, "M3", "error-value");
    expect(at(report, "M3")[0]!.value).toBe("#REF!");
    expect(at(report, "M3")[0]!.message).toContain("#REF!");
  });

  test("#N/A in a code cell is an error value, not an unknown approach", () => {
    expectOnly(plant({ Approach: { error: "#N/A" } }), "E3", "error-value");
  });

  test("an unreadable date", () => {
    expectOnly(plant({ "Start date": "next spring" }), "K3", "date-unreadable");
  });

  test("end before start flags both dates", () => {
    const report = plant({ "Start date": utc("2026-03-01"), "End date": utc("2025-12-01") });
    expect(codesAt(report, "K3")).toEqual(["date-order"]);
    expect(codesAt(report, "L3")).toEqual(["date-order"]);
    expect(errorsOnRow(report, 2)).toEqual([]);
  });

  test("dates outside the plan period are warnings on the date", () => {
    const report = plant({ "Start date": utc("2022-12-31"), "End date": utc("2027-01-01") }, "2022-01-01");
    expect(at(report, "K3")).toEqual([
      expect.objectContaining({ code: "date-outside-plan", severity: "warning", suggestion: "2023-01-01" }),
    ]);
    expect(at(report, "L3")).toEqual([
      expect.objectContaining({ code: "date-outside-plan", severity: "warning", suggestion: "2026-12-31" }),
    ]);
    expect(codesAt(plant({ "Start date": utc("2023-01-01"), "End date": utc("2026-12-31") }), "K3")).toEqual([]);
  });

  test("progress outside 0-100%", () => {
    expectOnly(plant({ Progress: 150 }), "O3", "progress-out-of-range");
    expectOnly(plant({ Progress: "120%" }), "O3", "progress-out-of-range");
    expectOnly(plant({ Progress: -0.1 }), "O3", "progress-out-of-range");
  });

  test("scores that are not whole numbers from 1 to 5", () => {
    expectOnly(plant({ Need: 6 }), "P3", "score-invalid");
    expectOnly(plant({ "Value added": 2.5 }), "Q3", "score-invalid");
    expectOnly(plant({ Engagement: 0 }), "R3", "score-invalid");
  });

  test("negative and non-numeric money", () => {
    expectOnly(plant({ "Budget (USD)": -5000 }), "M3", "money-negative");
    const text = plant({ "Funded (USD)": "TBD" });
    expect(at(text, "N3")).toEqual([expect.objectContaining({ severity: "error", row: 3 })]);
    expect(["number-unreadable"]).toContain(at(text, "N3")[0]!.code);
  });

  test("funded more than budget is a warning on both amounts", () => {
    const report = plant({ "Budget (USD)": 1000, "Funded (USD)": 5000 });
    expect(at(report, "N3")).toEqual([expect.objectContaining({ code: "funded-over-budget", severity: "warning" })]);
    expect(at(report, "M3")).toEqual([expect.objectContaining({ code: "funded-over-budget", severity: "warning" })]);
  });

  test("missing ID and missing title", () => {
    expectOnly(plant({ ID: null }), "A3", "id-missing");
    expectOnly(plant({ Activity: "   " }), "B3", "title-missing");
  });

  test("a duplicate ID flags every occurrence, naming the other rows", () => {
    const report = validateActivities(sheet([HEADER, row({}, "A-001"), row({}, "A-002"), row({}, "a-001 ")]), {
      asOf: AS_OF,
    });
    expect(codesAt(report, "A2")).toEqual(["id-duplicate"]);
    expect(codesAt(report, "A4")).toEqual(["id-duplicate"]);
    expect(at(report, "A2")[0]!.message).toContain("row 4");
    expect(errorsOnRow(report, 3)).toEqual([]);
  });

  test("text that looks like a formula is data: it is reported, never evaluated", () => {
    const report = plant({ Approach: '=HYPERLINK("http://x")' });
    expect(at(report, "E3")[0]).toMatchObject({ severity: "error", value: '=HYPERLINK("http://x")' });
  });
});
