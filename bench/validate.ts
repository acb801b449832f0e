/**
 * Parse + validate on 10,000 and 100,000 generated Activities rows: rows per second, wall and CPU time,
 * memory, and the ratio to a bare streaming read of the same rows from an .xlsx file (ExcelJS's fastest
 * reader), which is the floor any file command pays before validation starts. Target: 100,000 rows in
 * under 1 s. Each size runs RUNS times and prints medians with every run's figure and the load average,
 * since on a shared machine wall time also measures the neighbours.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ACTIVITY_HEADERS } from "../src/core/activity/columns";
import { PLAN_2023_2026 } from "../src/core/framework";
import type { CellValue, Grid } from "../src/core/grid";
import { parseActivities } from "../src/core/activity/parse";
import { validateActivities, validateParsed } from "../src/core/validate";
import type { BenchResult } from "./types";

/** A small deterministic generator, so every run measures the same sheet. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const AGENCY_TEXT = [
  "UNODC",
  "INTERPOL; WCO",
  "CITES Secretariat",
  "World Bank",
  "WCO",
  "Interpol",
  "ONUDC",
  "World Customs Organization",
];
const COUNTRY_TEXT = [
  "KEN",
  "TZA, UGA",
  "Viet Nam",
  "ZAF; MOZ",
  "Côte d'Ivoire",
  "NGA",
  "RDC",
  "BRA, PER, COL",
  "IDN",
  "Kenya",
];
const LEVELS = ["National", "Regional", "International"];
const STAGES = ["Identification", "Planning", "Implementation", "Reporting"];
const AS_OF = "2025-06-30";
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);
const STATUSES = ["Not started", "Planned", "In progress", "Completed", "Delayed", "Cancelled"];

/** Rows as the file host hands them over; about 3% carry a planted fault. */
export function generateRows(n: number, seed = 42): CellValue[][] {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const approaches = PLAN_2023_2026.approaches;
  const rows: CellValue[][] = [[...ACTIVITY_HEADERS]];
  const day0 = Date.UTC(2023, 0, 1);
  for (let i = 0; i < n; i++) {
    const a = pick(approaches);
    const start = day0 + Math.floor(rnd() * 1000) * 86_400_000;
    const end = Math.min(start + Math.floor(rnd() * 400) * 86_400_000, Date.UTC(2026, 11, 31));
    // Activities that ended before the as-of date are mostly closed, as in a maintained plan.
    const status = end < AS_OF_MS && rnd() < 0.9 ? "Completed" : pick(STATUSES);
    const budget = Math.round(rnd() * 500_000);
    const r: CellValue[] = [
      `ACT-${i + 1}`,
      `Activity ${i + 1} under ${a.code}`,
      a.outcome,
      a.subOutcome,
      a.code,
      pick(AGENCY_TEXT),
      pick(LEVELS),
      pick(COUNTRY_TEXT),
      pick(STAGES),
      status,
      new Date(start),
      new Date(end),
      budget,
      Math.round(budget * rnd()),
      status === "Completed" ? 1 : status === "Not started" ? 0 : Math.round(rnd() * 100) / 100,
      1 + Math.floor(rnd() * 5),
      1 + Math.floor(rnd() * 5),
      1 + Math.floor(rnd() * 5),
      rnd() < 0.3 ? "Follow up with the country office" : null,
    ];
    const fault = rnd();
    if (fault < 0.005) r[4] = "3.5.1";
    else if (fault < 0.01) r[5] = "UNEP";
    else if (fault < 0.015) r[10] = "soon";
    else if (fault < 0.02) r[12] = -100;
    else if (fault < 0.025) r[7] = "Atlantis";
    else if (fault < 0.03) r[14] = { error: "#N/A" };
    rows.push(r);
  }
  return rows;
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

async function writeXlsx(file: string, rows: CellValue[][]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet("Activities");
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? undefined : v))).commit();
  ws.commit();
  await wb.commit();
}

/** The bare streaming read: every row's values, nothing else. */
async function readXlsx(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) cells += (row.values as unknown[]).length;
  }
  return cells;
}

