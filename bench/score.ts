/**
 * Scoring, the funding line and the sensitivity analysis on 10,000 and 100,000 generated activities
 * (records built directly, so the figures are the scorer's own, not the parser's): rows per second,
 * peak memory, and the ratios of the full run to scoring alone. Also the funding line on its own at
 * realistic plan sizes, to show which method (exact or greedy) each size gets and what it costs.
 */
import * as os from "os";
import { ACTIVITY_COLUMNS, type ActivityKey } from "../src/core/activity/columns";
import type { ParsedActivities, ParsedCell, ParsedRow } from "../src/core/activity/parsed";
import { scoreActivities, solveKnapsack } from "../src/core/score";
import { DEFAULT_SETTINGS, type CountrySetting, type Settings } from "../src/core/settings";
import type { BenchResult } from "./types";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CODES = [
  "KEN",
  "TZA",
  "UGA",
  "VNM",
  "ZAF",
  "MOZ",
  "NGA",
  "COD",
  "BRA",
  "PER",
  "COL",
  "IDN",
  "THA",
  "LAO",
  "CMR",
  "GAB",
];
const STATUSES = ["Not started", "Planned", "In progress", "Completed", "Delayed", "Cancelled"];
const AGENCIES = ["CITES Secretariat", "INTERPOL", "UNODC", "World Bank", "WCO"];

function settingsFor(rnd: () => number, funds: number): Settings {
  const countries: CountrySetting[] = CODES.map((iso3, i) => ({
    iso3,
    name: iso3,
    region: "",
    priority: i % 3 === 0,
    need: 1 + Math.floor(rnd() * 5),
    engagement: 1 + Math.floor(rnd() * 5),
    row: i + 2,
  }));
  return { ...DEFAULT_SETTINGS, availableFundsUsd: funds, countries };
}

function generate(n: number, seed = 7): { parsed: ParsedActivities; settings: Settings } {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = () => (rnd() < 0.4 ? null : 1 + Math.floor(rnd() * 5));
  const cells = {} as Record<ActivityKey, ParsedCell>;
  ACTIVITY_COLUMNS.forEach((c, j) => (cells[c.key] = { raw: null, col: j + 1, address: null, problem: null }));
  const columnOf: Partial<Record<ActivityKey, number>> = {};
  ACTIVITY_COLUMNS.forEach((c, j) => (columnOf[c.key] = j + 1));
  const rows: ParsedRow[] = [];
  let totalGap = 0;
  for (let i = 0; i < n; i++) {
    const o = 1 + Math.floor(rnd() * 5);
    const budget = 1000 * (10 + Math.floor(rnd() * 1990));
    const funded = rnd() < 0.3 ? budget : 1000 * Math.floor((rnd() * budget) / 1000);
    totalGap += budget - funded;
    const countries = [pick(CODES), ...(rnd() < 0.3 ? [pick(CODES)] : [])];
    rows.push({
      row: i + 2,
      cells,
      record: {
        id: `ACT-${i + 1}`,
        title: `Activity ${i + 1}`,
        outcome: String(o),
        subOutcome: `${o}.1`,
        approach: `${o}.1.${1 + Math.floor(rnd() * 3)}`,
        leadAgencies: [pick(AGENCIES)],
        level: "National",
        countries,
        stage: "Planning",
        status: pick(STATUSES),
        startDate: `202${3 + Math.floor(rnd() * 4)}-0${1 + Math.floor(rnd() * 9)}-01`,
        endDate: null,
        budgetUsd: budget,
        fundedUsd: funded,
        progress: 0,
        need: maybe(),
        valueAdded: 1 + Math.floor(rnd() * 5),
        engagement: maybe(),
        notes: "",
      },
    });
  }
  const parsed: ParsedActivities = {
    sheet: "Activities",
    headerRow: 1,
    columnOf,
    missingColumns: [],
    extraColumns: [],
    duplicateHeaders: [],
    rows,
    blankRows: [],
    problems: [],
  };
  // A fifth of the total gap is available: the funding line has real choices to make.
  return { parsed, settings: settingsFor(rnd, Math.round(totalGap / 5)) };
}

/** Wall time, CPU time (user + system, less sensitive to other processes on a shared machine) and heap growth. */
function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number; heapMb: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000, heapMb };
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const n of [10_000, 100_000]) {
    const { parsed, settings } = generate(n);
    const only = timed(() => scoreActivities(parsed, settings, { skipSensitivity: true }));
    const full = timed(() => scoreActivities(parsed, settings));
    const r = full.value;
    out.push({
      name: `score ${n.toLocaleString("en-US")} activities`,
      figures: {
        "score + funding line (ms)": Math.round(only.ms),
        "cpu (ms)": Math.round(only.cpuMs),
        "rows/s": Math.round(n / (only.ms / 1000)),
        "with sensitivity, 8 reruns (ms)": Math.round(full.ms),
        "full cpu (ms)": Math.round(full.cpuMs),
        "full rows/s": Math.round(n / (full.ms / 1000)),
        "ratio full / score only": Math.round((full.ms / only.ms) * 100) / 100,
        "heap growth full (MB)": Math.round(full.heapMb),
        "peak RSS so far (MB)": Math.round(process.resourceUsage().maxRSS / 1024),
        scored: r.activities.filter((a) => a.score !== null).length,
        candidates: r.funding.candidates,
        "funding method": r.funding.method,
        recommended: r.activities.filter((a) => a.funding === "recommended").length,
        sensitive: r.activities.filter((a) => a.sensitivity === "sensitive").length,
        // Other work on the machine slows every figure: the 1-minute load average says how much.
        "load average": Math.round(os.loadavg()[0]! * 10) / 10,
      },
    });
  }
  // The funding line alone, by plan size: which method each size gets.
  for (const n of [300, 2_000, 20_000, 100_000]) {
    const rnd = lcg(n);
    const whole = n <= 2_000; // gaps in whole thousands (DP) for small plans; to the dollar beyond (no common unit)
    const items = Array.from({ length: n }, () => ({
      cost: whole ? 1000 * (1 + Math.floor(rnd() * 2000)) : 1 + Math.floor(rnd() * 2_000_000),
      value: Math.floor(rnd() * 1000),
    }));
    const funds = items.reduce((s, it) => s + it.cost, 0) / 5;
    const k = timed(() => solveKnapsack(items, funds));
    out.push({
      name: `funding line alone, ${n.toLocaleString("en-US")} candidates${whole ? " (gaps in USD 1,000s)" : " (gaps to the dollar)"}`,
      figures: {
        ms: Math.round(k.ms * 10) / 10,
        method: k.value.method,
        exact: String(k.value.exact),
        "total / fractional bound": Math.round((k.value.totalValue / k.value.upperBound) * 10000) / 10000,
        "within funds": String(k.value.totalCost <= funds),
      },
    });
  }
  return out;
}
