/**
 * Reference lists: lead agency, level, stage, status and countries must be values of the plan's lists.
 * The parser normalises aliases ("Interpol", "ONUDC", "RDC") and reports what it could not match as a
 * cell problem; these rules catch what reaches the record unmatched without a problem, and report
 * empty cells that the summaries need. A cell the parser already reported is left to that report.
 */
import type { ActivityKey } from "../../activity/columns";
import type { ParsedRow } from "../../activity/parsed";
import { rawAt } from "../../activity/sheet-row";
import { isBlank } from "../../grid";
import { showValue, type Issue, type Severity } from "../../issues";
import {
  AGENCIES,
  LEVELS,
  STAGES,
  STATUSES,
  parseAgencies,
  parseCountries,
  suggestAgency,
  suggestCountry,
  suggestLevel,
  suggestStage,
  suggestStatus,
} from "../../reference";
import { blockedAt, cellIssues, NONE, orList } from "../issue-at";
import type { RowRule, RuleContext } from "../types";

/** The cell's text when the rules should judge it: present, not blank, not already reported. */
function judgeable(row: ParsedRow, key: ActivityKey): string | null {
  if (blockedAt(row, key)) return null;
  const raw = rawAt(row, key);
  return isBlank(raw) ? null : showValue(raw).trim();
}

/**
 * Matching the same text on 100,000 rows is the hot path of a large sheet: an officer's sheet holds a
 * few dozen distinct agency or country spellings, so each is matched once per run.
 */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      if (cache.size > 50_000) cache.clear();
      cache.set(text, v);
    }
    return v as T;
  };
}

/**
 * Suggestions that never throw. A function apart from the checks: a closure in a check would capture its
 * locals, and V8 then allocates a context on every call of the check, on every row.
 */
