/**
 * tblFacts is written straight from the activities' digests (no row objects kept beside the cells), and
 * the agency, country and year roll-ups add the same splits up without the rows. Both must agree
 * exactly with the facts rows themselves, which are still made, once, when a caller reads `facts`.
 */
import fc from "fast-check";
import type { ActivityRecord } from "../../src/core/activity/record";
import {
  buildSummaries,
  renderSummaries,
  summariesToJson,
  summaryChanges,
  type Summaries,
  type SummaryActivity,
  type SummaryInput,
} from "../../src/core/summarize";
import * as facts from "../../src/core/summarize/facts";
import { TABLES } from "../../src/core/layout/sheet-names";
import { FRAMEWORK, smallPlanInput } from "./small-plan";

const DAY0 = Date.UTC(2023, 0, 1) / 86_400_000;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const APPROACHES = FRAMEWORK.approaches.map((a) => a.code);

const recordArb: fc.Arbitrary<ActivityRecord> = fc
  .record({
    approach: fc.constantFrom(...APPROACHES, "9.9.9"),
    leadAgencies: fc.subarray(["INTERPOL", "UNODC", "WCO", "World Bank"], { maxLength: 3 }),
    countries: fc.array(fc.constantFrom("KEN", "TZA", "BRA", "VNM"), { maxLength: 3 }),
    status: fc.constantFrom("Planned", "In progress", "Completed", "Delayed", "Cancelled"),
    start: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
    length: fc.integer({ min: -20, max: 900 }),
    budget: fc.option(fc.integer({ min: 0, max: 900_000_000 }), { nil: null }),
    funded: fc.option(fc.integer({ min: 0, max: 900_000_000 }), { nil: null }),
    progress: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  })
  .map((r) => ({
    id: "",
    title: `Activity on ${r.approach}`,
    outcome: r.approach.split(".")[0]!,
    subOutcome: r.approach.split(".").slice(0, 2).join("."),
    approach: r.approach,
    leadAgencies: r.leadAgencies,
    level: "National",
    countries: r.countries,
    stage: "Planning",
    status: r.status,
    startDate: r.start === null ? null : iso(DAY0 + r.start),
    endDate: r.start === null ? null : iso(DAY0 + r.start + r.length),
    budgetUsd: r.budget === null ? null : r.budget / 100,
    fundedUsd: r.funded === null ? null : r.funded / 100,
    progress: r.progress,
    need: null,
    valueAdded: null,
    engagement: null,
    notes: "",
  }));

const inputArb: fc.Arbitrary<SummaryInput> = fc
  .record({
    records: fc.array(fc.tuple(recordArb, fc.boolean()), { maxLength: 30 }),
    months: fc.constantFrom(1, 3, 5, 12),
  })
  .map(({ records, months }) => {
    const activities: SummaryActivity[] = records.map(([r], i) => ({ row: i + 2, record: { ...r, id: `A-${i}` } }));
    return {
      ...smallPlanInput(),
      activities,
      rowsWithErrors: new Set(records.flatMap(([, bad], i) => (bad ? [i + 2] : []))),
      scores: new Map(activities.map((a, i) => [a.record.id, { score: (i * 7) % 100, band: "Medium" }])),
      periodMonths: months,
    };
  });

/** The same summaries as a plain object: no digests behind it, so its tables are made from `facts`. */
const fromRows = (s: Summaries): Summaries => ({ ...s });

const cents = (usd: number) => Math.round(usd * 100);

function sumBy<K>(s: Summaries, key: (f: Summaries["facts"][number]) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const f of s.facts) out.set(key(f), (out.get(key(f)) ?? 0) + cents(f.budgetShare));
  return out;
}

afterEach(() => jest.restoreAllMocks());

describe("tblFacts from the digests", () => {
  test("the cells made from the digests are the cells made from the fact rows", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const s = buildSummaries(input);
        const direct = renderSummaries(s);
        expect(direct.find((t) => t.name === TABLES.facts)!.rows.length).toBe(s.facts.length);
        expect(renderSummaries(fromRows(s))).toEqual(direct);
      }),
      { numRuns: 60 },
    );
  });

  test("by agency, by country and by year add up the facts' budget shares to the cent", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const s = buildSummaries(input);
        const agency = sumBy(s, (f) => f.leadAgency);
        const country = sumBy(s, (f) => f.country);
        const year = sumBy<number | string>(s, (f) => f.year ?? "(undated)");
        for (const r of s.byAgency) expect(cents(r.budgetUsd)).toBe(agency.get(r.agency) ?? 0);
        for (const r of s.byCountry) expect(cents(r.budgetUsd)).toBe(country.get(r.iso3) ?? 0);
        for (const r of s.byYear) expect(cents(r.budgetUsd)).toBe(year.get(r.year) ?? 0);
        expect(s.byAgency.length).toBe(new Set(s.facts.map((f) => f.leadAgency)).size);
      }),
      { numRuns: 60 },
    );
  });

  test("the sheet and the JSON are made without making the fact rows; reading facts makes them once", () => {
    const s = buildSummaries(smallPlanInput());
    const append = jest.spyOn(facts, "appendFacts");
    const ops = summaryChanges(s, { generatedOn: "2025-07-01" }).ops;
    const json = summariesToJson(s);
    expect(append).not.toHaveBeenCalled();
    const table = ops.find((op) => op.kind === "table" && op.name === TABLES.facts);
    expect(table).toBeDefined();
    const rows = s.facts;
    expect(append.mock.calls.length).toBe(smallPlanInput().activities.length);
    expect(s.facts).toBe(rows);
    expect(append.mock.calls.length).toBe(smallPlanInput().activities.length);
    expect(json.tables[TABLES.facts]).toHaveLength(rows.length);
  });

  test("the facts table's cells reuse the roll-ups' split: no activity is split a second time", () => {
    const split = jest.spyOn(facts, "splitActivity");
    const s = buildSummaries(smallPlanInput());
    expect(split.mock.calls.length).toBe(smallPlanInput().activities.length);
    expect(facts.factSourceOf(s)?.splits).toBeInstanceOf(Float64Array);
    summaryChanges(s, { generatedOn: "2025-07-01" });
    expect(split.mock.calls.length).toBe(smallPlanInput().activities.length);
  });
});
