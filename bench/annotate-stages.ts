/**
 * Per-stage figures for the annotate bench: peak RSS, CPU and wall time of each stage (open, read,
 * validate, score, summarise, lay out, apply, save) in one process.
 *
 * The peak is sampled from a worker thread: the main thread is busy in synchronous code for seconds at
 * a time (validation, summaries), where a main-thread timer would never fire and would miss the peak.
 * The stage number is shared with the worker through a SharedArrayBuffer, so the sample lands in the
 * stage that is running when it is taken. With `BENCH_GC=1`, each stage also ends with a forced GC and
 * records the live heap left, which tells what a stage keeps from what it merely churns through.
 */
import * as v8 from "v8";
import * as vm from "vm";
import { Worker } from "worker_threads";

export const STAGES = ["open", "read", "validate", "score", "summarize", "lay out", "apply", "save"] as const;
export type Stage = (typeof STAGES)[number];

export interface StageFigures {
  stage: Stage;
  peakRssMb: number;
  cpuMs: number;
  wallMs: number;
  /** Live heap after a forced GC at the end of the stage (only with BENCH_GC=1). */
  heapAfterGcMb?: number;
}

const SAMPLER = `
const { workerData } = require("worker_threads");
const stage = new Int32Array(workerData, 0, 1);
const peaks = new Float64Array(workerData, 8, ${STAGES.length});
setInterval(() => {
  const s = Atomics.load(stage, 0);
  const rss = process.memoryUsage.rss();
  if (rss > peaks[s]) peaks[s] = rss;
}, 10);
`;

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/** A forced GC without starting node with --expose-gc (diagnostic runs only). */
function forcedGc(): (() => void) | null {
  if (process.env.BENCH_GC !== "1") return null;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

export class StageMeter {
  private readonly shared = new SharedArrayBuffer(8 + 8 * STAGES.length);
  private readonly current = new Int32Array(this.shared, 0, 1);
  private readonly peaks = new Float64Array(this.shared, 8, STAGES.length);
  private readonly worker: Worker;
  private readonly figures = new Map<Stage, StageFigures>();
  private readonly gc = forcedGc();
  private stage: Stage = "open";
  private cpu0 = process.cpuUsage();
  private wall0 = process.hrtime.bigint();

  constructor() {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: this.shared });
    this.worker.unref();
  }

  /** Close the running stage and start `next` (a stage may not come back once left). */
  enter(next: Stage): void {
    if (next === this.stage) return;
    this.close();
    this.stage = next;
    Atomics.store(this.current, 0, STAGES.indexOf(next));
  }

  /** Stage from annotate's progress messages (the host's own messages during apply come above 0.7). */
  onProgress = (p: { fraction: number; message: string }): void => {
    if (p.fraction >= 0.7) this.enter("apply");
    else if (p.message === "Reading the workbook") this.enter("read");
    else if (p.message === "Checking every activity") this.enter("validate");
    else if (p.message === "Running score") this.enter("score");
    else if (p.message === "Running summarize") this.enter("summarize");
    else if (p.message === "Laying out the workbook") this.enter("lay out");
  };

  async finish(): Promise<StageFigures[]> {
    this.close();
    // One more sample period, so the last stage's peak is in.
    await new Promise((r) => setTimeout(r, 30));
    await this.worker.terminate();
    return STAGES.filter((s) => this.figures.has(s)).map((s) => ({
      ...this.figures.get(s)!,
      peakRssMb: mb(this.peaks[STAGES.indexOf(s)]!),
    }));
  }

  private close(): void {
    const cpu = process.cpuUsage(this.cpu0);
    const wall = Number(process.hrtime.bigint() - this.wall0) / 1e6;
    const rss = process.memoryUsage.rss();
    const i = STAGES.indexOf(this.stage);
    if (rss > this.peaks[i]!) this.peaks[i] = rss;
    const fig: StageFigures = {
      stage: this.stage,
      peakRssMb: 0,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      wallMs: Math.round(wall),
    };
    if (this.gc) {
      this.gc();
      fig.heapAfterGcMb = mb(process.memoryUsage().heapUsed);
    }
    this.figures.set(this.stage, fig);
    this.cpu0 = process.cpuUsage();
    this.wall0 = process.hrtime.bigint();
  }
}

/** "open 359 MB 1.2 s CPU 1.5 s; validate ..." for the bench's one-line output. */
export function formatStages(stages: readonly StageFigures[]): string {
  return stages
    .map(
      (s) =>
        `${s.stage} ${s.peakRssMb} MB, ${(s.cpuMs / 1000).toFixed(1)} s CPU, ${(s.wallMs / 1000).toFixed(1)} s wall` +
        (s.heapAfterGcMb !== undefined ? `, ${s.heapAfterGcMb} MB live after GC` : ""),
    )
    .join("; ");
}
