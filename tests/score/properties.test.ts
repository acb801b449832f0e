import fc from "fast-check";
import type { ActivityRecord } from "../../src/core/activity/record";
import { scoreActivities } from "../../src/core/score";
import type { Settings } from "../../src/core/settings";
import { country, parsedOf, settings } from "./build";

const CODES = ["KEN", "UGA", "TZA", "VNM", "BRA"] as const;
const oneToFive = fc.integer({ min: 1, max: 5 });
const maybe = fc.option(oneToFive, { nil: null });

const arbCountries = fc.tuple(
  ...CODES.map((code) =>
    fc.record({ priority: fc.boolean(), need: maybe, engagement: maybe }).map((p) => country(code, code, p)),
  ),
);

const arbSettings: fc.Arbitrary<Settings> = fc
  .record({
    need: fc.double({ min: 0, max: 10, noNaN: true }),
    valueAdded: fc.double({ min: 0, max: 10, noNaN: true }),
    engagement: fc.double({ min: 0.01, max: 10, noNaN: true }),
    priorityBonus: fc.double({ min: 0, max: 50, noNaN: true }),
    floor: fc.double({ min: 0, max: 1, noNaN: true }),
    mode: fc.constantFrom("minimum" as const, "mean" as const),
    countries: arbCountries,
  })
  .map((s) =>
    settings({
      weights: { need: s.need, valueAdded: s.valueAdded, engagement: s.engagement, priorityBonus: s.priorityBonus },
      engagementFloor: s.floor,
      multiCountryEngagement: s.mode,
      countries: [...s.countries],
    }),
  );

const arbActivity: fc.Arbitrary<Partial<ActivityRecord>> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  countries: fc.subarray([...CODES]),
  need: maybe,
  valueAdded: maybe,
  engagement: maybe,
  budgetUsd: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  fundedUsd: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
});

const scoreOf = (a: Partial<ActivityRecord>, s: Settings) =>
  scoreActivities(parsedOf([a]), s, { skipSensitivity: true }).activities[0]!.score;

describe("score: invariants", () => {
  test.each(["need", "valueAdded", "engagement"] as const)("raising %s on the row never lowers a score", (field) => {
    fc.assert(
      fc.property(arbSettings, arbActivity, oneToFive, oneToFive, (s, a, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const low = scoreOf({ ...a, [field]: lo }, s);
        const high = scoreOf({ ...a, [field]: hi }, s);
        if (low === null) return true; // the other inputs are missing: both are null
        expect(high).not.toBeNull();
        expect(high!).toBeGreaterThanOrEqual(low);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  // Raising means a filled value going up; filling a blank is not raising (a blank country is left out of the mean).
  test("raising a country's need or engagement never lowers a score", () => {
    fc.assert(
      fc.property(
        arbSettings,
        arbActivity,
        fc.integer({ min: 0, max: CODES.length - 1 }),
        fc.constantFrom("need" as const, "engagement" as const),
        (s, a, ci, field) => {
          const before = scoreOf(a, s);
          const raised = s.countries.map((c, i) =>
            i === ci && c[field] !== null ? { ...c, [field]: Math.min(5, c[field]! + 1) } : c,
          );
          const after = scoreOf(a, { ...s, countries: raised });
          if (before !== null) {
            expect(after).not.toBeNull();
            expect(after!).toBeGreaterThanOrEqual(before);
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  test("scores stay within 0..100, and a scored row has a rank and a band, an unscored row a reason", () => {
    fc.assert(
      fc.property(arbSettings, fc.array(arbActivity, { maxLength: 15 }), (s, acts) => {
        for (const a of scoreActivities(parsedOf(acts), s).activities) {
          if (a.score === null) {
            expect(a.reason).toMatch(/^Not scored: /);
            expect(a.rank).toBeNull();
          } else {
            expect(a.score).toBeGreaterThanOrEqual(0);
            expect(a.score).toBeLessThanOrEqual(100);
            expect(a.rank).not.toBeNull();
            expect(a.band).not.toBeNull();
            expect(a.sensitivity).not.toBeNull();
          }
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });

  test("adding or removing a row never changes another row's score, and ranks stay a permutation", () => {
    fc.assert(
      fc.property(
        arbSettings,
        fc.array(arbActivity, { minLength: 1, maxLength: 15 }),
        arbActivity,
        (s, acts, extra) => {
          const before = scoreActivities(parsedOf(acts), s, { skipSensitivity: true }).activities;
          const after = scoreActivities(parsedOf([...acts, extra]), s, { skipSensitivity: true }).activities;
          expect(after.slice(0, acts.length).map((a) => a.score)).toEqual(before.map((a) => a.score));
          const ranks = after
            .map((a) => a.rank)
            .filter((r): r is number => r !== null)
            .sort((x, y) => x - y);
          expect(ranks).toEqual(ranks.map((_, i) => i + 1));
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("funding line: invariants on activities", () => {
  test("recommended gaps never exceed the funds; only candidates with a gap are recommended", () => {
    fc.assert(
      fc.property(
        arbSettings,
        fc.array(arbActivity, { maxLength: 20 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (s, acts, funds) => {
          const r = scoreActivities(parsedOf(acts), { ...s, availableFundsUsd: funds }, { skipSensitivity: true });
          const chosen = r.activities.filter((a) => a.funding === "recommended");
          const total = chosen.reduce((sum, a) => sum + a.gapUsd!, 0);
          expect(total).toBeLessThanOrEqual(funds);
          expect(r.funding.recommendedUsd).toBe(total);
          for (const a of chosen) {
            expect(a.score).not.toBeNull();
            expect(a.gapUsd!).toBeGreaterThan(0);
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
