import fc from "fast-check";
import { solveKnapsack, type KnapsackItem } from "../../src/core/score";

/** Every subset: the true optimum, for n <= 12. */
function bruteForce(items: KnapsackItem[], funds: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let cost = 0;
    let value = 0;
    items.forEach((it, i) => {
      if (mask & (1 << i)) {
        cost += it.cost;
        value += it.value;
      }
    });
    if (cost <= funds && value > best) best = value;
  }
  return best;
}

const arbItem = fc.record({ cost: fc.integer({ min: 1, max: 400_000 }), value: fc.integer({ min: 0, max: 1000 }) });
const arbCentItem = fc.record({
  cost: fc.integer({ min: 1, max: 4_000_000 }).map((c) => c / 100),
  value: fc.integer({ min: 0, max: 1000 }),
});

describe("funding line: 0/1 knapsack", () => {
  test("a hand-computed case: the best pair beats the best single activity", () => {
    // Funds 100,000. A: 60,000 for 80.0; B: 50,000 for 60.0; C: 50,000 for 55.0.
    // A alone = 80.0 (B or C no longer fit); B + C = 115.0 for exactly 100,000: the optimum.
    const r = solveKnapsack(
      [
        { cost: 60_000, value: 800 },
        { cost: 50_000, value: 600 },
        { cost: 50_000, value: 550 },
      ],
      100_000,
    );
    expect(r.chosen).toEqual([false, true, true]);
    expect(r.totalValue).toBe(1150);
    expect(r.totalCost).toBe(100_000);
    expect(r.exact).toBe(true);
  });

  test.each([
    ["whole dollars", arbItem],
    ["cents", arbCentItem],
  ])("never exceeds the funds and equals the brute-force optimum (n <= 12, %s)", (_name, arb) => {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), fc.integer({ min: 0, max: 1_500_000 }), (items, funds) => {
        const r = solveKnapsack(items, funds);
        const cost = items.reduce((s, it, i) => (r.chosen[i] ? s + it.cost : s), 0);
        const value = items.reduce((s, it, i) => (r.chosen[i] ? s + it.value : s), 0);
        expect(cost).toBeLessThanOrEqual(funds + 1e-9);
        expect(value).toBe(bruteForce(items, funds));
        expect(r.totalValue).toBe(value);
        expect(r.exact).toBe(true);
        expect(r.upperBound).toBeGreaterThanOrEqual(value - 1e-9);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  test("branch and bound is exact when the money is too fine-grained for the table", () => {
    // Costs with a gcd of 1 cent and funds of 5 million: 12 x 500,000,000 cents is beyond the DP limit.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cost: fc.integer({ min: 100_000_001, max: 300_000_000 }).map((c) => c / 100),
            value: fc.integer({ min: 1, max: 1000 }),
          }),
          { minLength: 8, maxLength: 12 },
        ),
        (items) => {
          const funds = 5_000_000;
          const r = solveKnapsack(items, funds);
          expect(r.method).toBe("branch-and-bound");
          expect(r.totalValue).toBe(bruteForce(items, funds));
          return true;
        },
      ),
      { numRuns: 30 },
    );
  });

  test("beyond the exact methods: greedy, within the funds, and at least half the fractional bound", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cost: fc.integer({ min: 100_000_001, max: 900_000_000 }).map((c) => c / 100),
            value: fc.integer({ min: 1, max: 1000 }),
          }),
          { minLength: 2500, maxLength: 2600 },
        ),
        fc.integer({ min: 10_000_000, max: 500_000_000 }),
        (items, funds) => {
          const r = solveKnapsack(items, funds);
          expect(r.method).toBe("greedy");
          expect(r.exact).toBe(false);
          expect(r.totalCost).toBeLessThanOrEqual(funds);
          expect(r.totalValue * 2).toBeGreaterThanOrEqual(r.upperBound - 1e-9);
          return true;
        },
      ),
      { numRuns: 5 },
    );
  });

  test("nothing fits, or no funds: nothing is chosen", () => {
    expect(solveKnapsack([{ cost: 10, value: 5 }], 0).chosen).toEqual([false]);
    expect(solveKnapsack([{ cost: 10, value: 5 }], 9.99).chosen).toEqual([false]);
    expect(solveKnapsack([], 1000).chosen).toEqual([]);
  });
});