function elapsedMs(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** CPU time of this process (user + system), in ms: unlike wall time, it holds when other work shares the cores. */
function cpuMs(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

/** Runs per size: the figures are medians, since the machine is shared and one run can be unlucky. */
const RUNS = 5;

interface Run {
  ms: number;
  cpu: number;
  parseMs: number;
  parseCpu: number;
  rulesMs: number;
  rulesCpu: number;
  errors: number;
  issues: number;
  heapMb: number;
}

/** Parse + validate as the use case runs it, then the two steps apart (parse alone, rules alone). */
function timeValidate(grid: Grid): Run {
  if (global.gc) global.gc();
  const heap0 = process.memoryUsage().heapUsed;
  let c0 = process.cpuUsage();
  let t0 = process.hrtime.bigint();
  const report = validateActivities(grid, { asOf: AS_OF });
  const ms = elapsedMs(t0);
  const cpu = cpuMs(c0);
  // What the report (with its parse) keeps alive, measured while it is still referenced.
  const heapMb = mb(process.memoryUsage().heapUsed - heap0);
  const errors = report.summary.errors;
  const issues = report.issues.length;
  c0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  const parsed = parseActivities(grid);
  const parseMs = elapsedMs(t0);
  const parseCpu = cpuMs(c0);
  c0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  validateParsed(grid, parsed, { asOf: AS_OF });
  const rulesMs = elapsedMs(t0);
  const rulesCpu = cpuMs(c0);
  return { ms, cpu, parseMs, parseCpu, rulesMs, rulesCpu, errors, issues, heapMb };
}

/** The bare streaming read of the same rows from an .xlsx file, RUNS times (wall and CPU medians). */
async function timeBareRead(rows: CellValue[][], n: number): Promise<{ ms: number; cpu: number }> {
  const file = path.join(os.tmpdir(), `iccwc-bench-validate-${n}-${process.pid}.xlsx`);
  const walls: number[] = [];
  const cpus: number[] = [];
  try {
    await writeXlsx(file, rows);
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await readXlsx(file);
      walls.push(elapsedMs(t0));
      cpus.push(cpuMs(c0));
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
  return { ms: median(walls), cpu: median(cpus) };
}

const TARGET_ROWS = 100_000;
const TARGET_MS = 1000;

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  // Warm-up: the JIT and the matchers' caches, as a long-running pane or CLI would have them.
  timeValidate({ sheet: "Activities", top: 1, left: 1, rows: generateRows(2000, 7) });
  for (const n of [10_000, TARGET_ROWS]) {
    const rows = generateRows(n);
    const grid: Grid = { sheet: "Activities", top: 1, left: 1, rows };
    const loadBefore = loadAverage();
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(timeValidate(grid));
    const loadAfter = loadAverage();
    // Peak RSS of this process so far (generated rows included): the process cannot shrink below it.
    const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);
    const rssMb = mb(process.memoryUsage().rss);
    const read = await timeBareRead(rows, n);
    const wall = median(runs.map((r) => r.ms));
    const cpu = median(runs.map((r) => r.cpu));
    const label = n.toLocaleString("en-US");
    results.push({
      name: `parse + validate ${label} rows (median of ${RUNS} runs)`,
      figures: {
        wallMs: Math.round(wall),
        cpuMs: Math.round(cpu),
        wallMsRuns: runs.map((r) => Math.round(r.ms)).join("/"),
        cpuMsRuns: runs.map((r) => Math.round(r.cpu)).join("/"),
        rowsPerSecond: Math.round((n / wall) * 1000),
        rowsPerCpuSecond: Math.round((n / cpu) * 1000),
        parseOnlyMs: Math.round(median(runs.map((r) => r.parseMs))),
        parseOnlyCpuMs: Math.round(median(runs.map((r) => r.parseCpu))),
        rulesOnlyMs: Math.round(median(runs.map((r) => r.rulesMs))),
        rulesOnlyCpuMs: Math.round(median(runs.map((r) => r.rulesCpu))),
        issues: runs[0]!.issues,
        errors: runs[0]!.errors,
        heapRetainedMb: median(runs.map((r) => r.heapMb)),
        rssMb,
        peakRssMb,
        bareXlsxReadMs: Math.round(read.ms),
        bareXlsxReadCpuMs: Math.round(read.cpu),
        validateToReadRatio: Math.round((wall / read.ms) * 100) / 100,
        validateToReadCpuRatio: Math.round((cpu / read.cpu) * 100) / 100,
        loadAverage1m: `${loadBefore} -> ${loadAfter}`,
      },
    });
    if (n === TARGET_ROWS) {
      results.push({
        name: `target: ${label} rows parsed + validated in under ${TARGET_MS / 1000} s`,
        figures: {
          medianWallMs: Math.round(wall),
          medianCpuMs: Math.round(cpu),
          wall: wall < TARGET_MS ? "met" : "missed",
          cpu: cpu < TARGET_MS ? "met" : "missed",
          // On a shared machine wall time also counts the neighbours: read it with the load average.
          loadAverage1m: `${loadBefore} -> ${loadAfter}`,
          cores: os.cpus().length,
        },
      });
    }
  }
  return results;
}

if (require.main === module) {
  run().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
