/**
 * The tidy facts table: one row per activity x country x lead agency x reporting period, so that a
 * PivotTable can slice by any of them and never count money twice. The activity's whole (share 1, its
 * budget, funded amount and gap) is split over its countries and agencies evenly, and over its periods
 * by the number of its days in each, in exact integer units (see allocate.ts).
 */
import { allocateUnits } from "./allocate";
import type { ActivityDigest, Lookups } from "./digest";
import { NO_AGENCY, NO_COUNTRY } from "./digest";
import { excelSerialOfDay, UNDATED_PERIOD, type PeriodSlice } from "./periods";

/** Activity shares are split in millionths: fine enough for any plan, coarse enough to read. */
export const SHARE_UNITS = 1_000_000;

/**
 * One fact row. The row keeps only what is its own (country, agency, period and its integer shares)
 * and reads the rest from its activity's digest through getters: at 100,000 activities there are
 * hundreds of thousands of rows, and copying twenty fields into each would multiply memory and time.
 */
export class FactRow {
  constructor(
    private readonly d: ActivityDigest,
    private readonly titles: FactRowTitles,
    readonly country: string,
    private readonly countryInfo: { name: string; region: string },
    readonly leadAgency: string,
    private readonly slice: PeriodSlice | null,
    /** Integer units behind the shares, kept so roll-ups add exactly. */
    readonly shareUnits: number,
    readonly fundedCents: number,
    readonly gapCents: number,
  ) {}
  get id(): string {
    return this.d.id;
  }
  get activity(): string {
    return this.d.title;
  }
  get outcome(): string {
    return this.d.outcome;
  }
  get outcomeTitle(): string {
    return this.titles.outcome;
  }
  get subOutcome(): string {
    return this.d.subOutcome;
  }
  get subOutcomeTitle(): string {
    return this.titles.subOutcome;
  }
  get approach(): string {
    return this.d.approach;
  }
  get approachTitle(): string {
    return this.titles.approach;
  }
  get level(): string {
    return this.d.level;
  }
  get countryName(): string {
    return this.countryInfo.name;
  }
  get region(): string {
    return this.countryInfo.region;
  }
  get status(): string {
    return this.d.status;
  }
  get stage(): string {
    return this.d.stage;
  }
  /** "2024-Q3", "2024-P05" or "(undated)". */
  get period(): string {
    return this.slice ? this.slice.label : UNDATED_PERIOD;
  }
  /** Excel serial of the period's first day, or null when undated. */
  get periodStart(): number | null {
    return this.slice ? excelSerialOfDay(this.slice.startDay) : null;
  }
  get year(): number | null {
    return this.slice ? this.slice.year : null;
  }
  get score(): number | null {
    return this.d.score;
  }
  get band(): string | null {
    return this.d.band;
  }
  get hasErrors(): boolean {
    return this.d.hasErrors;
  }
  get progress(): number | null {
    return this.d.progress;
  }
  /** Budget is funded plus gap cell by cell, so the three columns agree on every row. */
  get budgetCents(): number {
    return this.fundedCents + this.gapCents;
  }
  get activityShare(): number {
    return this.shareUnits / SHARE_UNITS;
  }
  get budgetShare(): number {
    return (this.fundedCents + this.gapCents) / 100;
  }
  get fundedShare(): number {
    return this.fundedCents / 100;
  }
  get gapShare(): number {
    return this.gapCents / 100;
  }
}

/** Number of fact rows of one activity: countries x lead agencies x periods (each at least one). */
export function factCountOf(d: ActivityDigest): number {
  return Math.max(1, d.countries.length) * Math.max(1, d.agencies.length) * (d.periods ? d.periods.length : 1);
}

/**
 * Visit the fact rows of one activity in table order (country, then agency, then period) with their
 * shares, without building a row object: the roll-ups only add the shares up.
 */
export function splitActivity(
  d: ActivityDigest,
  visit: (
    country: string,
    agency: string,
    slice: PeriodSlice | null,
    shareUnits: number,
    fundedCents: number,
    gapCents: number,
  ) => void,
): void {
  const countries = d.countries.length > 0 ? d.countries : ONLY_NO_COUNTRY;
  const agencies = d.agencies.length > 0 ? d.agencies : ONLY_NO_AGENCY;
  const periods = d.periods ?? UNDATED;
  // Weights in cell order: country, then agency, then period. Every country x agency pair weighs the
  // same; within a pair, a period weighs the activity's days in it (1 for the undated period).
  // Indexed loops throughout: this runs for every activity, mostly before the optimiser has compiled
  // it, and for-of allocates an iterator and a result object per step until then.
  const pairs = countries.length * agencies.length;
  const weights = new Array<number>(pairs * periods.length);
  for (let q = 0, k = 0; q < pairs; q++)
    for (let t = 0; t < periods.length; t++) weights[k++] = periods[t] ? periods[t]!.days : 1;
  const shares = allocateUnits(SHARE_UNITS, weights);
  const funded = allocateUnits(d.fundedCents, weights);
  const gap = allocateUnits(d.gapCents, weights);
  let k = 0;
  for (let c = 0; c < countries.length; c++) {
    for (let a = 0; a < agencies.length; a++) {
      for (let t = 0; t < periods.length; t++) {
        visit(countries[c]!, agencies[a]!, periods[t] ?? null, shares[k]!, funded[k]!, gap[k]!);
        k++;
      }
    }
  }
}

