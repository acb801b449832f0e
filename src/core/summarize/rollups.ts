/**
 * Roll-ups: the tables an officer would otherwise build by hand. Counts (activities, statuses, overdue)
 * include every activity row, those with errors too, so they reconcile with the Activities sheet;
 * money, progress and scores come only from rows without errors, as in the facts table.
 */
import type { ActivityDigest } from "./digest";
import { NO_AGENCY, NO_COUNTRY, NOT_CLASSIFIED } from "./digest";
import { SHARE_UNITS, splitActivity } from "./facts";
import type { FrameworkLike } from "./input";
import { UNDATED_PERIOD } from "./periods";

export interface Measures {
  activities: number;
  withErrors: number;
  /** Completed / (activities - cancelled); null when every activity is cancelled or there is none. */
  completedPct: number | null;
  completed: number;
  inProgress: number;
  delayed: number;
  overdue: number;
  cancelled: number;
  /** Sum of activity shares (equals `activities` in the hierarchy tables; split in the others). */
  activityShare: number;
  budgetUsd: number;
  fundedUsd: number;
  gapUsd: number;
  progressByBudget: number | null;
  progressByCount: number | null;
  meanScore: number | null;
}

export interface HierarchyRollupRow extends Measures {
  code: string;
  title: string;
  /** Parent codes, for the sub-outcome and approach tables. */
  outcome: string;
  subOutcome: string;
}

export interface AgencyRollupRow extends Measures {
  agency: string;
}

export interface CountryRollupRow extends Measures {
  iso3: string;
  name: string;
  region: string;
  priority: boolean;
}

export interface YearRollupRow extends Measures {
  /** A year, or "(undated)". */
  year: number | string;
}

class Accumulator {
  activities = 0;
  withErrors = 0;
  completed = 0;
  inProgress = 0;
  delayed = 0;
  overdue = 0;
  cancelled = 0;
  shareUnits = 0;
  budgetCents = 0;
  fundedCents = 0;
  gapCents = 0;
  private progressBudget = 0;
  private progressBudgetWeight = 0;
  private progressSum = 0;
  private progressCount = 0;
  private scoreSum = 0;
  private scoreCount = 0;

  addActivity(d: ActivityDigest): void {
    this.activities++;
    if (d.hasErrors) this.withErrors++;
    if (d.status === "Completed") this.completed++;
    else if (d.status === "In progress") this.inProgress++;
    else if (d.status === "Delayed") this.delayed++;
    else if (d.status === "Cancelled") this.cancelled++;
    if (d.overdue) this.overdue++;
    if (d.progress !== null) {
      this.progressSum += d.progress;
      this.progressCount++;
    }
    if (d.score !== null) {
      this.scoreSum += d.score;
      this.scoreCount++;
    }
  }

  addMoney(
    shareUnits: number,
    budgetCents: number,
    fundedCents: number,
    gapCents: number,
    progress: number | null,
  ): void {
    this.shareUnits += shareUnits;
    this.budgetCents += budgetCents;
    this.fundedCents += fundedCents;
    this.gapCents += gapCents;
    if (progress !== null && budgetCents > 0) {
      this.progressBudget += progress * budgetCents;
      this.progressBudgetWeight += budgetCents;
    }
  }

  /** Add another accumulator's money (filled by addMoney alone) to this one. */
  addMoneyOf(m: Accumulator): void {
    this.shareUnits += m.shareUnits;
    this.budgetCents += m.budgetCents;
    this.fundedCents += m.fundedCents;
    this.gapCents += m.gapCents;
    this.progressBudget += m.progressBudget;
    this.progressBudgetWeight += m.progressBudgetWeight;
  }

  measures(): Measures {
    const notCancelled = this.activities - this.cancelled;
    return {
      activities: this.activities,
      withErrors: this.withErrors,
      completedPct: notCancelled > 0 ? round(this.completed / notCancelled, 4) : null,
      completed: this.completed,
      inProgress: this.inProgress,
      delayed: this.delayed,
      overdue: this.overdue,
      cancelled: this.cancelled,
      activityShare: this.shareUnits / SHARE_UNITS,
      budgetUsd: this.budgetCents / 100,
      fundedUsd: this.fundedCents / 100,
      gapUsd: this.gapCents / 100,
      progressByBudget:
        this.progressBudgetWeight > 0 ? round(this.progressBudget / this.progressBudgetWeight, 4) : null,
      progressByCount: this.progressCount > 0 ? round(this.progressSum / this.progressCount, 4) : null,
      meanScore: this.scoreCount > 0 ? round(this.scoreSum / this.scoreCount, 2) : null,
    };
  }
}

/** Round for display stability (goldens and JSON), far below what the formats show. */
function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

function getOrAdd<K>(map: Map<K, Accumulator>, key: K): Accumulator {
  let acc = map.get(key);
  if (!acc) {
    acc = new Accumulator();
    map.set(key, acc);
  }
  return acc;
}

type Level = "outcome" | "subOutcome" | "approach";

/**
 * One row per framework entry at the level, in framework order (entries with no activity included, so
 * gaps show), then one "(not classified)" row when some activity's code is missing or not in the plan.
 */
