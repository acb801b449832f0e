/**
 * One pass over the activities that settles, once, every judgement the facts and the roll-ups share:
 * which codes and titles apply, whether the row's money counts, its dates, its periods, its score.
 * Facts and roll-ups then only group and add, so they cannot disagree with each other.
 */
import type { ActivityRecord } from "../activity/record";
import { toCents } from "./allocate";
import type { CountryInfo, FrameworkLike, SummaryInput } from "./input";
import { dayNumber, periodsBetween, type PeriodSlice } from "./periods";

/** Placeholder for an activity with no country (a regional or international activity often has none). */
export const NO_COUNTRY = "(none)";
/** Placeholder for an activity with no lead agency. */
export const NO_AGENCY = "(none)";
/** Roll-up key for codes that are missing or not in the framework. */
export const NOT_CLASSIFIED = "(not classified)";
export const UNKNOWN_REGION = "(unknown)";

export interface ActivityDigest {
  row: number;
  id: string;
  title: string;
  outcome: string;
  subOutcome: string;
  approach: string;
  level: string;
  status: string;
  stage: string;
  agencies: string[];
  countries: string[];
  /** The activity's periods with its days in each; null when it has no usable dates. */
  periods: PeriodSlice[] | null;
  hasErrors: boolean;
  /** Money in cents; 0 when the row has errors or the cell is empty (see docs/summaries.md). */
  budgetCents: number;
  fundedCents: number;
  gapCents: number;
  /** 0..1 when the row has no errors and progress is filled, else null. */
  progress: number | null;
  score: number | null;
  band: string | null;
  overdue: boolean;
}

export interface Lookups {
  outcomeTitle: Map<string, string>;
  subOutcomeTitle: Map<string, string>;
  approachTitle: Map<string, string>;
  subOutcomeParent: Map<string, string>;
  approachParent: Map<string, string>;
  country: (iso3: string) => { name: string; region: string; priority: boolean };
}

export function buildLookups(
  framework: FrameworkLike,
  input: Pick<SummaryInput, "countries" | "describeCountry">,
): Lookups {
  const byIso = new Map<string, CountryInfo>();
  for (const c of input.countries) byIso.set(c.iso3.toUpperCase(), c);
  const cache = new Map<string, { name: string; region: string; priority: boolean }>();
  return {
    outcomeTitle: new Map(framework.outcomes.map((o) => [o.code, o.title])),
    subOutcomeTitle: new Map(framework.subOutcomes.map((s) => [s.code, s.title])),
    approachTitle: new Map(framework.approaches.map((a) => [a.code, a.title])),
    subOutcomeParent: new Map(framework.subOutcomes.map((s) => [s.code, s.outcome ?? parentCode(s.code)])),
    approachParent: new Map(framework.approaches.map((a) => [a.code, a.subOutcome ?? parentCode(a.code)])),
    country(iso3) {
      let info = cache.get(iso3);
      if (!info) {
        if (iso3 === NO_COUNTRY) info = { name: NO_COUNTRY, region: NO_COUNTRY, priority: false };
        else {
          const listed = byIso.get(iso3.toUpperCase());
          const described = listed ? undefined : input.describeCountry?.(iso3);
          info = listed
            ? { name: listed.name || iso3, region: listed.region || UNKNOWN_REGION, priority: listed.priority }
            : { name: described?.name ?? iso3, region: described?.region || UNKNOWN_REGION, priority: false };
        }
        cache.set(iso3, info);
      }
      return info;
    },
  };
}

/** "3.2.4" -> "3.2", "3.2" -> "3", "3" -> "". */
export function parentCode(code: string): string {
  const i = code.lastIndexOf(".");
  return i < 0 ? "" : code.slice(0, i);
}

const FINAL_STATUSES = new Set(["Completed", "Cancelled"]);

/** Cents of a money cell; 0 for empty, negative or absurd values (the validator reports those). */
function moneyCents(v: unknown): number {
  // Above 1e13 USD a sum of cents would lose integer precision; no plan holds that much.
  return typeof v === "number" && Number.isFinite(v) && v > 0 && v < 1e13 ? toCents(v) : 0;
}

/**
 * Records come from the parser typed, but the summaries must not trust that blindly (a record built by
 * hand, an import, a future field change): every field is read through these, so a wrong type reads as
 * empty instead of throwing.
 */
function textOf(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isoOf(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

/** The non-empty texts of `values`, each once, in first-seen order. */
function unique(values: readonly unknown[]): string[] {
  const out: string[] = [];
  // An activity has a few countries and agencies: a scan of what is kept beats a Set per call.
  for (let i = 0; i < values.length; i++) {
    const v = textOf(values[i]);
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

function upperCased(values: readonly unknown[]): string[] {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = values[i];
    out[i] = typeof c === "string" ? c.toUpperCase() : "";
  }
  return out;
}

/**
 * The activity's periods. Both dates and end >= start: every period they touch. Only one date: the one
 * period holding it (a one-day activity, so it still shows in its year). No usable date, or end before
 * start: null, which the facts show as one "(undated)" period.
 */
export function activityPeriods(record: ActivityRecord, months: number): PeriodSlice[] | null {
  const startIso = isoOf(record.startDate);
  const endIso = isoOf(record.endDate);
  const start = startIso ? dayNumber(startIso) : null;
  const end = endIso ? dayNumber(endIso) : null;
  if (start !== null && end !== null) return end >= start ? periodsBetween(start, end, months) : null;
  const only = start ?? end;
  return only === null ? null : periodsBetween(only, only, months);
}

export function digestActivity(
  a: { row: number; record: ActivityRecord },
  input: Pick<SummaryInput, "rowsWithErrors" | "scores" | "periodMonths">,
  lookups: Lookups,
  asOfDay: number | null,
): ActivityDigest {
  const r = a.record;
  const hasErrors = input.rowsWithErrors.has(a.row);
  // Each level is what the user entered; a blank one is derived from the level below through the
  // framework (or the dotted code), so a row with only an approach still lands under its outcome.
  const approach = textOf(r.approach);
  const subOutcome = textOf(r.subOutcome) || lookups.approachParent.get(approach) || parentCode(approach);
  const outcome = textOf(r.outcome) || lookups.subOutcomeParent.get(subOutcome) || parentCode(subOutcome);
  const id = textOf(r.id);
  const budgetCents = hasErrors ? 0 : moneyCents(r.budgetUsd);
  const fundedCents = hasErrors ? 0 : Math.min(moneyCents(r.fundedUsd), budgetCents);
  const progress =
    !hasErrors && typeof r.progress === "number" && Number.isFinite(r.progress) && r.progress >= 0 && r.progress <= 1
      ? r.progress
      : null;
  const scored = hasErrors ? undefined : input.scores.get(id);
  const endIso = isoOf(r.endDate);
  const endDay = endIso ? dayNumber(endIso) : null;
  const status = textOf(r.status);
  return {
    row: a.row,
    id,
    title: textOf(r.title),
    outcome,
    subOutcome,
    approach,
    level: textOf(r.level),
    status,
    stage: textOf(r.stage),
    agencies: unique(listOf(r.leadAgencies)),
    countries: unique(upperCased(listOf(r.countries))),
    periods: activityPeriods(r, input.periodMonths),
    hasErrors,
    budgetCents,
    fundedCents,
    gapCents: budgetCents - fundedCents,
    progress,
    score: scored && typeof scored.score === "number" && Number.isFinite(scored.score) ? scored.score : null,
    band: scored?.band ?? null,
    overdue: asOfDay !== null && endDay !== null && endDay < asOfDay && !FINAL_STATUSES.has(status),
  };
}
