/**
 * rankAll settles ties through tieOrder (the tie rule sorted once). Its ranks must be exactly those of
 * sorting by compareForRank, the rule as written, with many equal scores, engagements and dates.
 */
import fc from "fast-check";
import { compareForRank, rankAll } from "../../src/core/score";
import { tieOrder, type RankKey } from "../../src/core/score/rank";

const keyArb = fc.record({
  score: fc.option(
    fc.integer({ min: 0, max: 6 }).map((x) => x / 2),
    { nil: null },
  ),
  engagement: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  startDate: fc.option(fc.constantFrom("2024-01-01", "2024-06-01", "2025-01-01"), { nil: null }),
  id: fc.constantFrom("A", "B", "b", ""),
});

const keysArb = fc.array(keyArb, { maxLength: 60 }).map((ks) => ks.map((k, i): RankKey => ({ ...k, row: 100 - i })));

/** The rule as written: sort the scored keys with compareForRank, rank = place + 1. */
function naiveRanks(keys: readonly RankKey[], scores: readonly (number | null)[]): (number | null)[] {
  const scored = keys.flatMap((k, i) => (scores[i] === null ? [] : [{ ...k, score: scores[i]!, i }]));
  scored.sort(compareForRank);
  const ranks: (number | null)[] = keys.map(() => null);
  scored.forEach((k, p) => (ranks[k.i] = p + 1));
  return ranks;
}

describe("rankAll with the tie order", () => {
  test("gives the ranks of sorting by compareForRank, for the keys' scores and for other scores", () => {
    fc.assert(
      fc.property(keysArb, fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), (keys, other) => {
        expect(rankAll(keys)).toEqual(
          naiveRanks(
            keys,
            keys.map((k) => k.score),
          ),
        );
        const moved = keys.map((k, i) => (k.score === null ? null : (other[i] ?? 0)));
        expect(rankAll(keys, moved, tieOrder(keys))).toEqual(naiveRanks(keys, moved));
      }),
      { numRuns: 300 },
    );
  });

  test("takes the comparison sort, with the same ranks, for scores off the tenths grid or ties that are not a permutation", () => {
    const offGrid = fc.oneof(
      fc.constantFrom(0.05, 0.30000000000000004, -0.1, 100.1, 1e9, -Infinity, Infinity),
      fc.double({ min: -10, max: 110, noNaN: true }),
    );
    fc.assert(
      fc.property(keysArb, fc.array(fc.option(offGrid, { nil: null }), { maxLength: 60 }), (keys, other) => {
        const moved = keys.map((k, i) => (k.score === null ? null : (other[i] ?? 0)));
        expect(rankAll(keys, moved, tieOrder(keys))).toEqual(naiveRanks(keys, moved));
      }),
      { numRuns: 300 },
    );
    // Ties given as places that repeat: the sort settles them as before (stable on equal places).
    const keys: RankKey[] = [3, 1, 2, 5, 4].map((row) => ({
      score: 1,
      engagement: null,
      startDate: null,
      id: "",
      row,
    }));
    const scores = keys.map(() => 1);
    const flat = keys.map(() => 0);
    const expected = keys.map((_, i) => i + 1);
    expect(rankAll(keys, scores, flat)).toEqual(expected);
  });

  test("scores on the tenths grid from 0 to 100 rank as the rule says, ties and all", () => {
    const tenth = fc.integer({ min: 0, max: 1000 }).map((t) => t / 10);
    fc.assert(
      fc.property(keysArb, fc.array(fc.option(tenth, { nil: null }), { maxLength: 60 }), (keys, other) => {
        const moved = keys.map((k, i) => (k.score === null ? null : (other[i] ?? 100)));
        expect(rankAll(keys, moved, tieOrder(keys))).toEqual(naiveRanks(keys, moved));
      }),
      { numRuns: 300 },
    );
  });
});
