/** The JSON the CLI prints for `iccwc-plan score --json`: one shape, shared by every surface. */
import type { ScoreResult } from "./types";

export interface ScoreJson {
  activities: {
    id: string;
    row: number;
    score: number | null;
    rank: number | null;
    band: string | null;
    breakdown: string;
    funding: string;
    gapUsd: number | null;
    sensitivity: string | null;
    sensitivityNote: string | null;
    reason: string | null;
  }[];
  funding: ScoreResult["funding"];
  sensitivity: ScoreResult["sensitivity"];
  rollups: ScoreResult["rollups"];
}

export function scoreResultToJson(result: ScoreResult): ScoreJson {
  return {
    activities: result.activities.map((a) => ({
      id: a.id,
      row: a.row,
      score: a.score,
      rank: a.rank,
      band: a.band,
      // For a row without a score the breakdown is its reason: the JSON keeps the two apart.
      breakdown: a.score === null ? "" : a.breakdown,
      funding: a.funding,
      gapUsd: a.gapUsd,
      sensitivity: a.sensitivity,
      sensitivityNote: a.sensitivityNote,
      reason: a.reason,
    })),
    funding: result.funding,
    sensitivity: result.sensitivity,
    rollups: result.rollups,
  };
}
