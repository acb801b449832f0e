/**
 * Property tests (fast-check) for the facts table, in the words: the budget shares add up to the
 * total budget of the valid activities, per outcome and overall; every activity appears in its periods
 * and nowhere else; each activity's shares add up to 1.
 */
import fc from "fast-check";
import type { ActivityRecord } from "../../src/core/activity/record";
import { buildSummaries, type SummaryActivity, type SummaryInput } from "../../src/core/summarize";
import { allocateUnits } from "../../src/core/summarize/allocate";
import { FRAMEWORK } from "./small-plan";

const COUNTRY_CODES = ["KEN", "TZA", "UGA", "VNM", "NGA", "BRA"];
const AGENCIES = ["CITES Secretariat", "INTERPOL", "UNODC", "World Bank", "WCO"];
const STATUSES = ["Not started", "Planned", "In progress", "Completed", "Delayed", "Cancelled", ""];
const APPROACHES = [...FRAMEWORK.approaches.map((a) => a.code), "9.9.9", ""];
/** 2022-01-01 as a day number, and a span that reaches past the plan period on both sides. */
const DAY0 = Date.UTC(2022, 0, 1) / 86_400_000;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

const dateArb = fc.option(
  fc.integer({ min: 0, max: 6 * 365 }).map((d) => iso(DAY0 + d)),
  { nil: null },
);
const moneyArb = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 5_000_000_000 }).map((c) => c / 100),
    fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  ),
  { nil: null },
);

const recordArb: fc.Arbitrary<Omit<ActivityRecord, "id">> = fc.record({
  title: fc.string({ maxLength: 20 }),
  approach: fc.constantFrom(...APPROACHES),
  leadAgencies: fc.subarray(AGENCIES, { maxLength: 3 }),
  level: fc.constantFrom("National", "Regional", "International", ""),
  countries: fc.array(fc.constantFrom(...COUNTRY_CODES), { maxLength: 4 }),
  stage: fc.constantFrom("Identification", "Planning", "Implementation", "Reporting", ""),
  status: fc.constantFrom(...STATUSES),
  startDate: dateArb,
  endDate: dateArb,
  budgetUsd: moneyArb,
  fundedUsd: moneyArb,
  progress: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  need: fc.constant(null),
  valueAdded: fc.constant(null),
  engagement: fc.constant(null),
  notes: fc.constant(""),
  outcome: fc.constant(""),
  subOutcome: fc.constant(""),
});

interface Plan {
  input: SummaryInput;
  months: number;
}

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    records: fc.array(fc.tuple(recordArb, fc.boolean()), { maxLength: 25 }),
    months: fc.constantFrom(1, 2, 3, 4, 5, 6, 12),
  })
  .map(({ records, months }) => {
    const activities: SummaryActivity[] = records.map(([r, _], i) => ({
      row: i + 2,
      // IDs are unique, so each activity's rows can be told apart; codes follow the approach.
      record: {
        ...r,
        id: `A-${i + 1}`,
        outcome: r.approach.split(".")[0] ?? "",
        subOutcome: r.approach.split(".").slice(0, 2).join("."),
      },
    }));
    const rowsWithErrors = new Set(records.flatMap(([, bad], i) => (bad ? [i + 2] : [])));
    const input: SummaryInput = {
      activities,
      rowsWithErrors,
      scores: new Map(),
      periodMonths: months,
      countries: [],
      framework: FRAMEWORK,
      asOf: "2025-06-30",
      generatedOn: "2025-07-01",
    };
    return { input, months };
  });

const cents = (usd: number) => Math.round(usd * 100);

