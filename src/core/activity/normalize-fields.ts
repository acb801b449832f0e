/**
 * One converter per activity column: raw cell value in, record value plus at most one field problem
 * out. Converters never throw and never change what the user typed: they only read it. Problem codes are
 * listed in docs/framework.md; NOTE_CODES are informational (the value was read, with an assumption).
 */
import { isCellError, type CellValue } from "../grid";
import { showValue } from "../issues";
import { PLAN_2023_2026, normalizeCode, type FrameworkIndex, type FrameworkLevel } from "../framework";
import {
  AGENCIES,
  LEVELS,
  STAGES,
  STATUSES,
  countryByIso3,
  matchLevel,
  matchStage,
  matchStatus,
  parseAgencies,
  parseCountries,
  suggestAgency,
  suggestCountry,
  suggestLevel,
  suggestStage,
  suggestStatus,
  type Match,
} from "../reference";
import type { ActivityKey } from "./columns";
import type { FieldProblem } from "./parsed";
import type { ActivityRecord } from "./record";
import { readDate } from "./dates";
import { readMoney, readNumber, readProgress, type NumberReading } from "./normalize-number";

/** Problems that keep a value in the record: the cell was read, under an assumption worth showing. */
export const NOTE_CODES = new Set(["near-match", "code-from-title", "progress-read-as-percent"]);

/**
 * Severity of a note in ParsedActivities.problems (every other code is an error). Kept in step with the
 * validation rules' table: a misspelling read as a guess is a warning (plain Excel filters still see
 * the misspelt text), the other notes are information.
 */
export const NOTE_SEVERITY: Readonly<Record<string, "warning" | "info">> = {
  "near-match": "warning",
  "code-from-title": "info",
  "progress-read-as-percent": "info",
};

export interface Converted<T> {
  value: T;
  problem: FieldProblem | null;
}

function problem(code: string, message: string, suggestions: string[] = []): FieldProblem {
  return { code, message, suggestions };
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function errorValue(v: CellValue, what: string): FieldProblem | null {
  return isCellError(v)
    ? problem("error-value", `The cell shows the error ${v.error}; replace the formula or value with ${what}.`)
    : null;
}

/** Text fields (ID, Activity, Notes): numbers and dates shown as text; errors reported. */
export function convertText(v: CellValue, what: string): Converted<string> {
  const err = errorValue(v, what);
  if (err) return { value: "", problem: err };
  return { value: cellText(v).trim(), problem: null };
}

/** The full text of a cell (showValue shortens long text for messages; a record must not). */
function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return showValue(v);
}

const LEVEL_WORD: Record<FrameworkLevel, string> = {
  outcome: "outcome",
  subOutcome: "sub-outcome",
  approach: "approach",
};

/**
 * Outcome, sub-outcome and approach codes. The record keeps the normalised code even when the plan has no
 * such code (validation judges existence). Text without a code that clearly names a title of the right
 * level is read as that code, with a note.
 */
export function convertCode(
  v: CellValue,
  level: FrameworkLevel,
  plan: FrameworkIndex = PLAN_2023_2026,
): Converted<string> {
  const err = errorValue(v, `a ${LEVEL_WORD[level]} code`);
  if (err) return { value: "", problem: err };
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: "", problem: null };
  const code = normalizeCode(v);
  if (code !== null) return { value: code, problem: null };
  const text = showValue(v);
  if (typeof v === "string") {
    const byTitle = level === "approach" ? plan.matchApproach(text) : bestOfLevel(plan, text, level);
    if (byTitle && byTitle.confidence >= 0.8) {
      return {
        value: byTitle.code,
        problem: problem(
          "code-from-title",
          `"${short(text)}" has no code; it was read as ${LEVEL_WORD[level]} ${byTitle.code} "${plan.title(byTitle.code) ?? ""}". Enter the code ${byTitle.code}.`,
          [byTitle.code],
        ),
      };
    }
  }
  const suggestions = plan
    .suggest(text, 8)
    .filter((s) => plan.level(s.code) === level)
    .slice(0, 3)
    .map((s) => s.code);
  return {
    value: "",
    problem: problem(
      "code-unreadable",
      `"${short(text)}" is not a ${LEVEL_WORD[level]} code; enter a code such as ${level === "outcome" ? "3" : level === "subOutcome" ? "3.2" : "3.2.4"}.`,
      suggestions,
    ),
  };
}

function bestOfLevel(
  plan: FrameworkIndex,
  text: string,
  level: FrameworkLevel,
): { code: string; confidence: number } | null {
  const ranked = plan.suggest(text, 60).filter((s) => plan.level(s.code) === level);
  const [first, second] = ranked;
  if (!first) return null;
  // As in matchApproach, a near tie is not a match.
  if (second && first.score - second.score < 0.05) return null;
  return { code: first.code, confidence: first.score };
}

type Matcher = (text: string) => Match | null;

