/** What scoring yields, per activity and for the plan. Plain data: the JSON and the sheet columns are views of it. */
import type { WeightKey } from "../settings/types";

export type Band = "High" | "Medium" | "Low";
/** "not a candidate": scored but nothing to fund (no budget, or cancelled/completed). "not scored": invalid row. */
export type FundingStatus = "funded" | "recommended" | "below the line" | "not a candidate" | "not scored";
export type Sensitivity = "stable" | "sensitive";

/** One criterion's share of the score, in words and numbers. */
export interface Contribution {
  criterion: string;
  /** Points added (points and bonus criteria) or the factor applied (multipliers). */
  points: number;
  kind: "points" | "multiplier" | "bonus";
  text: string;
}

/** The three inputs after resolving row values and country values. */
export interface ResolvedInput {
  value: number;
  /** Where it came from, for the breakdown: "row", or the countries used ("Kenya", "mean of Kenya 4, Uganda 3"). */
  source: string;
}

export interface ScoreInputs {
  need: ResolvedInput | null;
  valueAdded: ResolvedInput | null;
  engagement: ResolvedInput | null;
  /** Names of the activity's priority (roadmap) countries. */
  priorityCountries: string[];
}

export interface ActivityScore {
  /** Sheet row of the activity. */
  row: number;
  id: string;
  /** 0..100, one decimal; null when the row could not be scored (see reason). */
  score: number | null;
  /** 1 = highest; null when not scored. Ties broken by the rule in rank.ts. */
  rank: number | null;
  band: Band | null;
  contributions: Contribution[];
  /** The contributions in one line, or the reason when not scored. */
  breakdown: string;
  funding: FundingStatus;
  /** Budget minus funded, USD (null when the budget is blank). */
  gapUsd: number | null;
  sensitivity: Sensitivity | null;
  /** Which weight change moved this activity, when sensitive. */
  sensitivityNote: string | null;
  /** Why the row has no score, or null. */
  reason: string | null;
  /** Engagement used (for tie-breaks and summaries), or null. */
  engagement: number | null;
}

export interface FundingLine {
  availableFundsUsd: number;
  /** Sum of the gaps of the recommended activities (never above availableFundsUsd). */
  recommendedUsd: number;
  recommendedScore: number;
  candidates: number;
  /** "dp" and "branch-and-bound" are exact; "greedy" guarantees at least half the optimum. */
  method: "none" | "dp" | "branch-and-bound" | "greedy";
  exact: boolean;
  /** An upper bound on the best possible total score (the fractional relaxation), for the greedy case. */
  upperBoundScore: number;
  note: string;
}

export interface RollupRow {
  key: string;
  label: string;
  count: number;
  scored: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** USD of gaps recommended for funding among these activities. */
  recommendedGapUsd: number;
}

export interface Rollups {
  outcome: RollupRow[];
  subOutcome: RollupRow[];
  approach: RollupRow[];
  country: RollupRow[];
  leadAgency: RollupRow[];
}

export interface SensitivityRun {
  weight: WeightKey;
  change: "+20%" | "-20%";
  /** Activities whose band changed or whose rank moved by more than the threshold. */
  moved: number;
}

export interface ScoreResult {
  activities: ActivityScore[];
  funding: FundingLine;
  sensitivity: { thresholdPlaces: number; runs: SensitivityRun[] };
  rollups: Rollups;
}
