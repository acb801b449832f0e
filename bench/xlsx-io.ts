/**
 * The file host's speed and memory, each case in its own process (bench-child.ts):
 * - bare: ExcelJS's fastest path, the streaming WorkbookReader + WorkbookWriter, reading every cell of a
 *   10,000 / 100,000-row Activities file and writing the same values to a new file;
 * - host: our open (zip and XML checks + ExcelJS whole-workbook load) + apply (notes and fills on 3% of
 *   rows, an Issues sheet with a table) + atomic save of the same file;
 * - hostile: time and peak memory to refuse each hostile file;
 * - writers: the same cells (those of annotate's output when bench/annotate.ts has left one, else the
 *   host case's output) written by ExcelJS's streaming writer (Row and Cell objects) and by the
 *   streaming path's own writer (src/hosts/xlsx/streaming/write.ts, SpreadsheetML straight into the
 *   zip), as time per million cells; the cells are read first, untimed.
 * The issue's target for annotate is at most 1.5x bare and under 1 GB at 100,000 rows (see annotate.ts).
 */
import { fork } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp } from "../src/core/changeset";
import { openWorkbookFile, WorkbookFileError } from "../src/hosts/xlsx";
import { writeStreamAtomic } from "../src/hosts/xlsx/atomic-write";
import type { BookStore } from "../src/hosts/xlsx/streaming/store";
import { newSheet } from "../src/hosts/xlsx/streaming/store";
import { writeStore } from "../src/hosts/xlsx/streaming/write";
import { buildZip, minimalXlsx, sharedStringsXml, sheetXml } from "../tests/hostile/support/raw-zip";
import type { BenchResult } from "./types";
import { generateRows } from "./validate";

/*
 * Each case runs in a fresh Node process, so its time and peak memory are its own: the child samples
 * process.memoryUsage().rss every 20 ms and reports the peak with its wall time as one JSON line.
 */

export interface ChildFigures {
  ms: number;
  /** User + system CPU time of the child: steadier than wall time on a loaded machine. */
  cpuMs: number;
  peakRssMb: number;
  /** Anything the case wants to say (e.g. the rejection kind). */
  note?: string;
}

/** In the child: time `work`, sample RSS, print one JSON line. */
export async function runAsChild(work: () => Promise<string | void>): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }, 20);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const note = await work();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const out: ChildFigures = {
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(peak / 1024 / 1024),
    ...(note ? { note } : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** In the parent: fork `module` with args and collect its figures. */
export function measureInChild(
  module: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(module, args, {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      execArgv: ["--max-old-space-size=8192"],
      env: { ...process.env, ...env },
    });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as ChildFigures);
      } catch {
        reject(new Error(`bench child ${args.join(" ")} exited ${code}: ${err.slice(0, 500)}`));
      }
    });
  });
}

export const SIZES = [10_000, 100_000];

/** An Activities workbook of n generated rows, written once per size with the streaming writer. */
export async function activitiesFile(n: number): Promise<string> {
  const file = path.join(os.tmpdir(), `iccwc-bench-activities-${n}.xlsx`);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const sheet = wb.addWorksheet("Activities");
  for (const row of generateRows(n)) sheet.addRow(row as ExcelJS.CellValue[]).commit();
  sheet.commit();
  await wb.commit();
  fs.renameSync(tmp, file);
  return file;
}

/**
 * The ways ExcelJS's streaming writer can copy a file faithfully (styles kept, so dates stay dates):
 * shared or inline strings, its default deflate level or level 1 (what our writer uses). Which is
 * fastest depends on the file and the machine, so the annotate bench runs each and compares with the
 * fastest.
 */
export const BARE_VARIANTS: Record<string, { useSharedStrings: boolean; zipLevel?: number }> = {
  "shared strings": { useSharedStrings: true },
  "shared strings, deflate level 1": { useSharedStrings: true, zipLevel: 1 },
  "inline strings, deflate level 1": { useSharedStrings: false, zipLevel: 1 },
};

async function bareStreaming(input: string, output: string, variant = "shared strings"): Promise<void> {
  const v = BARE_VARIANTS[variant];
  if (!v) throw new Error(`no bare variant "${variant}"`);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: output,
    useSharedStrings: v.useSharedStrings,
    useStyles: true,
    ...(v.zipLevel ? { zip: { zlib: { level: v.zipLevel } } } : {}),
  } as ExcelJS.stream.xlsx.WorkbookWriterOptions);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    entries: "emit",
  });
  for await (const sheetReader of reader) {
    const out = writer.addWorksheet((sheetReader as unknown as { name?: string }).name ?? "Sheet");
    for await (const row of sheetReader as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      out.addRow(values).commit();
    }
    out.commit();
  }
  await writer.commit();
}