export function hierarchyRollup(
  level: Level,
  digests: readonly ActivityDigest[],
  framework: FrameworkLike,
): HierarchyRollupRow[] {
  const entries: { code: string; title: string; outcome: string; subOutcome: string }[] =
    level === "outcome"
      ? framework.outcomes.map((o) => ({ code: o.code, title: o.title, outcome: "", subOutcome: "" }))
      : level === "subOutcome"
        ? framework.subOutcomes.map((s) => ({
            code: s.code,
            title: s.title,
            outcome: s.outcome ?? s.code.split(".")[0]!,
            subOutcome: "",
          }))
        : framework.approaches.map((a) => ({
            code: a.code,
            title: a.title,
            outcome: a.outcome ?? a.code.split(".")[0]!,
            subOutcome: a.subOutcome ?? a.code.split(".").slice(0, 2).join("."),
          }));
  const known = new Set(entries.map((e) => e.code));
  const accs = new Map<string, Accumulator>();
  for (const d of digests) {
    const code = d[level];
    const acc = getOrAdd(accs, known.has(code) ? code : NOT_CLASSIFIED);
    acc.addActivity(d);
    acc.addMoney(SHARE_UNITS, d.budgetCents, d.fundedCents, d.gapCents, d.progress);
  }
  const rows: HierarchyRollupRow[] = entries.map((e) => ({
    ...e,
    ...(accs.get(e.code) ?? new Accumulator()).measures(),
  }));
  const unclassified = accs.get(NOT_CLASSIFIED);
  if (unclassified)
    rows.push({
      code: NOT_CLASSIFIED,
      title: "Missing or unknown code (see the Issues sheet)",
      outcome: "",
      subOutcome: "",
      ...unclassified.measures(),
    });
  return rows;
}

/** Placeholders sort after real values, so "(none)" and "(undated)" close each table. */
function compareKeys(a: string | number, b: string | number, placeholder: string): number {
  if (a === b) return 0;
  if (a === placeholder) return 1;
  if (b === placeholder) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Money and shares of the facts, added up by lead agency, by country and by year. */
export interface FactMoney {
  agency: Map<string, Accumulator>;
  country: Map<string, Accumulator>;
  year: Map<number | string, Accumulator>;
}

/**
 * One pass over the activities' fact splits (the facts table's rows, without building them) adding
 * each row's money and share under its agency, country and year, in the order of the table's rows.
 * `record`, when given (three numbers per fact row), receives each row's share, funded and gap units,
 * so that the facts table's cells are made later without splitting every activity a second time.
 */
export function factMoney(digests: readonly ActivityDigest[], record?: Float64Array): FactMoney {
  const money: FactMoney = { agency: new Map(), country: new Map(), year: new Map() };
  let at = 0;
  for (const d of digests)
    splitActivity(d, (country, agency, slice, share, funded, gap) => {
      const budget = funded + gap;
      getOrAdd(money.agency, agency).addMoney(share, budget, funded, gap, d.progress);
      getOrAdd(money.country, country).addMoney(share, budget, funded, gap, d.progress);
      getOrAdd(money.year, slice ? slice.year : UNDATED_PERIOD).addMoney(share, budget, funded, gap, d.progress);
      if (record) {
        record[at] = share;
        record[at + 1] = funded;
        record[at + 2] = gap;
        at += 3;
      }
    });
  return money;
}

/**
 * Roll-ups over a dimension of the facts (agency, country, year): an activity counts once under each
 * value it touches (so a joint activity counts for both agencies), and its money and share are split
 * as in the facts, so the money columns add up to the plan's total.
 */
function factRollup<K extends string | number>(
  digests: readonly ActivityDigest[],
  money: Map<K, Accumulator>,
  keysOf: (d: ActivityDigest) => readonly K[],
): Map<K, Accumulator> {
  const accs = new Map<K, Accumulator>();
  for (let i = 0; i < digests.length; i++) {
    const d = digests[i]!;
    const keys = keysOf(d);
    // Each distinct key once, in first-seen order. Lists are short (an activity's agencies, countries
    // or years): a scan beats a Set per activity; a long one (a monthly plan over decades) takes a Set.
    if (keys.length > 32) for (const k of new Set(keys)) getOrAdd(accs, k).addActivity(d);
    else
      for (let j = 0; j < keys.length; j++) if (keys.indexOf(keys[j]!) === j) getOrAdd(accs, keys[j]!).addActivity(d);
  }
  for (const [k, m] of money) getOrAdd(accs, k).addMoneyOf(m);
  return accs;
}

export function agencyRollup(digests: readonly ActivityDigest[], money: FactMoney): AgencyRollupRow[] {
  const accs = factRollup(digests, money.agency, (d) => (d.agencies.length ? d.agencies : [NO_AGENCY]));
  return [...accs.keys()]
    .sort((a, b) => compareKeys(a, b, NO_AGENCY))
    .map((agency) => ({ agency, ...accs.get(agency)!.measures() }));
}

export function countryRollup(
  digests: readonly ActivityDigest[],
  money: FactMoney,
  country: (iso3: string) => { name: string; region: string; priority: boolean },
): CountryRollupRow[] {
  const accs = factRollup(digests, money.country, (d) => (d.countries.length ? d.countries : [NO_COUNTRY]));
  return [...accs.keys()]
    .sort((a, b) => compareKeys(a, b, NO_COUNTRY))
    .map((iso3) => ({ iso3, ...country(iso3), ...accs.get(iso3)!.measures() }));
}

export function yearRollup(digests: readonly ActivityDigest[], money: FactMoney): YearRollupRow[] {
  const accs = factRollup<number | string>(digests, money.year, (d) =>
    d.periods ? d.periods.map((p) => p.year) : [UNDATED_PERIOD],
  );
  return [...accs.keys()]
    .sort((a, b) => compareKeys(a, b, UNDATED_PERIOD))
    .map((year) => ({ year, ...accs.get(year)!.measures() }));
}
