/**
 * scoreActivities resolves and scores each distinct combination of need, value added, engagement and
 * countries once, and the sensitivity runs rescore each shared inputs object once. Both must give
 * exactly what scoring every row apart gives: the per-row figures of a one-row plan, and the
 * sensitivity analysis done row by row as docs/scoring.md words it.
 */
import fc from "fast-check";
import type { ActivityRecord } from "../../src/core/activity/record";
import {
  bandFor,
  compareForRank,
  indexCountries,
  resolveInputs,
  scaleFor,
  scoreActivities,
  scoreInputs,
  type ActivityScore,
  type ScoreInputs,
} from "../../src/core/score";
import type { RankKey } from "../../src/core/score/rank";
import type { Settings, WeightKey } from "../../src/core/settings";
import { country, parsedOf, settings } from "./build";

const CODES = ["KEN", "UGA", "TZA", "VNM"] as const;
const maybe = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

const arbSettings: fc.Arbitrary<Settings> = fc
  .record({
    need: fc.integer({ min: 0, max: 10 }),
    valueAdded: fc.integer({ min: 0, max: 10 }),
    engagement: fc.integer({ min: 1, max: 10 }),
    priorityBonus: fc.integer({ min: 0, max: 30 }),
    mode: fc.constantFrom("minimum" as const, "mean" as const),
    places: fc.integer({ min: 0, max: 3 }),
    countries: fc.tuple(
      ...CODES.map((code) =>
        fc.record({ priority: fc.boolean(), need: maybe, engagement: maybe }).map((p) => country(code, code, p)),
      ),
    ),
  })
  .map((s) =>
    settings({
      weights: { need: s.need, valueAdded: s.valueAdded, engagement: s.engagement, priorityBonus: s.priorityBonus },
      multiCountryEngagement: s.mode,
      rankSensitivityPlaces: s.places,
      countries: [...s.countries],
    }),
  );

// Few values per field, so that many rows share their inputs.
const arbActivity: fc.Arbitrary<Partial<ActivityRecord>> = fc.record({
  countries: fc.subarray([...CODES], { maxLength: 2 }),
  need: fc.option(fc.integer({ min: 2, max: 4 }), { nil: null }),
  valueAdded: fc.constantFrom(3, 5),
  engagement: fc.option(fc.integer({ min: 3, max: 4 }), { nil: null }),
  startDate: fc.constantFrom("2024-01-01", "2025-01-01"),
});

/** The rule as docs/scoring.md words it, row by row: each weight +20% and -20%, rescore, rerank, compare. */
function naiveSensitivity(inputs: (ScoreInputs | null)[], keys: RankKey[], s: Settings) {
  const ranksOf = (scores: (number | null)[]) => {
    const order = keys.flatMap((k, i) => (scores[i] === null ? [] : [{ ...k, score: scores[i]!, i }]));
    order.sort(compareForRank);
    const ranks: (number | null)[] = keys.map(() => null);
    order.forEach((k, p) => (ranks[k.i] = p + 1));
    return ranks;
  };
  const base = keys.map((k) => k.score);
  const baseRanks = ranksOf(base);
  const flags = baseRanks.map((r): "stable" | "sensitive" | null => (r === null ? null : "stable"));
  const notes: (string | null)[] = keys.map(() => null);
  const runs: { weight: WeightKey; change: string; moved: number }[] = [];
  const labels = {
    need: "Need weight",
    valueAdded: "Value added weight",
    engagement: "Engagement weight",
    priorityBonus: "Priority country bonus",
  };
  for (const weight of ["need", "valueAdded", "engagement", "priorityBonus"] as const) {
    for (const [change, factor] of [
      ["+20%", 1.2],
      ["-20%", 0.8],
    ] as const) {
      const moved = { ...s, weights: { ...s.weights, [weight]: s.weights[weight] * factor } };
      const scores = inputs.map((inp, i) =>
        inp && baseRanks[i] !== null ? scoreInputs(inp, moved, scaleFor(moved)).score : null,
      );
      const ranks = ranksOf(scores);
      let count = 0;
      scores.forEach((sc, i) => {
        if (sc === null || ranks[i] === null || baseRanks[i] === null) return;
        const band = bandFor(sc, moved);
        const baseBand = bandFor(base[i]!, s);
        const bandChanged = band !== baseBand;
        if (!bandChanged && Math.abs(ranks[i]! - baseRanks[i]!) <= s.rankSensitivityPlaces) return;
        count++;
        if (flags[i] === "sensitive") return;
        flags[i] = "sensitive";
        notes[i] = bandChanged
          ? `${labels[weight]} ${change}: band ${baseBand} -> ${band}`
          : `${labels[weight]} ${change}: rank ${baseRanks[i]} -> ${ranks[i]}`;
      });
      runs.push({ weight, change, moved: count });
    }
  }
  return { flags, notes, runs };
}

const perRow = (a: ActivityScore) => ({
  score: a.score,
  band: a.band,
  breakdown: a.breakdown,
  reason: a.reason,
  contributions: a.contributions,
  engagement: a.engagement,
});

describe("scoring rows that share their inputs", () => {
  test("each row gets what it gets scored alone, and the sensitivity of the rule applied row by row", () => {
    fc.assert(
      fc.property(arbSettings, fc.array(arbActivity, { minLength: 1, maxLength: 30 }), (s, base) => {
        // Every activity twice (another ID), so that at least half the rows share inputs.
        const activities = [...base, ...base.map((a, i) => ({ ...a, id: `B-${i}` }))];
        const parsed = parsedOf(activities);
        const full = scoreActivities(parsed, s);
        activities.forEach((a, i) => {
          const alone = scoreActivities(parsedOf([a]), s, { skipSensitivity: true }).activities[0]!;
          expect(perRow(full.activities[i]!)).toEqual(perRow(alone));
        });
        // No two activities share a contributions array: each row's is its own, as before the sharing.
        const arrays = full.activities.map((a) => a.contributions).filter((c) => c.length > 0);
        expect(new Set(arrays).size).toBe(arrays.length);

        const index = indexCountries(s.countries);
        const fresh = parsed.rows.map((r, i) =>
          full.activities[i]!.score === null ? null : resolveInputs(r.record, index, s),
        );
        const keys: RankKey[] = full.activities.map((a, i) => ({
          score: a.score,
          engagement: a.engagement,
          startDate: parsed.rows[i]!.record.startDate,
          id: a.id,
          row: a.row,
        }));
        const plain = naiveSensitivity(fresh, keys, s);
        expect(full.activities.map((a) => a.sensitivity)).toEqual(plain.flags);
        expect(full.activities.map((a) => a.sensitivityNote)).toEqual(plain.notes);
        expect(full.sensitivity.runs).toEqual(plain.runs);
      }),
      { numRuns: 200 },
    );
  });
});