/** Every sheet's rows of a file, as ExcelJS's streaming reader gives them (row.values: 1-based). */
async function readAllRows(file: string): Promise<{ name: string; rows: ExcelJS.CellValue[][] }[]> {
  const sheets: { name: string; rows: ExcelJS.CellValue[][] }[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "ignore",
    worksheets: "emit",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  for await (const sheetReader of reader) {
    const rows: ExcelJS.CellValue[][] = [];
    for await (const row of sheetReader as unknown as AsyncIterable<ExcelJS.Row>)
      rows[row.number] = row.values as ExcelJS.CellValue[];
    sheets.push({ name: (sheetReader as unknown as { name?: string }).name ?? "Sheet", rows });
  }
  return sheets;
}

/**
 * The streaming path's writer on the same cells as bareStreamingWriteOf: the rows read first (untimed)
 * into a store, then writeStore into a temporary file renamed into place, as a save does.
 */
export async function storeWriteOf(file: string, output: string): Promise<string> {
  const store: BookStore = { sheets: [], names: [], date1904: false };
  let cells = 0;
  for (const s of await readAllRows(file)) {
    const sheet = newSheet(s.name);
    s.rows.forEach((values, r) => {
      cells += Math.max(0, values.length - 1); // counted as bareStreamingWriteOf counts them
      sheet.rows[r] = { values, styles: [] };
    });
    store.sheets.push(sheet);
  }
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await writeStreamAtomic(output, (out) => writeStore(store, out, { release: true }));
  const cpu = process.cpuUsage(cpu0);
  return JSON.stringify({
    writeMs: Math.round(Number(process.hrtime.bigint() - t0) / 1e6),
    writeCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    cells,
  });
}

/**
 * The second baseline for annotate: ExcelJS's streaming writer alone writing the cells of a given
 * (annotated) file. The rows are read first, untimed; only the write is timed. So the cost of the
 * output's size (the facts table) is seen apart from the host's own overhead.
 */
export async function bareStreamingWriteOf(file: string, output: string): Promise<string> {
  // The rows in order without the gaps, 0-based as the writer's addRow takes them.
  const sheets = (await readAllRows(file)).map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.filter((values) => values !== undefined).map((values) => values.slice(1)),
  }));
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useSharedStrings: true, useStyles: true });
  let cells = 0;
  for (const sheet of sheets) {
    const out = writer.addWorksheet(sheet.name);
    for (const values of sheet.rows) {
      cells += values.length;
      out.addRow(values).commit();
    }
    out.commit();
  }
  await writer.commit();
  const cpu = process.cpuUsage(cpu0);
  return JSON.stringify({
    writeMs: Math.round(Number(process.hrtime.bigint() - t0) / 1e6),
    writeCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    cells,
  });
}

function annotationOps(rows: number): ChangeOp[] {
  const ops: ChangeOp[] = [
    { kind: "ensureSheet", sheet: "Issues" },
    { kind: "resetSheet", sheet: "Issues" },
  ];
  const issues: (string | number)[][] = [["Severity", "Cell", "Message"]];
  for (let r = 2; r <= rows + 1; r += 33) {
    ops.push(
      { kind: "note", sheet: "Activities", cell: `E${r}`, text: `${ANNOTATION_MARK}approach unknown` },
      { kind: "fill", sheet: "Activities", range: `E${r}`, color: SEVERITY_FILLS.error },
    );
    issues.push(["error", `E${r}`, "approach unknown"]);
  }
  ops.push(
    { kind: "values", sheet: "Issues", at: "A1", values: issues },
    { kind: "table", sheet: "Issues", name: "tblIssues", range: `A1:C${issues.length}` },
  );
  return ops;
}

async function hostRoundTrip(input: string, output: string, rows: number): Promise<void> {
  const book = await openWorkbookFile(input);
  await book.port.readSheet("Activities");
  await book.port.apply({ ops: annotationOps(rows) });
  await book.saveTo(output);
}

