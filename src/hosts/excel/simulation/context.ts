/**
 * The simulated RequestContext and `Excel.run`. Every `sync()` is recorded with its request and
 * response sizes (JSON length of the queued arguments and of the loaded values), and the limits of
 * Excel on the web are enforced: 5 MB per request, 5 MB per response, 5,000,000 cells per read.
 */
import type { ActionResult, QueuedAction, QueuedRead } from "./base";
import { SimulatedOfficeError } from "./errors";
import type { SimWorkbook } from "./state";
import { SimWorkbookProxy } from "./workbook";

export class SimRequestContext {
  private queued: { action: QueuedAction; read: boolean }[] = [];
  readonly workbook: SimWorkbookProxy;
  /** Office.js keeps tracked objects across syncs; the simulation needs no bookkeeping. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly sim: SimWorkbook) {
    this.workbook = new SimWorkbookProxy(this);
  }

  enqueue(action: QueuedAction): void {
    this.queued.push({ action, read: false });
  }

  enqueueRead(action: QueuedRead): void {
    this.queued.push({ action, read: true });
  }

  /** Actions waiting for the next sync (tests use it to show nothing is sent before sync). */
  get pending(): number {
    return this.queued.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queued;
    this.queued = [];
    const { sim } = this;
    const requestBytes = actions.reduce((n, a) => n + a.action.bytes, 2);
    if (requestBytes > sim.limits.requestBytes) {
      sim.syncs.push({ requestBytes, responseBytes: 0, actions: actions.length, cellsRead: 0 });
      throw new SimulatedOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) exceeds the limit of ${sim.limits.requestBytes} bytes. Split the writes into smaller blocks.`,
      );
    }
    let responseBytes = 2;
    let cellsRead = 0;
    const commits: (() => void)[] = [];
    try {
      for (const { action: a, read } of actions) {
        if (a.api > sim.excelApi)
          throw new SimulatedOfficeError(
            "ApiNotFound",
            `${a.label} needs ExcelApi 1.${a.api}; this host supports 1.${sim.excelApi}.`,
          );
        const out = a.run();
        if (!read) continue;
        const r = out as ActionResult;
        if (r.response !== undefined) responseBytes += JSON.stringify(r.response).length + 1;
        if (r.cells) {
          if (r.cells > sim.limits.cellsPerRead)
            throw new SimulatedOfficeError(
              "ResponsePayloadSizeLimitExceeded",
              `${a.label} reads ${r.cells} cells; Excel reads at most ${sim.limits.cellsPerRead} cells at once.`,
            );
          cellsRead += r.cells;
        }
        if (r.commit) commits.push(r.commit);
      }
    } finally {
      sim.syncs.push({ requestBytes, responseBytes, actions: actions.length, cellsRead });
    }
    if (responseBytes > sim.limits.responseBytes) {
      throw new SimulatedOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) exceeds the limit of ${sim.limits.responseBytes} bytes. Read in smaller blocks.`,
      );
    }
    for (const c of commits) c();
    return passThroughValue as T;
  }
}

/** `Excel.run` over a simulated workbook. */
export async function runSimulated<T>(sim: SimWorkbook, batch: (context: SimRequestContext) => Promise<T>): Promise<T> {
  return batch(new SimRequestContext(sim));
}

/**
 * A drop-in for `Excel.run`, for createExcelPort, quick entry and the ribbon command. The cast is the one place the
 * simulation meets the real types; every simulated class is declared against @types/office-js
 * (Pick<Excel.X, ...> and Parameters<Excel.X["method"]>) so a drift fails the type check there.
 */
export function simulatedRun(sim: SimWorkbook): typeof Excel.run {
  // Excel.run(batch), or Excel.run(context, batch) to carry on with the context of an earlier run (the
  // documented way to remove an event handler: `Excel.run(result.context, ...)`).
  const run = <T>(...args: unknown[]): Promise<T> => {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<T>;
    const first = args.length > 1 ? args[0] : undefined;
    if (first === undefined) return runSimulated(sim, (ctx) => batch(ctx as unknown as Excel.RequestContext));
    if (!(first instanceof SimRequestContext) || first.sim !== sim)
      throw new SimulatedOfficeError(
        "InvalidArgument",
        "Excel.run takes a batch, or a request context from an earlier run on this workbook.",
      );
    return batch(first as unknown as Excel.RequestContext);
  };
  return run as unknown as typeof Excel.run;
}