describe("facts table: money", () => {
  test("budget shares add up to the total budget of the valid activities, per outcome and overall, to the cent", () => {
    fc.assert(
      fc.property(planArb, ({ input }) => {
        const s = buildSummaries(input);
        const expected = new Map<string, number>();
        let expectedTotal = 0;
        for (const a of input.activities) {
          if (input.rowsWithErrors.has(a.row)) continue;
          const b = a.record.budgetUsd === null ? 0 : cents(a.record.budgetUsd);
          expected.set(a.record.outcome, (expected.get(a.record.outcome) ?? 0) + b);
          expectedTotal += b;
        }
        const actual = new Map<string, number>();
        let actualTotal = 0;
        for (const f of s.facts) {
          actual.set(f.outcome, (actual.get(f.outcome) ?? 0) + cents(f.budgetShare));
          actualTotal += cents(f.budgetShare);
        }
        expect(actualTotal).toBe(expectedTotal);
        for (const [outcome, total] of expected) expect(actual.get(outcome) ?? 0).toBe(total);
        // A plain float sum of the column, as a PivotTable does it, also lands on the cent.
        expect(cents(s.facts.reduce((t, f) => t + f.budgetShare, 0))).toBe(expectedTotal);
        // The roll-up by outcome agrees with the facts.
        expect(cents(s.byOutcome.reduce((t, r) => t + r.budgetUsd, 0))).toBe(expectedTotal);
      }),
      { numRuns: 200 },
    );
  });

  test("on every fact row, funded share plus gap share is the budget share, and none is negative", () => {
    fc.assert(
      fc.property(planArb, ({ input }) => {
        for (const f of buildSummaries(input).facts) {
          expect(cents(f.fundedShare) + cents(f.gapShare)).toBe(cents(f.budgetShare));
          expect(Math.min(f.budgetShare, f.fundedShare, f.gapShare)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** The periods an activity should appear in, by walking its months (independent of periods.ts). */
function expectedPeriods(r: ActivityRecord, months: number): Set<string> {
  const label = (y: number, m0: number) => {
    const i = Math.floor(m0 / months) + 1;
    return months === 3 ? `${y}-Q${i}` : `${y}-P${String(i).padStart(2, "0")}`;
  };
  const ym = (d: string) => [Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1] as const;
  const { startDate: s, endDate: e } = r;
  if (s && e && e < s) return new Set(["(undated)"]);
  if (!s && !e) return new Set(["(undated)"]);
  const [y0, m0] = ym(s ?? e!);
  const [y1, m1] = ym(e ?? s!);
  const out = new Set<string>();
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 11 ? (y++, (m = 0)) : m++) out.add(label(y, m));
  return out;
}

describe("facts table: where each activity appears", () => {
  test("every activity appears in its periods and nowhere else, once per country x lead agency x period", () => {
    fc.assert(
      fc.property(planArb, ({ input, months }) => {
        const s = buildSummaries(input);
        const byId = new Map<string, typeof s.facts>();
        for (const f of s.facts) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
        expect([...byId.keys()].sort()).toEqual(input.activities.map((a) => a.record.id).sort());
        for (const a of input.activities) {
          const rows = byId.get(a.record.id)!;
          const periods = expectedPeriods(a.record, months);
          expect(new Set(rows.map((f) => f.period))).toEqual(periods);
          const countries = new Set(a.record.countries).size || 1;
          const agencies = new Set(a.record.leadAgencies).size || 1;
          expect(rows.length).toBe(countries * agencies * periods.size);
          expect(new Set(rows.map((f) => `${f.country}|${f.leadAgency}|${f.period}`)).size).toBe(rows.length);
          for (const f of rows) expect(f.hasErrors).toBe(input.rowsWithErrors.has(a.row));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("each activity's shares add up to 1 (exactly, in millionths)", () => {
    fc.assert(
      fc.property(planArb, ({ input }) => {
        const sums = new Map<string, { units: number; float: number }>();
        for (const f of buildSummaries(input).facts) {
          const t = sums.get(f.id) ?? { units: 0, float: 0 };
          t.units += Math.round(f.activityShare * 1e6);
          t.float += f.activityShare;
          sums.set(f.id, t);
        }
        expect(sums.size).toBe(input.activities.length);
        for (const t of sums.values()) {
          expect(t.units).toBe(1_000_000);
          expect(Math.abs(t.float - 1)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("allocateUnits", () => {
  test("parts add up to the whole and each is within one unit of its exact quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }),
        (total, weights) => {
          const parts = allocateUnits(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            const quota = sum > 0 ? (total * weights[i]!) / sum : total / weights.length;
            expect(Math.abs(p - quota)).toBeLessThanOrEqual(1.000001);
          });
        },
      ),
    );
  });
});

describe("bad input", () => {
  test("any record values, however wrong, give summaries and never an exception", () => {
    const junk = fc.oneof(
      fc.string(),
      fc.double(),
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.array(fc.string()),
      fc.constant("__proto__"),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(
            fc.constantFrom(
              "id",
              "title",
              "approach",
              "outcome",
              "subOutcome",
              "leadAgencies",
              "countries",
              "startDate",
              "endDate",
              "budgetUsd",
              "fundedUsd",
              "progress",
              "status",
            ),
            junk,
          ),
          { maxLength: 10 },
        ),
        fc.integer({ min: -5, max: 40 }),
        (records, months) => {
          const activities = records.map((r, i) => ({ row: i + 2, record: r as unknown as ActivityRecord }));
          const s = buildSummaries({
            activities,
            rowsWithErrors: new Set(),
            scores: new Map(),
            periodMonths: months,
            countries: [],
            framework: FRAMEWORK,
            asOf: "not a date",
            generatedOn: "2025-07-01",
          });
          expect(new Set(s.facts.map((f) => f.id)).size).toBeLessThanOrEqual(records.length);
          for (const f of s.facts) expect(Number.isFinite(f.budgetShare)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
