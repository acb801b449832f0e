/**
 * Import benchmark: 50,000 messy tracker rows (French and English headers under title lines, decorated
 * approach codes and titles, joint leads, countries by name and code, dates as text, quarters and
 * serials, money with currency signs, blank rows and a totals row). Reports rows/second, peak memory
 * and the 10,000 -> 50,000 scaling ratio; the append change set is timed too.
 */
import { importAppendChanges, importRows } from "../src/core/import";
import type { CellValue, Grid } from "../src/core/grid";
import type { BenchResult } from "./types";

/** Deterministic pseudo-random numbers (mulberry32), so every run imports the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPROACHES = [
  "1.1.2.",
  "Approach 3.2.4",
  "3.1.2 Initiate and continue targeted operations",
  "money laundering prevention (1.2.1)",
  "2.1.1",
  "Strengthen capacity in crime scene management",
  "Approche 5.2.3",
  "4.1.2",
];
const LEADS = ["OMD/INTERPOL", "Interpol, WCO", "ONUDC", "Banque mondiale", "UNODC; CITES", "WCO", "CITES Secretariat"];
const COUNTRIES = ["Côte d'Ivoire", "SEN", "Kenya, Tanzania", "KE; UG", "RDC", "Viet Nam", "Sénégal et Gambie", "Perú"];
const STATUSES = ["En cours", "ongoing", "Termine", "Non commencé", "Planifié", "done", "Delayed"];
const LEVELS = ["National", "Régional", "Intl", "regional"];
const STARTS = ["15/09/2024", "Jul 2023", "T1 2025", "2024-03-01", "Q3 2024", "juillet 2023"];
const ENDS = ["T3 2025", "Dec 2024", "2025-06-30", "Q4 2025", "31/12/2025"];
const MONEY = ["USD 75 000", "$120,000", "1.2m", "75k", "50,000", 30000];
const PROGRESS = ["45%", 0.3, 45, "100", "0"];

function messyGrid(rows: number, unique: boolean, seed = 42): Grid {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: CellValue[][] = [
    ["Suivi des activités ICCWC – Bureau régional", null],
    [null],
    [
      "N°",
      "Intitulé de l'activité",
      "Code approche",
      "Agence chef de file",
      "Pays",
      "Niveau",
      "Statut",
      "Date de début",
      "Date de fin",
      "Coût total (USD)",
      "Avancement",
      "Bailleur",
    ],
  ];
  for (let i = 0; i < rows; i++) {
    if (i % 500 === 499) out.push([]);
    out.push([
      i % 3 === 0 ? null : `ACT-${i}`,
      `Activité ${i} : atelier de formation`,
      pick(APPROACHES),
      pick(LEADS),
      unique ? `${pick(COUNTRIES)}${i % 2 ? "" : ` `}` : pick(COUNTRIES),
      pick(LEVELS),
      pick(STATUSES),
      pick(STARTS),
      pick(ENDS),
      unique ? `USD ${(1000 + i).toLocaleString("fr-FR")}` : pick(MONEY),
      pick(PROGRESS),
      pick(["UE", "USAID", null]),
    ]);
  }
  out.push(["TOTAL", null, null, null, null, null, null, null, null, 1e9]);
  return { sheet: "Suivi", top: 1, left: 1, rows: out };
}

/** Wall-clock and CPU seconds: on a shared machine CPU time is the steadier figure. */
function measure(grid: Grid): {
  seconds: number;
  cpuSeconds: number;
  imported: number;
  issues: number;
  result: ReturnType<typeof importRows>;
} {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const result = importRows(grid);
  const c1 = process.cpuUsage(c0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    seconds,
    cpuSeconds: (c1.user + c1.system) / 1e6,
    imported: result.rows.length,
    issues: result.issues.length,
    result,
  };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  // Warm up the JIT and the framework's title index, so that the 10k/50k ratio measures scaling only.
  measure(messyGrid(2_000, true, 1));
  const heapBefore = process.memoryUsage().heapUsed;
  const small = measure(messyGrid(10_000, false));
  const grid = messyGrid(50_000, false);
  const big = measure(grid);
  const heapAfter = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const changes = importAppendChanges(big.result, null);
  const appendSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const uniq = measure(messyGrid(50_000, true, 7));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  results.push({
    name: "import 50,000 messy rows (French tracker, repeated values)",
    figures: {
      rows: big.imported,
      seconds: round(big.seconds),
      "rows/s": Math.round(big.imported / big.seconds),
      "CPU seconds": round(big.cpuSeconds),
      "rows per CPU second": Math.round(big.imported / big.cpuSeconds),
      issues: big.issues,
      "changes reported": big.result.changes.length,
      "heap growth MB": round((heapAfter - heapBefore) / 1048576),
      "peak RSS MB": round(peakRssMb),
      "rows per CPU second, 50k vs 10k": round(big.imported / big.cpuSeconds / (small.imported / small.cpuSeconds)),
    },
  });
  results.push({
    name: "import 50,000 rows, every country and amount text distinct (no cache hits)",
    figures: {
      rows: uniq.imported,
      seconds: round(uniq.seconds),
      "rows/s": Math.round(uniq.imported / uniq.seconds),
      "rows per CPU second": Math.round(uniq.imported / uniq.cpuSeconds),
      "CPU time vs repeated": round(uniq.cpuSeconds / big.cpuSeconds),
    },
  });
  results.push({
    name: "append change set for 50,000 records",
    figures: {
      ops: changes.ops.length,
      seconds: round(appendSeconds),
      "rows/s": Math.round(big.imported / appendSeconds),
    },
  });
  return results;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
