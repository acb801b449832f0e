import { importRows } from "../../src/core/import";
import { AMBIGUOUS_DATES } from "../fixtures/import/ambiguous-dates";
import { issuesAt, recordAt } from "./helpers";

describe("dates that read two ways", () => {
  it("reports '03/04/2024' with both readings and leaves the date empty when no order is set", () => {
    const result = importRows(AMBIGUOUS_DATES);
    expect(recordAt(result, 2)).toMatchObject({
      id: "VN-1",
      startDate: null,
      endDate: null,
      countries: ["VNM"],
      leadAgencies: ["WCO"],
      approach: "3.1.1",
    });
    const issues = issuesAt(result, "F2");
    expect(issues).toEqual([
      {
        code: "date-ambiguous",
        severity: "warning",
        message: expect.stringContaining("2024-04-03"),
        suggestion: "2024-04-03 or 2024-03-04",
      },
    ]);
    expect(issues[0]!.message).toContain("2024-03-04");
    // The original text is not lost: the change report shows it, emptied.
    expect(result.changes.find((c) => c.cell === "F2")).toMatchObject({ before: "03/04/2024", after: "" });
  });

  it("reads dates that have only one reading whatever the order", () => {
    for (const dateOrder of [undefined, "dmy", "mdy"] as const) {
      const rec = recordAt(importRows(AMBIGUOUS_DATES, dateOrder ? { dateOrder } : {}), 3);
      expect([rec.startDate, rec.endDate]).toEqual(["2024-03-25", "2024-12-12"]);
    }
  });

  it("follows a day-first or month-first setting when the office says which it uses", () => {
    expect(recordAt(importRows(AMBIGUOUS_DATES, { dateOrder: "dmy" }), 2)).toMatchObject({
      startDate: "2024-04-03",
      endDate: "2024-11-10",
    });
    expect(recordAt(importRows(AMBIGUOUS_DATES, { dateOrder: "mdy" }), 2)).toMatchObject({
      startDate: "2024-03-04",
      endDate: "2024-10-11",
    });
    expect(importRows(AMBIGUOUS_DATES, { dateOrder: "mdy" }).issues.filter((i) => i.code === "date-ambiguous")).toEqual(
      [],
    );
  });
});
