/**
 * parseActivities on 10,000 and 100,000 generated rows: rows per second, heap and peak RSS. Two sheets:
 * a clean one (canonical values, Date objects, numbers) and a messy one (aliases in three languages,
 * text dates, money as text, and about 5% of cells that match nothing and need suggestions), plus the
 * ratio messy/clean. Figures only; nothing here passes or fails.
 */
import { loadavg } from "os";
import { ACTIVITY_HEADERS } from "../src/core/activity/columns";
import { parseActivities } from "../src/core/activity/parse";
import { PLAN_2023_2026 } from "../src/core/framework";
import type { CellValue, Grid } from "../src/core/grid";
import type { BenchResult } from "./types";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CLEAN = {
  agencies: ["UNODC", "INTERPOL/WCO", "CITES Secretariat", "World Bank", "WCO"],
  countries: ["KEN", "TZA; UGA", "VNM", "ZAF; MOZ", "NGA", "BRA; PER; COL"],
  levels: ["National", "Regional", "International"],
  stages: ["Identification", "Planning", "Implementation", "Reporting"],
  statuses: ["Not started", "Planned", "In progress", "Completed", "Delayed", "Cancelled"],
};
const MESSY = {
  agencies: [
    "ONUDC",
    "Interpol et OMD",
    "Secrétariat CITES",
    "Banque mondiale",
    "World Customs Organization",
    "INTERPOL y OMA",
    "Interpool",
    "UNEP",
  ],
  countries: [
    "Kenya and Tanzania",
    "Viet Nam",
    "RDC",
    "Côte d'Ivoire",
    "Kenia y Tanzania",
    "Keyna",
    "Atlantis",
    "Lao PDR, Cambodia",
  ],
  levels: ["nacional", "Régional", "global", "Intl", "provincial"],
  stages: ["Mise en oeuvre", "Planification", "Reporting/evaluation", "brainstorm"],
  statuses: ["ongoing", "Terminé", "En curso", "Non commencé", "maybe", "Complted"],
};

function generate(n: number, messy: boolean, seed = 7): Grid {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const v = messy ? MESSY : CLEAN;
  const rows: CellValue[][] = [[...ACTIVITY_HEADERS]];
  const day0 = Date.UTC(2023, 0, 1);
  for (let i = 0; i < n; i++) {
    const a = pick(PLAN_2023_2026.approaches);
    const start = day0 + Math.floor(rnd() * 1000) * 86_400_000;
    const budget = Math.round(rnd() * 500_000);
    const startCell: CellValue = messy
      ? new Date(start).toISOString().slice(0, 10).split("-").reverse().join("/")
      : new Date(start);
    rows.push([
      `ACT-${i + 1}`,
      `Activity ${i + 1}`,
      messy ? `Outcome ${a.outcome}` : a.outcome,
      messy ? Number(a.subOutcome) : a.subOutcome,
      messy && rnd() < 0.05 ? a.title : messy ? `Approach ${a.code}` : a.code,
      pick(v.agencies),
      pick(v.levels),
      pick(v.countries),
      pick(v.stages),
      pick(v.statuses),
      startCell,
      45292 + Math.floor(rnd() * 900),
      messy ? `USD ${budget.toLocaleString("en-US")}` : budget,
      Math.round(budget * rnd()),
      messy ? `${Math.round(rnd() * 100)}%` : Math.round(rnd() * 100) / 100,
      1 + Math.floor(rnd() * 5),
      1 + Math.floor(rnd() * 5),
      1 + Math.floor(rnd() * 5),
      rnd() < 0.1 ? "=looks like a formula" : "",
    ]);
  }
  return { sheet: "Activities", top: 1, left: 1, rows };
}

/**
 * Wall time and the process's CPU time: on a shared, loaded machine the CPU time is the steadier figure
 * (wall time also counts the time other processes held the cores).
 */
function measure(grid: Grid): {
  seconds: number;
  cpuSeconds: number;
  heapMb: number;
  peakRssMb: number;
  problems: number;
} {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const parsed = parseActivities(grid);
  const cpu = process.cpuUsage(cpu0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    heapMb,
    peakRssMb: peakRss / 2 ** 20,
    problems: parsed.problems.length,
  };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [
    { name: "machine", figures: { "load average (1 min)": Math.round(loadavg()[0]! * 100) / 100 } },
  ];
  parseActivities(generate(500, true, 1)); // warm up the JIT and the matchers' lookup tables
  for (const n of [10_000, 100_000]) {
    const clean = measure(generate(n, false));
    const messy = measure(generate(n, true));
    for (const [label, m] of [
      ["clean", clean],
      ["messy", messy],
    ] as const) {
      results.push({
        name: `parseActivities ${n.toLocaleString("en-US")} rows, ${label}`,
        figures: {
          "rows/s": Math.round(n / m.seconds),
          seconds: Math.round(m.seconds * 1000) / 1000,
          "rows/CPU-s": Math.round(n / m.cpuSeconds),
          "CPU seconds": Math.round(m.cpuSeconds * 1000) / 1000,
          "heap growth MB": Math.round(m.heapMb),
          "peak RSS MB": Math.round(m.peakRssMb),
          problems: m.problems,
        },
      });
    }
    results.push({
      name: `messy/clean time ratio, ${n.toLocaleString("en-US")} rows`,
      figures: { ratio: Math.round((messy.seconds / clean.seconds) * 100) / 100 },
    });
  }
  return results;
}

if (require.main === module) {
  void run().then((rs) => rs.forEach((r) => console.log(r.name, JSON.stringify(r.figures))));
}
