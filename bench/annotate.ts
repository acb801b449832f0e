/**
 * `annotate` end to end on 10,000 and 100,000 generated activity rows: open (with the zip and XML
 * checks) + annotateWorkbook (validate, score, summarise, cover) + atomic save, against ExcelJS's bare
 * streaming read + write of the same file. Each case runs in its own process (see xlsx-io.ts).
 * Target from issue 6: at most 1.5x the bare streaming figure, and under 1 GB peak at 100,000 rows.
 */
import * as os from "os";
import * as path from "path";
import { annotateWorkbook } from "../src/app/annotate";
import { openWorkbookFile } from "../src/hosts/xlsx";
import type { BenchResult } from "./types";
import { activitiesFile, measureInChild, runAsChild, SIZES } from "./xlsx-io";

async function annotateFile(input: string, output: string, streamAboveCells?: number): Promise<string> {
  const book = await openWorkbookFile(input, streamAboveCells === undefined ? undefined : { streamAboveCells });
  await annotateWorkbook(book.port, { asOf: "2025-06-30", generatedOn: "2025-06-30", hostSkips: ["pivot", "chart"] });
  await book.saveTo(output);
  return book.mode;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : SIZES;
  for (const n of sizes) {
    const input = await activitiesFile(n);
    const bareOut = path.join(os.tmpdir(), `iccwc-bench-annotate-bare-${n}.xlsx`);
    const out = path.join(os.tmpdir(), `iccwc-bench-annotated-${n}.xlsx`);
    const xlsxIo = path.join(__dirname, "xlsx-io.js");
    const bare = await measureInChild(xlsxIo, ["--child", "bare", input, bareOut, String(n)]);
    const annotate = await measureInChild(__filename, ["--child", "annotate", input, out]);
    // Second baseline: the streaming writer alone, writing the same output cells (read first, untimed).
    const bareWrite = await measureInChild(xlsxIo, ["--child", "bare-write", out, `${out}.bare-write.xlsx`]);
    const w = JSON.parse(bareWrite.note ?? "{}") as { writeMs?: number; writeCpuMs?: number; cells?: number };
    results.push({
      name: `annotate ${n.toLocaleString("en")} rows`,
      figures: {
        path: annotate.note ?? "",
        annotateMs: annotate.ms,
        annotateCpuMs: annotate.cpuMs,
        annotatePeakMb: annotate.peakRssMb,
        rowsPerSecond: Math.round((n / annotate.ms) * 1000),
        bareStreamingMs: bare.ms,
        bareStreamingCpuMs: bare.cpuMs,
        bareStreamingPeakMb: bare.peakRssMb,
        timeRatioToBare: round2(annotate.ms / bare.ms),
        cpuRatioToBare: round2(annotate.cpuMs / bare.cpuMs),
        outputCells: w.cells ?? 0,
        bareWriteOfOutputMs: w.writeMs ?? 0,
        bareWriteOfOutputCpuMs: w.writeCpuMs ?? 0,
        timeRatioToBareWriteOfOutput: w.writeMs ? round2(annotate.ms / w.writeMs) : 0,
        cpuRatioToBareWriteOfOutput: w.writeCpuMs ? round2(annotate.cpuMs / w.writeCpuMs) : 0,
        target: "<= 1.5x bare, < 1024 MB at 100,000 rows",
        loadAverage: os.loadavg()[0]!.toFixed(1),
      },
    });
  }
  return results;
}

if (require.main === module && process.argv[2] === "--child") {
  const [, , , kind, input, output, threshold] = process.argv;
  void runAsChild(async () => {
    if (kind === "annotate")
      return annotateFile(input!, output!, threshold === undefined ? undefined : Number(threshold));
    return undefined;
  });
}
