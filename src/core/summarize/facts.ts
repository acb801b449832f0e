/**
 * The tidy facts table: one row per activity x country x lead agency x reporting period, so that a
 * PivotTable can slice by any of them and never count money twice. The activity's whole (share 1, its
 * budget, funded amount and gap) is split over its countries and agencies evenly, and over its periods
 * by the number of its days in each, in exact integer units (see allocate.ts).
 */
import { allocateUnits } from "./allocate";
import type { ActivityDigest, Lookups } from "./digest";
import { NO_AGENCY, NO_COUNTRY } from "./digest";
import { excelSerialOfDay, UNDATED_PERIOD } from "./periods";

/** Activity shares are split in millionths: fine enough for any plan, coarse enough to read. */
export const SHARE_UNITS = 1_000_000;

export interface FactRow {
  id: string;
  activity: string;
  outcome: string;
  outcomeTitle: string;
  subOutcome: string;
  subOutcomeTitle: string;
  approach: string;
  approachTitle: string;
  leadAgency: string;
  level: string;
  country: string;
  countryName: string;
  region: string;
  status: string;
  stage: string;
  /** "2024-Q3", "2024-P05" or "(undated)". */
  period: string;
  /** Excel serial of the period's first day, or null when undated. */
  periodStart: number | null;
  year: number | null;
  score: number | null;
  band: string | null;
  hasErrors: boolean;
  activityShare: number;
  budgetShare: number;
  fundedShare: number;
  gapShare: number;
  progress: number | null;
  /** Integer units behind the shares, kept so roll-ups add exactly (not written to the sheet). */
  shareUnits: number;
  budgetCents: number;
  fundedCents: number;
  gapCents: number;
}

/** Append the fact rows of one activity to `out` (appending avoids a temporary array per activity). */
export function appendFacts(d: ActivityDigest, lookups: Lookups, out: FactRow[]): void {
  const countries = d.countries.length > 0 ? d.countries : [NO_COUNTRY];
  const agencies = d.agencies.length > 0 ? d.agencies : [NO_AGENCY];
  const periods = d.periods ?? [null];
  // Weights in cell order: country, then agency, then period. Every country x agency pair weighs the
  // same; within a pair, a period weighs the activity's days in it (1 for the undated period).
  const weights: number[] = [];
  for (let c = 0; c < countries.length; c++)
    for (let a = 0; a < agencies.length; a++) for (const p of periods) weights.push(p ? p.days : 1);
  const shares = allocateUnits(SHARE_UNITS, weights);
  const funded = allocateUnits(d.fundedCents, weights);
  const gap = allocateUnits(d.gapCents, weights);
  const outcomeTitle = lookups.outcomeTitle.get(d.outcome) ?? "";
  const subOutcomeTitle = lookups.subOutcomeTitle.get(d.subOutcome) ?? "";
  const approachTitle = lookups.approachTitle.get(d.approach) ?? "";
  let k = 0;
  for (const country of countries) {
    const info = lookups.country(country);
    for (const agency of agencies) {
      for (const p of periods) {
        const units = shares[k]!;
        const f = funded[k]!;
        const g = gap[k]!;
        k++;
        out.push({
          id: d.id,
          activity: d.title,
          outcome: d.outcome,
          outcomeTitle,
          subOutcome: d.subOutcome,
          subOutcomeTitle,
          approach: d.approach,
          approachTitle,
          leadAgency: agency,
          level: d.level,
          country,
          countryName: info.name,
          region: info.region,
          status: d.status,
          stage: d.stage,
          period: p ? p.label : UNDATED_PERIOD,
          periodStart: p ? excelSerialOfDay(p.startDay) : null,
          year: p ? p.year : null,
          score: d.score,
          band: d.band,
          hasErrors: d.hasErrors,
          activityShare: units / SHARE_UNITS,
          // Budget is funded plus gap cell by cell, so the three columns agree on every row.
          budgetShare: (f + g) / 100,
          fundedShare: f / 100,
          gapShare: g / 100,
          progress: d.progress,
          shareUnits: units,
          budgetCents: f + g,
          fundedCents: f,
          gapCents: g,
        });
      }
    }
  }
}
