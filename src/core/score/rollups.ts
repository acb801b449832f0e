/**
 * Roll-ups of the score by outcome, sub-outcome, approach, country and lead agency, for the summaries.
 * An activity in several countries (or with joint leads) counts once in each of them; activities
 * without a score count in `count` but not in the statistics.
 */
import type { ActivityRecord } from "../activity/record";
import type { RollupRow, Rollups, FundingStatus } from "./types";

interface Acc {
  count: number;
  scored: number;
  sum: number;
  min: number;
  max: number;
  gap: number;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function rollups(
  records: readonly ActivityRecord[],
  scores: readonly (number | null)[],
  funding: readonly FundingStatus[],
  gaps: readonly (number | null)[],
  label: (dimension: keyof Rollups, key: string) => string = (_d, k) => k,
): Rollups {
  const dims: { [K in keyof Rollups]: (r: ActivityRecord) => readonly string[] } = {
    outcome: (r) => [r.outcome],
    subOutcome: (r) => [r.subOutcome],
    approach: (r) => [r.approach],
    country: (r) => (r.countries.length > 0 ? [...new Set(r.countries)] : ["(none)"]),
    leadAgency: (r) => (r.leadAgencies.length > 0 ? [...new Set(r.leadAgencies)] : ["(none)"]),
  };
  const out = {} as Rollups;
  for (const dim of Object.keys(dims) as (keyof Rollups)[]) {
    // A Map: a key typed by a user ("__proto__", "constructor") is just a key.
    const groups = new Map<string, Acc>();
    records.forEach((r, i) => {
      for (const raw of dims[dim](r)) {
        const key = raw === "" ? "(blank)" : raw;
        let a = groups.get(key);
        if (!a) {
          a = { count: 0, scored: 0, sum: 0, min: Infinity, max: -Infinity, gap: 0 };
          groups.set(key, a);
        }
        a.count++;
        const s = scores[i];
        if (s !== null && s !== undefined) {
          a.scored++;
          a.sum += s;
          a.min = Math.min(a.min, s);
          a.max = Math.max(a.max, s);
        }
        if (funding[i] === "recommended") a.gap += gaps[i] ?? 0;
      }
    });
    out[dim] = [...groups.entries()]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([key, a]): RollupRow => ({
        key,
        label: label(dim, key),
        count: a.count,
        scored: a.scored,
        mean: a.scored > 0 ? Math.round((a.sum / a.scored) * 10) / 10 : null,
        min: a.scored > 0 ? a.min : null,
        max: a.scored > 0 ? a.max : null,
        recommendedGapUsd: a.gap,
      }));
  }
  return out;
}
