import * as fs from "fs";
import * as path from "path";
import { PROBLEM_SEVERITY } from "../../src/core/validate/rules";
import { RULES, issuesToTable, validateActivities, type RowRule } from "../../src/core/validate";
import { AS_OF, HEADER, row, sheet } from "./sheet";

const docs = fs.readFileSync(path.join(__dirname, "../../docs/validation-rules.md"), "utf8");

/** The docs table rows: code -> severity. */
function documented(): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of docs.split("\n")) {
    // Cells may be padded with spaces (Prettier aligns the table).
    const cells = /^\| `([a-z0-9-]+)` +\| (error|warning|info) +\|/.exec(line);
    if (cells) m.set(cells[1]!, cells[2]!);
  }
  return m;
}

describe("rule registry", () => {
  test("every rule has a unique code, and the docs table gives each the same severity", () => {
    const table = documented();
    const codes = RULES.filter((r) => !r.code.startsWith("(")).map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      if (r.code.startsWith("(")) continue;
      expect([r.code, table.get(r.code)]).toEqual([r.code, r.severity]);
      expect(r.meaning.length).toBeGreaterThan(10);
      expect(r.fix.length).toBeGreaterThan(5);
    }
    for (const [code, severity] of Object.entries(PROBLEM_SEVERITY))
      expect([code, table.get(code)]).toEqual([code, severity]);
  });
});

describe("a rule that throws", () => {
  test("is reported once as check-failed and the other rules still run", () => {
    const broken: RowRule = {
      ...(RULES.find((r) => r.scope === "row") as RowRule),
      code: "broken",
      check: () => {
        throw new Error("boom");
      },
    };
    const r = validateActivities(sheet([HEADER, row({ Approach: "9.9.9" }, "A-1"), row({}, "A-2")]), {
      asOf: AS_OF,
      rules: [broken, ...RULES],
    });
    expect(r.issues.filter((i) => i.code === "check-failed")).toEqual([
      expect.objectContaining({ severity: "error", row: null }),
    ]);
    expect(r.issues.filter((i) => i.code === "check-failed")[0]!.message).toContain("broken");
    expect(r.issues.some((i) => i.code === "approach-unknown" && i.cell === "E2")).toBe(true);
  });
});

describe("report", () => {
  const report = validateActivities(
    sheet([
      HEADER,
      row({ Approach: "3.5.1", Status: "Completed", Progress: 0.5 }, "A-001"),
      row({ ID: null, "Lead agency": "UNEP" }, "A-002"),
    ]),
    { asOf: AS_OF },
  );

  test("issues are sorted by row, then column", () => {
    const keys = report.issues.map(
      (i) => [i.row ?? 0, i.cell ? i.cell.replace(/\d+$/, "").padStart(3, " ") : ""] as const,
    );
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  test("the summary counts by severity and by code", () => {
    const s = report.summary;
    expect(s.errors).toBe(report.issues.filter((i) => i.severity === "error").length);
    expect(s.warnings).toBe(report.issues.filter((i) => i.severity === "warning").length);
    expect(s.byCode["approach-unknown"]).toEqual({ severity: "error", count: 1 });
    expect(s.byCode["completed-progress"]).toEqual({ severity: "warning", count: 2 });
    expect(s.rowsChecked).toBe(2);
  });

  test("the flat table has the header and one row per issue with every field", () => {
    const t = issuesToTable(report.issues);
    expect(t[0]).toEqual([
      "Severity",
      "Code",
      "Sheet",
      "Row",
      "Column",
      "Cell",
      "Value",
      "Message",
      "Suggestion",
      "Activity ID",
    ]);
    const e2 = t.find((r) => r[5] === "E2")!;
    expect(e2.slice(0, 7)).toEqual(["error", "approach-unknown", "Activities", 2, "Approach", "E2", "3.5.1"]);
    expect(e2[9]).toBe("A-001");
  });

  test("the column is the header text as written in the sheet", () => {
    const lower = [...HEADER];
    lower[4] = "approach";
    const r = validateActivities(sheet([lower, row({ Approach: "9.9.9" })]), { asOf: AS_OF });
    const i = r.issues.find((x) => x.cell === "E2");
    if (i) expect(i.column).toBe("approach");
    else expect(r.parsed.columnOf.approach).toBeUndefined();
  });

  test("an invalid as-of date is a warning, not a crash", () => {
    const r = validateActivities(sheet([HEADER, row()]), { asOf: "yesterday" });
    expect(r.issues.map((i) => i.code)).toContain("as-of-invalid");
  });
});
