/**
 * Cell problems found by the parser (src/core/activity/parse.ts) become report issues here, one per
 * cell, under the parser's stable code. Every other rule skips a cell that carries a problem, so the
 * report never says the same thing twice about one cell.
 */
import { ACTIVITY_COLUMNS } from "../../activity/columns";
import type { FieldProblem } from "../../activity/parsed";
import type { Issue, Severity } from "../../issues";
import { cellIssues, NONE, orList } from "../issue-at";
import type { RowRule } from "../types";

/**
 * Severity of each parser code. A code the parser adds later defaults to error: a value that could not
 * be converted is missing from the summaries, which is what "error" means in this report.
 */
export const PROBLEM_SEVERITY: Readonly<Record<string, Severity>> = {
  "error-value": "error",
  "value-unreadable": "error",
  "code-unreadable": "error",
  "agency-unknown": "error",
  "country-unknown": "error",
  "level-unknown": "error",
  "stage-unknown": "error",
  "status-unknown": "error",
  "date-unreadable": "error",
  "date-ambiguous": "error",
  "number-unreadable": "error",
  "number-ambiguous": "error",
  "money-not-usd": "error",
  "progress-out-of-range": "error",
  // Read, but as a guess from a misspelling: filters and pivots in plain Excel still see the misspelt
  // text as another value, so a person should correct it.
  "near-match": "warning",
  // Read under an assumption that is almost always right: shown, nothing to fix urgently.
  "code-from-title": "info",
  "progress-read-as-percent": "info",
};

export function problemSeverity(code: string): Severity {
  return Object.prototype.hasOwnProperty.call(PROBLEM_SEVERITY, code) ? PROBLEM_SEVERITY[code]! : "error";
}

function messageOf(header: string, p: FieldProblem): string {
  let m = p.message.trim() || `${header} could not be read.`;
  // The parser's message says what is wrong; add the nearest values when it did not already name them.
  const shown = p.suggestions.slice(0, 3);
  if (shown.length > 0 && !shown.some((s) => m.includes(s))) m += ` Did you mean ${orList(shown.map((s) => `"${s}"`))}?`;
  return m;
}

export const fieldProblems: RowRule = {
  code: "(parser codes)",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ACTIVITY_COLUMNS.map((c) => c.key),
  meaning: "A value the parser could not convert (its own code: error-value, date-unreadable, agency-unknown, ...).",
  fix: "As the message says; the suggestion is the nearest valid value.",
  check(row, ctx) {
    let out: Issue[] | null = null;
    for (const { key, header } of ACTIVITY_COLUMNS) {
      const p = row.cells[key]?.problem;
      if (!p) continue;
      (out ??= []).push(
        ...cellIssues(row, key, ctx, {
          code: p.code,
          severity: problemSeverity(p.code),
          message: messageOf(ctx.headerOf(key) || header, p),
          suggestion: p.suggestions[0],
        }),
      );
    }
    return out ?? NONE;
  },
};
