import { describeError, skippedSentence } from "../../src/taskpane/errors";
import { SheetNotFoundError } from "../../src/ports/workbook-port";
import { ExcelApplyError, ChangeSetError } from "../../src/hosts/excel/errors";
import { SimulatedOfficeError } from "../../src/hosts/excel/simulation";

describe("describeError: a sentence that says what happened and what to do, never a stack", () => {
  it("maps a missing sheet to Set up", () => {
    const p = describeError(new SheetNotFoundError("Activities"), "Check");
    expect(p).toEqual({
      title: "A sheet is missing",
      message: expect.stringContaining('Run "Set up"'),
      intent: "warning",
    });
  });

  it("keeps the adapter's own account of what was and was not written", () => {
    const p = describeError(new ExcelApplyError(120, 300, 1, 3, new Error("boom")), "Prioritise");
    expect(p.intent).toBe("error");
    expect(p.message).toContain("120 of 300 changes were written, the rest were not");
    const c = describeError(new ChangeSetError(4, "values", "the address ZZZ0 is not a cell"), "Set up");
    expect(c.message).toContain("Nothing was written");
  });

  it("a cancel is information, and says what was written", () => {
    expect(describeError(Object.assign(new Error("x"), { name: "AbortError" }), "Check")).toMatchObject({
      intent: "info",
      message: "Cancelled: nothing was written to the workbook.",
    });
    expect(describeError(new ExcelApplyError(0, 10, 0, 2, null, true), "Import").message).toContain(
      "nothing was written",
    );
  });

  it("Office error codes become advice, and unknown errors lose their stack", () => {
    expect(describeError(new SimulatedOfficeError("ItemNotFound", "not there"), "Check").message).toContain(
      "Run Set up",
    );
    const e = new TypeError("Cannot read properties of undefined (reading 'x')\n    at foo (bundle.js:1:2)");
    const p = describeError(e, "Summaries");
    expect(p.message).not.toContain("bundle.js");
    expect(p.message).toContain("Try again");
    expect(describeError("a string", "Check").message).toContain("The workbook was not changed");
  });

  it("skippedSentence groups the reasons, and is null when everything applied", () => {
    expect(skippedSentence({ applied: 3, skipped: [] })).toBeNull();
    expect(
      skippedSentence({
        applied: 1,
        skipped: [
          { kind: "pivot", reason: "no PivotTables in a file" },
          { kind: "chart", reason: "no PivotTables in a file" },
          { kind: "note", reason: "notes need 1.18" },
        ],
      }),
    ).toBe("Not applied (3): no PivotTables in a file (2 changes); notes need 1.18.");
  });
});
