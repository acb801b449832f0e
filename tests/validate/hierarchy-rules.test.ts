import { validateActivities } from "../../src/core/validate";
import { AS_OF, HEADER, at, codesAt, errorsOnRow, row, sheet } from "./sheet";

/** Row 2 clean, row 3 with the planted fault, row 4 clean. */
function plant(over: Parameters<typeof row>[0]) {
  return validateActivities(sheet([HEADER, row({}, "A-001"), row(over, "A-002"), row({}, "A-003")]), { asOf: AS_OF });
}

function expectCleanNeighbours(report: ReturnType<typeof plant>) {
  expect(errorsOnRow(report, 2)).toEqual([]);
  expect(errorsOnRow(report, 4)).toEqual([]);
}

describe("hierarchy rules", () => {
  test("an unknown approach is reported at E3 with the nearest codes", () => {
    const report = plant({ Outcome: "3", "Sub-outcome": "3.1", Approach: "3.5.1" });
    const [issue] = at(report, "E3");
    expect(issue).toMatchObject({
      code: "approach-unknown",
      severity: "error",
      row: 3,
      column: "Approach",
      value: "3.5.1",
      activityId: "A-002",
    });
    expect(issue!.message).toMatch(
      /^Approach "3\.5\.1" is not in the ICCWC Strategic Action Plan 2023-2026\. Did you mean 3\.1\.1 \(Support development/,
    );
    expect(issue!.suggestion).toMatch(/^3\.\d\.\d$/);
    expectCleanNeighbours(report);
  });

  test("a sub-outcome code typed as an approach says so and offers its approaches", () => {
    const report = plant({ Approach: "3.1" });
    const [issue] = at(report, "E3");
    expect(issue).toMatchObject({ code: "approach-unknown" });
    expect(issue!.message).toContain("is a sub-outcome code");
    expect(issue!.suggestion).toBe("3.1.1");
  });

  test("an unknown outcome and sub-outcome are reported in their own cells", () => {
    expect(codesAt(plant({ Outcome: "7" }), "C3")).toEqual(["outcome-unknown"]);
    const sub = plant({ "Sub-outcome": "3.9" });
    expect(codesAt(sub, "D3")).toEqual(["sub-outcome-unknown"]);
    expect(at(sub, "D3")[0]!.suggestion).toMatch(/^3\.\d$/);
    expectCleanNeighbours(sub);
  });

  test("a missing approach is an error that lists the approaches of the sub-outcome", () => {
    const report = plant({ Approach: null });
    const [issue] = at(report, "E3");
    expect(issue).toMatchObject({ code: "approach-missing", severity: "error", suggestion: "3.1.1" });
    expect(issue!.message).toContain("3.1.2");
    expectCleanNeighbours(report);
  });

  test("a sub-outcome that is not the parent of the approach: the cell the outcome contradicts is flagged", () => {
    // Outcome 3 and approach 3.1.1 agree; sub-outcome 2.1 is the odd one.
    const wrongSub = plant({ "Sub-outcome": "2.1" });
    expect(codesAt(wrongSub, "D3")).toContain("sub-outcome-mismatch");
    expect(at(wrongSub, "D3").find((i) => i.code === "sub-outcome-mismatch")!.suggestion).toBe("3.1");
    expect(codesAt(wrongSub, "E3")).toEqual([]);
    // Outcome 3 and sub-outcome 3.1 agree; approach 4.1.1 is the odd one.
    const wrongApproach = plant({ Approach: "4.1.1" });
    expect(codesAt(wrongApproach, "E3")).toEqual(["sub-outcome-mismatch"]);
    expect(codesAt(wrongApproach, "D3")).toEqual([]);
    // Same outcome, other sub-outcome: nothing tells which is wrong, both are flagged.
    const tie = plant({ Approach: "3.2.1" });
    expect(codesAt(tie, "D3")).toEqual(["sub-outcome-mismatch"]);
    expect(codesAt(tie, "E3")).toEqual(["sub-outcome-mismatch"]);
    expectCleanNeighbours(tie);
  });

  test("an outcome that is not the parent of the sub-outcome is flagged on the outcome", () => {
    const report = plant({ Outcome: "2" });
    expect(at(report, "C3")).toEqual([
      expect.objectContaining({ code: "outcome-mismatch", severity: "error", suggestion: "3" }),
    ]);
    expect(codesAt(report, "D3")).toEqual([]);
    expectCleanNeighbours(report);
  });

  test("codes typed with decoration or as numbers are accepted", () => {
    const report = plant({ Outcome: 3, "Sub-outcome": 3.1, Approach: "Approach 3.1.1" });
    expect(errorsOnRow(report, 3)).toEqual([]);
  });

  test("an empty outcome or sub-outcome is info with the code implied by the approach", () => {
    const report = plant({ Outcome: null, "Sub-outcome": null });
    expect(at(report, "C3")).toEqual([
      expect.objectContaining({ code: "outcome-missing", severity: "info", suggestion: "3" }),
    ]);
    expect(at(report, "D3")).toEqual([
      expect.objectContaining({ code: "sub-outcome-missing", severity: "info", suggestion: "3.1" }),
    ]);
    expect(errorsOnRow(report, 3)).toEqual([]);
  });
});