const ONLY_NO_COUNTRY: readonly string[] = Object.freeze([NO_COUNTRY]);
const ONLY_NO_AGENCY: readonly string[] = Object.freeze([NO_AGENCY]);
const UNDATED: readonly null[] = Object.freeze([null]);

function titlesOf(d: ActivityDigest, lookups: Lookups): FactRowTitles {
  return {
    outcome: lookups.outcomeTitle.get(d.outcome) ?? "",
    subOutcome: lookups.subOutcomeTitle.get(d.subOutcome) ?? "",
    approach: lookups.approachTitle.get(d.approach) ?? "",
  };
}

type FactRowTitles = { outcome: string; subOutcome: string; approach: string };

/** Call `each` with the fact rows of one activity, in table order (rows not kept: the caller decides). */
export function forEachFact(d: ActivityDigest, lookups: Lookups, each: (row: FactRow) => void): void {
  const titles = titlesOf(d, lookups);
  splitActivity(d, (country, agency, p, share, funded, gap) =>
    each(new FactRow(d, titles, country, lookups.country(country), agency, p, share, funded, gap)),
  );
}

/**
 * The fact rows of one activity from its split as recorded (FactSource.splits, from `at` on: share,
 * funded and gap units per row), in the same order as splitActivity visits them. Returns the next
 * offset.
 */
function forEachRecordedFact(
  d: ActivityDigest,
  lookups: Lookups,
  splits: Float64Array,
  at: number,
  each: (row: FactRow, first: boolean) => void,
): number {
  const titles = titlesOf(d, lookups);
  const countries = d.countries.length > 0 ? d.countries : ONLY_NO_COUNTRY;
  const agencies = d.agencies.length > 0 ? d.agencies : ONLY_NO_AGENCY;
  const periods = d.periods ?? UNDATED;
  let first = true;
  for (let c = 0; c < countries.length; c++) {
    const country = countries[c]!;
    const info = lookups.country(country);
    for (let a = 0; a < agencies.length; a++) {
      for (let t = 0; t < periods.length; t++) {
        const p = periods[t] ?? null;
        each(
          new FactRow(d, titles, country, info, agencies[a]!, p, splits[at]!, splits[at + 1]!, splits[at + 2]!),
          first,
        );
        first = false;
        at += 3;
      }
    }
  }
  return at;
}

/** Append the fact rows of one activity to `out` (appending avoids a temporary array per activity). */
export function appendFacts(d: ActivityDigest, lookups: Lookups, out: FactRow[]): void {
  forEachFact(d, lookups, (row) => out.push(row));
}

/**
 * What the facts table is made from: the digests and lookups. The Summaries keep this instead of the
 * rows, so that the sheet's values block can be made straight from it (one array of cells per row and
 * no row objects kept beside it: at 100,000 activities that is ~650,000 rows).
 */
export interface FactSource {
  readonly digests: readonly ActivityDigest[];
  readonly lookups: Lookups;
  /** Total fact rows, so the layout can place the table without making it. */
  readonly count: number;
  /**
   * The split of every fact row as the roll-ups made it (factMoney): share, funded and gap units, three
   * numbers per row in table order. With it the cells are made without splitting every activity again.
   */
  readonly splits?: Float64Array;
}

const FACT_SOURCES = new WeakMap<object, FactSource>();

export function setFactSource(summaries: object, source: FactSource): void {
  FACT_SOURCES.set(summaries, source);
}

/** The source of a Summaries made by buildSummaries; undefined for one put together by hand (tests). */
export function factSourceOf(summaries: object): FactSource | undefined {
  return FACT_SOURCES.get(summaries);
}

/**
 * Every fact row as cells (`cellsOf` turns one row into its cells; `first` is true on the first row of
 * each activity), each row object dropped once read.
 */
export function factCells<C>(source: FactSource, cellsOf: (row: FactRow, first: boolean) => C): C[] {
  const out = new Array<C>(source.count);
  let i = 0;
  const { splits, lookups } = source;
  if (splits && splits.length === source.count * 3) {
    let at = 0;
    for (const d of source.digests)
      at = forEachRecordedFact(d, lookups, splits, at, (row, first) => (out[i++] = cellsOf(row, first)));
    return out;
  }
  for (const d of source.digests) {
    let first = true;
    forEachFact(d, lookups, (row) => {
      out[i++] = cellsOf(row, first);
      first = false;
    });
  }
  return out;
}