function convertOne(
  v: CellValue,
  match: Matcher,
  suggest: (t: string, k: number) => string[],
  values: readonly string[],
  code: string,
  what: string,
): Converted<string> {
  const err = errorValue(v, what);
  if (err) return { value: "", problem: err };
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: "", problem: null };
  const text = showValue(v).trim();
  const m = match(text);
  if (m && m.confidence === 1) return { value: m.value, problem: null };
  if (m)
    return {
      value: m.value,
      problem: problem(
        "near-match",
        `"${short(text)}" was read as "${m.value}"; correct the spelling to "${m.value}".`,
        [m.value],
      ),
    };
  return {
    value: "",
    problem: problem(code, `"${short(text)}" is not a ${what}; use one of: ${values.join(", ")}.`, suggest(text, 3)),
  };
}

export const convertLevel = (v: CellValue): Converted<string> =>
  convertOne(v, matchLevel, suggestLevel, LEVELS, "level-unknown", "level of intervention");
export const convertStage = (v: CellValue): Converted<string> =>
  convertOne(v, matchStage, suggestStage, STAGES, "stage-unknown", "stage");
export const convertStatus = (v: CellValue): Converted<string> =>
  convertOne(v, matchStatus, suggestStatus, STATUSES, "status-unknown", "status");

export function convertAgencies(v: CellValue): Converted<string[]> {
  const err = errorValue(v, "a lead agency");
  if (err) return { value: [], problem: err };
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: [], problem: null };
  const text = showValue(v);
  const r = parseAgencies(text);
  if (r.unknown.length > 0) {
    const names = r.unknown.map((u) => `"${short(u)}"`).join(", ");
    return {
      value: r.values,
      problem: problem(
        "agency-unknown",
        `${names} ${r.unknown.length > 1 ? "are not ICCWC partner agencies" : "is not an ICCWC partner agency"}; use ${AGENCIES.join(", ")} (joint leads separated by "/").`,
        suggestAgency(r.unknown[0]!, 3),
      ),
    };
  }
  if (r.confidence < 1)
    return {
      value: r.values,
      problem: problem("near-match", `"${short(text)}" was read as "${r.values.join(" / ")}"; correct the spelling.`, [
        r.values.join(" / "),
      ]),
    };
  return { value: r.values, problem: null };
}

export function convertCountries(v: CellValue): Converted<string[]> {
  const err = errorValue(v, "a country");
  if (err) return { value: [], problem: err };
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: [], problem: null };
  const text = showValue(v);
  const r = parseCountries(text);
  if (r.unknown.length > 0) {
    const names = r.unknown.map((u) => `"${short(u)}"`).join(", ");
    return {
      value: r.values,
      problem: problem(
        "country-unknown",
        `${names} ${r.unknown.length > 1 ? "are not countries" : "is not a country"} in ISO 3166-1; enter a country name or ISO code (several separated by ";").`,
        suggestCountry(r.unknown[0]!, 3),
      ),
    };
  }
  if (r.confidence < 1) {
    const names = r.values.map((c) => countryByIso3(c)?.nameEn ?? c).join("; ");
    return {
      value: r.values,
      problem: problem("near-match", `"${short(text)}" was read as "${names}"; correct the spelling.`, [
        r.values.join("; "),
      ]),
    };
  }
  return { value: r.values, problem: null };
}

export function convertDate(v: CellValue): Converted<string | null> {
  if (isCellError(v)) return { value: null, problem: errorValue(v, "a date (YYYY-MM-DD)") };
  const r = readDate(v);
  if (r.ok) return { value: r.iso === "" ? null : r.iso, problem: null };
  return { value: null, problem: problem(r.code, r.message) };
}

function fromReading(r: NumberReading): Converted<number | null> {
  if (!r.ok) return { value: null, problem: problem(r.code, r.message) };
  return { value: r.value, problem: r.note ? problem(r.note.code, r.note.message) : null };
}

export const convertMoney = (v: CellValue): Converted<number | null> => fromReading(readMoney(v));
export const convertScore = (v: CellValue): Converted<number | null> => fromReading(readNumber(v));
export const convertProgress = (v: CellValue): Converted<number | null> => fromReading(readProgress(v));

/** The converter of each column, keyed by record key. */
export function convertField(
  key: ActivityKey,
  v: CellValue,
  plan: FrameworkIndex,
): Converted<ActivityRecord[ActivityKey]> {
  switch (key) {
    case "id":
      return convertText(v, "an activity ID");
    case "title":
      return convertText(v, "the activity's title");
    case "notes":
      return convertText(v, "a note");
    case "outcome":
      return convertCode(v, "outcome", plan);
    case "subOutcome":
      return convertCode(v, "subOutcome", plan);
    case "approach":
      return convertCode(v, "approach", plan);
    case "leadAgencies":
      return convertAgencies(v);
    case "countries":
      return convertCountries(v);
    case "level":
      return convertLevel(v);
    case "stage":
      return convertStage(v);
    case "status":
      return convertStatus(v);
    case "startDate":
    case "endDate":
      return convertDate(v);
    case "budgetUsd":
    case "fundedUsd":
      return convertMoney(v);
    case "progress":
      return convertProgress(v);
    case "need":
    case "valueAdded":
    case "engagement":
      return convertScore(v);
  }
}
