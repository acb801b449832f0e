import { validateActivities } from "../../src/core/validate";
import { AS_OF, HEADER, at, errorsOnRow, row, sheet } from "./sheet";

function plant(over: Parameters<typeof row>[0]) {
  return validateActivities(sheet([HEADER, row({}, "A-001"), row(over, "A-002"), row({}, "A-003")]), { asOf: AS_OF });
}

function expectFlagged(report: ReturnType<typeof plant>, cell: string, code: string, severity = "error") {
  const issues = at(report, cell);
  expect(issues).toEqual([expect.objectContaining({ code, severity, row: 3 })]);
  expect(errorsOnRow(report, 2)).toEqual([]);
  expect(errorsOnRow(report, 4)).toEqual([]);
  return issues[0]!;
}

describe("reference list rules", () => {
  test("a lead agency that is not an ICCWC partner, with a suggestion", () => {
    const issue = expectFlagged(plant({ "Lead agency": "UNEP" }), "F3", "agency-unknown");
    expect(issue.message).toContain("UNEP");
  });

  test("a misspelt agency gets the nearest partner as suggestion", () => {
    const report = plant({ "Lead agency": "Interpool" });
    const issues = at(report, "F3");
    // A matcher may accept the spelling as INTERPOL; if it does not, the suggestion must name it.
    if (issues.length > 0) expect(issues[0]!.suggestion ?? issues[0]!.message).toMatch(/INTERPOL/);
    else expect(report.parsed.rows[1]!.record.leadAgencies).toEqual(["INTERPOL"]);
  });

  test("joint leads and aliases are accepted", () => {
    expect(errorsOnRow(plant({ "Lead agency": "INTERPOL; World Customs Organization" }), 3)).toEqual([]);
    expect(errorsOnRow(plant({ "Lead agency": "ONUDC" }), 3)).toEqual([]);
  });

  test("unknown level, stage and status", () => {
    expectFlagged(plant({ Level: "Global-ish" }), "G3", "level-unknown");
    expectFlagged(plant({ Stage: "Dreaming" }), "I3", "stage-unknown");
    expectFlagged(plant({ Status: "Paused forever" }), "J3", "status-unknown");
  });

  test("an unknown country, among known ones", () => {
    const issue = expectFlagged(plant({ Countries: "KEN, Atlantis" }), "H3", "country-unknown");
    expect(issue.message).toContain("Atlantis");
  });

  test("a region or scope on an international or regional activity is information, on a national one an error", () => {
    expectFlagged(plant({ Level: "International", Countries: "Global" }), "H3", "countries-region", "info");
    expectFlagged(plant({ Level: "Regional", Countries: "East Africa; SADC" }), "H3", "countries-region", "info");
    expectFlagged(plant({ Level: "Regional", Countries: "Southern Africa, KEN" }), "H3", "countries-region", "info");
    expectFlagged(plant({ Level: "National", Countries: "Global" }), "H3", "country-unknown");
    expectFlagged(plant({ Level: "International", Countries: "Wakanda" }), "H3", "country-unknown");
  });

  test("countries by name, French name and alias are accepted", () => {
    expect(errorsOnRow(plant({ Countries: "Kenya; Côte d'Ivoire; RDC" }), 3)).toEqual([]);
  });

  test("an empty lead agency or status is a warning", () => {
    expectFlagged(plant({ "Lead agency": null }), "F3", "agency-missing", "warning");
    expectFlagged(plant({ Status: null }), "J3", "status-missing", "warning");
  });
});