function safeSuggest(suggest: (text: string, k: number) => string[], text: string): string[] {
  try {
    return suggest(text, 3);
  } catch {
    return [];
  }
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

const agencyUnknownOf = memo((t: string) => safe(() => parseAgencies(t).unknown, [] as string[]));
const countryUnknownOf = memo((t: string) => safe(() => parseCountries(t).unknown, [] as string[]));

function listRule(opts: {
  code: string;
  key: ActivityKey;
  header: string;
  list: readonly string[];
  severity: Severity;
  suggest: (text: string, k: number) => string[];
}): RowRule {
  const canonical = new Set(opts.list);
  const suggest = memo((t: string) => safe(() => opts.suggest(t, 3), [] as string[]));
  return {
    code: opts.code,
    severity: opts.severity,
    family: "reference",
    scope: "row",
    columns: [opts.key],
    meaning: `The ${opts.header} is not one of the plan's values (${opts.list.join(", ")}).`,
    fix: `Pick a value from the drop-down list: ${opts.list.join(", ")}.`,
    check(row, ctx) {
      const value = row.record[opts.key as "level"];
      if (typeof value === "string" && canonical.has(value)) return NONE;
      const text = judgeable(row, opts.key);
      if (text === null) return NONE;
      const s = suggest(text);
      return cellIssues(row, opts.key, ctx, {
        code: this.code,
        severity: this.severity,
        message:
          `${opts.header} "${text}" is not one of ${opts.list.join(", ")}.` +
          (s.length > 0
            ? ` Did you mean ${orList(s.map((x) => `"${x}"`))}?`
            : ` Pick a value from the drop-down list.`),
        suggestion: s[0],
      });
    },
  };
}

export const levelUnknown = listRule({
  code: "level-unknown",
  key: "level",
  header: "Level",
  list: LEVELS,
  severity: "error",
  suggest: suggestLevel,
});
export const stageUnknown = listRule({
  code: "stage-unknown",
  key: "stage",
  header: "Stage",
  list: STAGES,
  severity: "error",
  suggest: suggestStage,
});
export const statusUnknown = listRule({
  code: "status-unknown",
  key: "status",
  header: "Status",
  list: STATUSES,
  severity: "error",
  suggest: suggestStatus,
});

export const agencyUnknown: RowRule = {
  code: "agency-unknown",
  severity: "error",
  family: "reference",
  scope: "row",
  columns: ["leadAgencies"],
  meaning: `A lead agency that is not an ICCWC partner (${AGENCIES.join(", ")}).`,
  fix: "Name only ICCWC partners as lead agencies (joint leads separated by commas or semicolons); record other partners in Notes.",
  check(row, ctx) {
    const text = judgeable(row, "leadAgencies");
    if (text === null) return NONE;
    const unknown = agencyUnknownOf(text);
    if (unknown.length === 0) return NONE;
    const s = safeSuggest(suggestAgency, unknown[0] ?? text);
    return cellIssues(row, "leadAgencies", ctx, {
      code: this.code,
      severity: this.severity,
      message:
        `Lead agency ${orList(unknown.map((u) => `"${u}"`))} ${unknown.length > 1 ? "are not ICCWC partners" : "is not an ICCWC partner"} (${AGENCIES.join(", ")}).` +
        (s.length > 0 ? ` Did you mean ${orList(s.map((x) => `"${x}"`))}?` : ` Record other partners in Notes.`),
      suggestion: s[0],
    });
  },
};

export const countryUnknown: RowRule = {
  code: "country-unknown",
  severity: "error",
  family: "reference",
  scope: "row",
  columns: ["countries"],
  meaning: "A country that is not an ISO 3166-1 country name or code.",
  fix: "Type countries by ISO code (KEN) or name (Kenya, in English or French), several separated by commas or semicolons.",
  check(row, ctx) {
    const text = judgeable(row, "countries");
    if (text === null) return NONE;
    const unknown = countryUnknownOf(text);
    if (unknown.length === 0) return NONE;
    const s = safeSuggest(suggestCountry, unknown[0] ?? text);
    return cellIssues(row, "countries", ctx, {
      code: this.code,
      severity: this.severity,
      message:
        `Countr${unknown.length > 1 ? "ies" : "y"} ${orList(unknown.map((u) => `"${u}"`))} not recognised as an ISO 3166-1 country.` +
        (s.length > 0
          ? ` Did you mean ${orList(s.map((x) => `"${x}"`))}?`
          : ` Use the ISO code (for example KEN) or the English or French name.`),
      suggestion: s[0],
    });
  },
};

function missingRule(code: string, key: ActivityKey, header: string, severity: Severity, why: string): RowRule {
  return {
    code,
    severity,
    family: "reference",
    scope: "row",
    columns: [key],
    meaning: `The ${header} cell is empty; ${why}.`,
    fix: `Fill in the ${header}.`,
    check(row, ctx) {
      if (!isBlank(rawAt(row, key)) || blockedAt(row, key)) return NONE;
      return cellIssues(row, key, ctx, {
        code: this.code,
        severity: this.severity,
        message: `${header} is empty; ${why}. Fill it in.`,
      });
    },
  };
}

export const agencyMissing = missingRule(
  "agency-missing",
  "leadAgencies",
  "Lead agency",
  "warning",
  "the activity is left out of the summary by agency",
);
export const statusMissing = missingRule(
  "status-missing",
  "status",
  "Status",
  "warning",
  "the activity's progress cannot be reported",
);

export const countriesMissing: RowRule = {
  code: "countries-missing",
  severity: "warning",
  family: "reference",
  scope: "row",
  columns: ["countries", "level"],
  meaning:
    "A national or regional activity names no country, so it is left out of the summary by country and of country scores.",
  fix: "List the countries the activity covers (ISO codes or names, separated by commas).",
  check(row, ctx) {
    if (row.record.level !== "National" && row.record.level !== "Regional") return NONE;
    if (!isBlank(rawAt(row, "countries")) || blockedAt(row, "countries")) return NONE;
    return cellIssues(row, "countries", ctx, {
      code: this.code,
      severity: this.severity,
      message: `Countries is empty for a ${row.record.level.toLowerCase()} activity; it is left out of the summary by country. List the countries it covers.`,
    });
  },
};

export const REFERENCE_RULES: readonly RowRule[] = [
  agencyUnknown,
  levelUnknown,
  stageUnknown,
  statusUnknown,
  countryUnknown,
  agencyMissing,
  statusMissing,
  countriesMissing,
];

export type { Issue, RuleContext };
