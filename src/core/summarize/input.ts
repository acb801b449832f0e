/**
 * What the summaries need, as a minimal interface of their own, so the summary engine does not wait on
 * (or break with) the parser, validator, scorer or settings modules. The use case in
 * src/app/summarize.ts maps the real modules onto it; tests build it by hand.
 */
import type { ActivityRecord } from "../activity/record";

export interface FrameworkEntry {
  readonly code: string;
  readonly title: string;
}

/** The part of the framework index the summaries read. FrameworkIndex satisfies it as it is. */
export interface FrameworkLike {
  readonly outcomes: readonly FrameworkEntry[];
  readonly subOutcomes: readonly (FrameworkEntry & { readonly outcome?: string })[];
  readonly approaches: readonly (FrameworkEntry & { readonly subOutcome?: string; readonly outcome?: string })[];
}

export interface CountryInfo {
  readonly iso3: string;
  readonly name: string;
  readonly region: string;
  /** A priority country with an ICCWC roadmap. */
  readonly priority: boolean;
}

export interface ScoreInfo {
  /** 0..100, or null when the row could not be scored. */
  readonly score: number | null;
  /** "High" | "Medium" | "Low", or null. */
  readonly band: string | null;
}

export interface SummaryActivity {
  /** Sheet row number (1-based) of the activity in Activities. */
  readonly row: number;
  readonly record: ActivityRecord;
}

export interface SummaryInput {
  readonly activities: readonly SummaryActivity[];
  /** Sheet rows that have at least one validation error: their money is not counted (see docs/summaries.md). */
  readonly rowsWithErrors: ReadonlySet<number>;
  /** Score and band by activity ID. A row missing here has a blank score. */
  readonly scores: ReadonlyMap<string, ScoreInfo>;
  /** Reporting period length in months, 1..12; periods are aligned to January. */
  readonly periodMonths: number;
  /** The Countries table (priority flags, names, regions). */
  readonly countries: readonly CountryInfo[];
  /** Name and region of a country that is not in the Countries table (the reference list), if known. */
  readonly describeCountry?: (iso3: string) => { name: string; region: string } | undefined;
  readonly framework: FrameworkLike;
  /** "YYYY-MM-DD": the date against which "overdue" is judged. */
  readonly asOf: string;
  /** "YYYY-MM-DD": the stamp written on the Summaries sheet. */
  readonly generatedOn: string;
}
