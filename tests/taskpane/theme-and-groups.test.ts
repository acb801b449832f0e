import fc from "fast-check";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { luminance, themeFromOffice } from "../../src/taskpane/theme";
import { groupIssues, pageItems } from "../../src/taskpane/panels/issue-groups";
import type { Issue } from "../../src/core/issues";

describe("theme from Office", () => {
  it("dark Office backgrounds give the dark theme, light ones and no Office the light one", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(themeFromOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe(webLightTheme);
    expect(themeFromOffice(undefined)).toBe(webLightTheme);
    expect(themeFromOffice({ bodyBackgroundColor: "not a colour" })).toBe(webLightTheme);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
  });
});

const issue = fc
  .record({
    code: fc.constantFrom("approach-unknown", "agency-unknown", "date-order"),
    severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
    row: fc.option(fc.integer({ min: 2, max: 400 }), { nil: null }),
  })
  .map(({ code, severity, row }): Issue => ({
    code,
    severity,
    sheet: "Activities",
    row,
    column: null,
    cell: row === null ? null : `E${row}`,
    value: "",
    message: code,
  }));

describe("issue pages", () => {
  it("every issue appears exactly once across the pages, whichever grouping, and no page holds more than the page size", () => {
    fc.assert(
      fc.property(
        fc.array(issue, { maxLength: 700 }),
        fc.constantFrom("rule" as const, "row" as const),
        fc.integer({ min: 1, max: 120 }),
        (issues, grouping, size) => {
          const groups = groupIssues(issues, grouping);
          const { pages } = pageItems(groups, 0, size);
          const seen: Issue[] = [];
          for (let p = 0; p < pages; p++) {
            const items = pageItems(groups, p, size).items.filter((i) => i.kind === "issue");
            expect(items.length).toBeLessThanOrEqual(size);
            for (const i of items) if (i.kind === "issue") seen.push(i.issue);
          }
          expect(seen.length).toBe(issues.length);
          expect(new Set(seen).size).toBe(issues.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("by rule, a group with errors comes before groups of warnings only", () => {
    const mk = (code: string, severity: Issue["severity"], row: number): Issue => ({
      code,
      severity,
      sheet: "Activities",
      row,
      column: null,
      cell: `B${row}`,
      value: "",
      message: "",
    });
    const groups = groupIssues([mk("w", "warning", 2), mk("w", "warning", 3), mk("e", "error", 9)], "rule");
    expect(groups.map((g) => g.label)).toEqual(["e", "w"]);
  });
});
