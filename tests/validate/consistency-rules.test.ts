import { validateActivities } from "../../src/core/validate";
import { AS_OF, HEADER, codesAt, errorsOnRow, row, sheet, utc } from "./sheet";

function plant(over: Parameters<typeof row>[0], asOf = AS_OF) {
  return validateActivities(sheet([HEADER, row({}, "A-001"), row(over, "A-002"), row({}, "A-003")]), { asOf });
}

describe("consistency rules", () => {
  test("Completed with progress under 100% warns on status and progress", () => {
    const report = plant({ Status: "Completed", Progress: 0.6 });
    expect(codesAt(report, "O3")).toEqual(["completed-progress"]);
    expect(codesAt(report, "J3")).toEqual(["completed-progress"]);
    expect(report.issues.filter((i) => i.code === "completed-progress").every((i) => i.severity === "warning")).toBe(
      true,
    );
    expect(codesAt(plant({ Status: "Completed", Progress: 1 }), "O3")).toEqual([]);
  });

  test("Not started with progress above 0", () => {
    const report = plant({ Status: "Not started", Progress: 0.2 });
    expect(codesAt(report, "O3")).toEqual(["not-started-progress"]);
    expect(codesAt(plant({ Status: "Not started", Progress: 0 }), "O3")).toEqual([]);
  });

  test("past its end date against the as-of date, unless Completed or Cancelled", () => {
    const over = { "End date": utc("2025-01-31") };
    expect(codesAt(plant(over), "L3")).toEqual(["past-end-date"]);
    expect(codesAt(plant(over), "J3")).toEqual(["past-end-date"]);
    expect(codesAt(plant({ ...over, Status: "Cancelled" }), "L3")).toEqual([]);
    expect(codesAt(plant({ ...over, Status: "Completed", Progress: 1 }), "L3")).toEqual([]);
    // The as-of date decides: the same row is fine on an earlier day.
    expect(codesAt(plant(over, "2025-01-31"), "L3")).toEqual([]);
    expect(errorsOnRow(plant(over), 3)).toEqual([]);
  });
});
