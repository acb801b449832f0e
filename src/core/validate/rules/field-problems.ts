/**
 * Cell problems found by the parser (src/core/activity/parse.ts) become report issues here, one per
 * cell, under the parser's stable code. Every other rule skips a cell that carries a problem, so the
 * report never says the same thing twice about one cell.
 */
import { ACTIVITY_COLUMNS } from "../../activity/columns";
import type { FieldProblem, ParsedRow } from "../../activity/parsed";
import { problemAt, rawAt, rowHasNoProblem } from "../../activity/sheet-row";
import type { Issue, Severity } from "../../issues";
import { isBlank } from "../../grid";
import { showValue } from "../../issues";
import { parseCountries } from "../../reference";
import { cellIssues, NONE, orList } from "../issue-at";
import { allRegionsOrScopes } from "./regions";
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
  if (shown.length > 0 && !shown.some((s) => m.includes(s)))
    m += ` Did you mean ${orList(shown.map((s) => `"${s}"`))}?`;
  return m;
}

/**
 * An international or regional activity whose Countries cell names only regions or scopes ("Global",
 * "East Africa; SADC"): information, not an error (see regions.ts).
 */
function namesRegionOnly(row: ParsedRow): boolean {
  if (row.record.level !== "International" && row.record.level !== "Regional") return false;
  const raw = rawAt(row, "countries");
  if (isBlank(raw) || typeof raw !== "string") return false;
  const r = regionCheck.get(raw);
  if (r !== undefined) return r;
  let answer = false;
  try {
    answer = allRegionsOrScopes(parseCountries(raw).unknown);
  } catch {
    answer = false;
  }
  if (regionCheck.size > 10_000) regionCheck.clear();
  regionCheck.set(raw, answer);
  return answer;
}
const regionCheck = new Map<string, boolean>();

export const fieldProblems: RowRule = {
  code: "(parser codes)",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ACTIVITY_COLUMNS.map((c) => c.key),
  meaning: "A value the parser could not convert (its own code: error-value, date-unreadable, agency-unknown, ...).",
  fix: "As the message says; the suggestion is the nearest valid value.",
  check(row, ctx) {
    if (rowHasNoProblem(row)) return NONE;
    let out: Issue[] | null = null;
    for (const { key, header } of ctx.present) {
      const p = problemAt(row, key);
      if (!p) continue;
      if (key === "countries" && p.code === "country-unknown" && namesRegionOnly(row)) {
        (out ??= []).push(
          ...cellIssues(row, key, ctx, {
            code: "countries-region",
            severity: "info",
            message: `Countries "${showValue(rawAt(row, "countries"))}" names a region or scope, not only countries; the region is not counted in the summary by country. List the countries (ISO codes or names) to count them there.`,
          }),
        );
        continue;
      }
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
