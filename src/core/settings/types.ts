/**
 * Settings as the scoring, summaries and import features see them, after parsing the Settings and
 * Countries sheets. Every field has a documented default (see ./definitions.ts and docs/scoring.md).
 */

/** Criterion weights. Points criteria (need, value added, engagement) are relative: the engine divides
 * each by their sum. The priority bonus is in points out of 100. */
export interface Weights {
  /** @default 0.4 */
  need: number;
  /** @default 0.35 */
  valueAdded: number;
  /** @default 0.25 */
  engagement: number;
  /** Points (0..50) added when an activity serves at least one priority (roadmap) country. @default 10 */
  priorityBonus: number;
}

export type WeightKey = keyof Weights;

export interface Bands {
  /** A score at or above this is High. @default 70 */
  high: number;
  /** A score at or above this (and below High) is Medium; below it is Low. @default 45 */
  medium: number;
}

export type MultiCountryEngagement = "minimum" | "mean";
export type ImportDateOrder = "day-first" | "month-first" | "";

export interface CountrySetting {
  iso3: string;
  name: string;
  region: string;
  /** A priority country with an ICCWC roadmap. @default false */
  priority: boolean;
  /** 1..5, or null when blank. */
  need: number | null;
  /** 1..5, or null when blank. */
  engagement: number | null;
  /** Sheet row of the country in tblCountries, or null for a default row. */
  row: number | null;
}

export interface Settings {
  weights: Weights;
  /** Engagement multiplier at engagement 1/5 (it rises linearly to 1 at 5/5). 0..1. @default 0.4 */
  engagementFloor: number;
  /** How the engagement of an activity's several countries combine. @default "minimum" */
  multiCountryEngagement: MultiCountryEngagement;
  bands: Bands;
  /** Money available to fund gaps, USD. @default 0 */
  availableFundsUsd: number;
  /** Reporting period length in months (1, 2, 3, 4, 6 or 12). @default 3 */
  periodMonths: number;
  /** Rank moves beyond this many places under a +/-20% weight change mark an activity "sensitive". @default 5 */
  rankSensitivityPlaces: number;
  /** How the import reads ambiguous dates such as 03/04/2024; "" means report, do not guess. @default "" */
  importDateOrder: ImportDateOrder;
  /** Rows of tblCountries (or nothing when the sheet is missing: see settingsSheetChanges for defaults). */
  countries: CountrySetting[];
}