/** Hostile files for the refusal timings, written once. */
function hostileFiles(): Record<string, string> {
  const dir = path.join(os.tmpdir(), "iccwc-bench-hostile");
  fs.mkdirSync(dir, { recursive: true });
  const laughs = `<!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
  const cases: Record<string, Buffer> = {
    "zip bomb (150 MB of spaces in one part)": minimalXlsx({
      extra: [{ name: "xl/media/pad.xml", data: Buffer.alloc(140 * 1024 * 1024, 0x20) }],
    }),
    "declared 4 GB part": minimalXlsx({
      extra: [{ name: "xl/worksheets/sheet2.xml", data: Buffer.from("<x/>"), declaredSize: 4_000_000_000 }],
    }),
    "10,001 parts": minimalXlsx({
      extra: Array.from({ length: 10_001 }, (_, i) => ({
        name: `xl/media/p${i}.bin`,
        data: Buffer.from("x"),
        method: 0 as const,
      })),
    }),
    "entity expansion": minimalXlsx({ sharedStrings: sharedStringsXml(["&b;"], laughs) }),
    "dimension A1:XFD1048576": minimalXlsx({
      sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', "A1:XFD1048576"),
    }),
    "40,000-character string": minimalXlsx({ sharedStrings: sharedStringsXml(["x".repeat(40_000)]) }),
    "truncated archive": minimalXlsx().subarray(0, 400),
    "not a zip": buildZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]),
  };
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(cases)) {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
    fs.writeFileSync(file, bytes);
    files[name] = file;
  }
  return files;
}

async function refuse(file: string): Promise<string> {
  try {
    await openWorkbookFile(file);
    return "ACCEPTED";
  } catch (e) {
    return e instanceof WorkbookFileError ? e.kind : `unexpected ${String(e)}`;
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : SIZES;
  for (const n of sizes) {
    const input = await activitiesFile(n);
    const out = (tag: string): string => path.join(os.tmpdir(), `iccwc-bench-out-${tag}-${n}.xlsx`);
    const bare = await measureInChild(__filename, ["--child", "bare", input, out("bare"), String(n)]);
    const host = await measureInChild(__filename, ["--child", "host", input, out("host"), String(n)]);
    results.push({
      name: `${n.toLocaleString("en")} rows`,
      figures: {
        fileMb: Math.round(fs.statSync(input).size / 1e5) / 10,
        bareStreamingMs: bare.ms,
        bareStreamingPeakMb: bare.peakRssMb,
        hostOpenApplySaveMs: host.ms,
        hostPeakMb: host.peakRssMb,
        hostRowsPerSecond: Math.round((n / host.ms) * 1000),
        timeRatioToBare: Math.round((host.ms / bare.ms) * 100) / 100,
        memoryRatioToBare: Math.round((host.peakRssMb / bare.peakRssMb) * 100) / 100,
        // Other jobs on the machine stretch every figure; the ratios are the figures to compare.
        loadAverage: os.loadavg()[0]!.toFixed(1),
      },
    });
  }
  for (const n of sizes) {
    // The writers on the same cells: annotate's output when there is one (its facts table is most of it).
    const annotated = path.join(os.tmpdir(), `iccwc-bench-annotated-${n}.xlsx`);
    const source = fs.existsSync(annotated) ? annotated : path.join(os.tmpdir(), `iccwc-bench-out-host-${n}.xlsx`);
    const exceljs = await measureInChild(__filename, ["--child", "bare-write", source, `${source}.exceljs-write.xlsx`]);
    const ours = await measureInChild(__filename, ["--child", "store-write", source, `${source}.store-write.xlsx`]);
    const e = JSON.parse(exceljs.note ?? "{}") as { writeMs: number; writeCpuMs: number; cells: number };
    const o = JSON.parse(ours.note ?? "{}") as { writeMs: number; writeCpuMs: number; cells: number };
    const perMillion = (ms: number, cells: number): number => Math.round((ms / cells) * 1e6);
    results.push({
      name: `write the cells of ${path.basename(source)}`,
      figures: {
        cells: o.cells,
        exceljsWriterMs: e.writeMs,
        exceljsWriterCpuMs: e.writeCpuMs,
        exceljsWriterMsPerMillionCells: perMillion(e.writeMs, e.cells),
        exceljsWriterPeakMb: exceljs.peakRssMb,
        ourWriterMs: o.writeMs,
        ourWriterCpuMs: o.writeCpuMs,
        ourWriterMsPerMillionCells: perMillion(o.writeMs, o.cells),
        ourWriterPeakMb: ours.peakRssMb,
        cpuRatioOursToExceljs: Math.round((o.writeCpuMs / e.writeCpuMs) * 100) / 100,
        outputMbExceljs: Math.round(fs.statSync(`${source}.exceljs-write.xlsx`).size / 1e5) / 10,
        outputMbOurs: Math.round(fs.statSync(`${source}.store-write.xlsx`).size / 1e5) / 10,
        loadAverage: os.loadavg()[0]!.toFixed(1),
      },
    });
  }
  for (const [name, file] of Object.entries(hostileFiles())) {
    const f = await measureInChild(__filename, ["--child", "hostile", file]);
    results.push({
      name: `refuse ${name}`,
      figures: {
        kind: f.note ?? "",
        ms: f.ms,
        peakRssMb: f.peakRssMb,
        fileKb: Math.round(fs.statSync(file).size / 1024),
      },
    });
  }
  return results;
}

if (require.main === module && process.argv[2] === "--child") {
  const [, , , kind, input, output, rows] = process.argv;
  void runAsChild(async () => {
    if (kind === "bare") await bareStreaming(input!, output!, process.env.BENCH_BARE_VARIANT);
    else if (kind === "host") await hostRoundTrip(input!, output!, Number(rows));
    else if (kind === "hostile") return refuse(input!);
    else if (kind === "bare-write") return bareStreamingWriteOf(input!, output!);
    else if (kind === "store-write") return storeWriteOf(input!, output!);
    return undefined;
  });
}
