/**
 * Summaries of 10,000 and 100,000 generated activities (records as the parser yields them, about 3%
 * flagged with errors): time to build the facts and roll-ups, time to turn them into the Summaries
 * change set, facts rows produced, rows per second and memory. The core alone: no file is read or written.
 */
import { PLAN_2023_2026 } from "../src/core/framework";
import type { ActivityRecord } from "../src/core/activity/record";
import { TABLES } from "../src/core/layout/sheet-names";
import {
  buildSummaries,
  summaryChanges,
  summaryLayout,
  type CountryInfo,
  type ScoreInfo,
  type SummaryActivity,
  type SummaryInput,
} from "../src/core/summarize";
import type { BenchResult } from "./types";

/** A small deterministic generator, so every run measures the same plan. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const AGENCIES = ["CITES Secretariat", "INTERPOL", "UNODC", "World Bank", "WCO"];
const COUNTRIES = [
  "KEN",
  "TZA",
  "UGA",
  "VNM",
  "ZAF",
  "MOZ",
  "CIV",
  "NGA",
  "COD",
  "BRA",
  "PER",
  "COL",
  "IDN",
  "THA",
  "CHN",
];
const STATUSES = ["Not started", "Planned", "In progress", "Completed", "Delayed", "Cancelled"];
const DAY_MS = 86_400_000;

export function generateInput(n: number, seed = 7): SummaryInput {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const approaches = PLAN_2023_2026.approaches;
  const activities: SummaryActivity[] = [];
  const rowsWithErrors = new Set<number>();
  const scores = new Map<string, ScoreInfo>();
  const day0 = Date.UTC(2023, 0, 1);
  for (let i = 0; i < n; i++) {
    const a = pick(approaches);
    // Realistic shapes: mostly one country and one lead, some joint, some regional with three countries.
    const nCountries = rnd() < 0.15 ? 0 : rnd() < 0.7 ? 1 : 1 + Math.floor(rnd() * 3);
    const countries = Array.from({ length: nCountries }, () => pick(COUNTRIES));
    const leads = rnd() < 0.2 ? [pick(AGENCIES), pick(AGENCIES)] : [pick(AGENCIES)];
    const start = day0 + Math.floor(rnd() * 1200) * DAY_MS;
    const end = start + Math.floor(30 + rnd() * 600) * DAY_MS;
    const budget = Math.round(rnd() * 50_000_000) / 100;
    const id = `ACT-${String(i + 1).padStart(6, "0")}`;
    const record: ActivityRecord = {
      id,
      title: `Activity ${i + 1}`,
      outcome: a.outcome,
      subOutcome: a.subOutcome,
      approach: a.code,
      leadAgencies: leads,
      level: pick(["National", "Regional", "International"]),
      countries,
      stage: pick(["Identification", "Planning", "Implementation", "Reporting"]),
      status: pick(STATUSES),
      startDate: rnd() < 0.02 ? null : new Date(start).toISOString().slice(0, 10),
      endDate: new Date(end).toISOString().slice(0, 10),
      budgetUsd: budget,
      fundedUsd: Math.round(budget * rnd() * 100) / 100,
      progress: Math.round(rnd() * 100) / 100,
      need: 1 + Math.floor(rnd() * 5),
      valueAdded: 1 + Math.floor(rnd() * 5),
      engagement: 1 + Math.floor(rnd() * 5),
      notes: "",
    };
    activities.push({ row: i + 2, record });
    if (rnd() < 0.03) rowsWithErrors.add(i + 2);
    else scores.set(id, { score: Math.round(rnd() * 1000) / 10, band: pick(["High", "Medium", "Low"]) });
  }
  const countries: CountryInfo[] = COUNTRIES.map((iso3, i) => ({
    iso3,
    name: iso3,
    region: i < 9 ? "Africa" : i < 12 ? "Americas" : "Asia",
    priority: i % 3 === 0,
  }));
  return {
    activities,
    rowsWithErrors,
    scores,
    periodMonths: 3,
    countries,
    framework: PLAN_2023_2026,
    asOf: "2025-06-30",
    generatedOn: "2025-07-01",
  };
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function measure(n: number): Promise<BenchResult> {
  const input = generateInput(n);
  global.gc?.();
  const before = process.memoryUsage();
  // CPU time beside wall time: on a shared, loaded machine the wall clock also counts other processes.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const s = buildSummaries(input);
  const t1 = performance.now();
  const afterBuild = process.memoryUsage();
  const changes = summaryChanges(s, { generatedOn: input.generatedOn });
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const afterChanges = process.memoryUsage();
  // The row count from the layout: reading s.facts would make the row objects the sheet path never makes.
  const factRows = summaryLayout(s).tables.find((t) => t.table.name === TABLES.facts)?.table.rowCount ?? 0;
  const buildMs = t1 - t0;
  const changesMs = t2 - t1;
  return {
    name: `summarize ${n.toLocaleString("en-US")} activities`,
    figures: {
      "facts rows": factRows,
      "change ops": changes.ops.length,
      "build ms": Math.round(buildMs),
      "change set ms": Math.round(changesMs),
      "cpu ms (build + change set)": Math.round((cpu.user + cpu.system) / 1000),
      "activities/s": Math.round(n / ((buildMs + changesMs) / 1000)),
      "facts rows/s": Math.round(factRows / ((buildMs + changesMs) / 1000)),
      "heap used after build MB": mb(afterBuild.heapUsed),
      "heap used after change set MB": mb(afterChanges.heapUsed),
      "rss growth MB": mb(Math.max(afterBuild.rss, afterChanges.rss) - before.rss),
      "peak rss MB (process)": Math.round(process.resourceUsage().maxRSS / 1024),
    },
  };
}

export async function run(): Promise<BenchResult[]> {
  const small = await measure(10_000);
  const large = await measure(100_000);
  const ms = (r: BenchResult) => Number(r.figures["build ms"]) + Number(r.figures["change set ms"]);
  return [
    small,
    large,
    {
      name: "summarize scaling",
      figures: { "time ratio 100k/10k (linear = 10)": Math.round((ms(large) / ms(small)) * 10) / 10 },
    },
  ];
}
