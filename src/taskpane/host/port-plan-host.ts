/**
 * A PlanHost over any WorkbookPort: each action is one use case from src/app (the same ones the CLI
 * runs). The surface supplies only what a port cannot do: select a cell and say what is selected.
 *
 * The use cases are loaded on first use (or when `preloadEngine` is called after the first render)
 * from their own webpack chunk: the pane shows its first panel without waiting for the engine.
 */
import type { SetUpResult } from "../../app/setup";
import type { SamplePlan } from "../../core/layout/sample";
import { SHEETS } from "../../core/layout/sheet-names";
import type { WorkbookPort } from "../../ports/workbook-port";
import type { CellRef, OperationOptions, PlanHost } from "./plan-host";

export interface SurfaceActions {
  name: string;
  selectCell(sheet: string, address: string): Promise<void>;
  getSelection(): Promise<CellRef | null>;
  /** The bundled sample plan, loaded on demand (only the preview offers it: it stays out of the pane's bundle). */
  loadSample?: () => Promise<SamplePlan>;
}

type Engine = typeof import("./use-cases");
let engine: Promise<Engine> | null = null;

/** The use cases, loaded once. A failed load is retried on the next call (a flaky connection in Excel on the web). */
export function loadEngine(): Promise<Engine> {
  if (!engine) {
    engine = import(/* webpackChunkName: "plan-engine" */ "./use-cases");
    engine.catch(() => (engine = null));
  }
  return engine;
}

/** Start downloading the engine once the pane is on screen, so the first click does not wait for it. */
export function preloadEngine(): void {
  void loadEngine().catch(() => undefined);
}

/** Spread only the options that are set (no undefined keys reach the use cases). */
function opts(o: OperationOptions): OperationOptions {
  return { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) };
}

/** True when Activities already holds rows under its header: the sample is for a new plan only. */
async function hasActivities(e: Engine, port: WorkbookPort): Promise<boolean> {
  const names = (await port.listSheets()).map((s) => s.name);
  if (!names.includes(SHEETS.activities)) return false;
  return e.usedExtent(await port.readSheet(SHEETS.activities)).lastRow > 1;
}

export function createPortPlanHost(port: WorkbookPort, surface: SurfaceActions): PlanHost {
  return {
    name: surface.name,

    async setUp(options): Promise<SetUpResult> {
      const e = await loadEngine();
      const sample =
        options.sample && surface.loadSample && !(await hasActivities(e, port)) ? await surface.loadSample() : null;
      return e.setUpPlan(port, {
        ...opts(options),
        ...(sample ? { sample: sample.activities, sampleSettings: e.sampleSettings(sample) } : {}),
      });
    },

    check: async (options) =>
      (await loadEngine()).checkPlan(port, {
        asOf: options.asOf,
        annotate: options.annotate,
        ...(options.signal ? { signal: options.signal } : {}),
      }),

    readWeights: async () => (await loadEngine()).readWeights(port),
    saveWeights: async (weights, options = {}) => (await loadEngine()).saveWeights(port, weights, opts(options)),

    score: async (options) =>
      (await loadEngine()).scorePlan(port, {
        asOf: options.asOf,
        writeColumns: options.writeColumns,
        ...opts(options),
      }),

    summarize: async (options) =>
      (await loadEngine()).summarizePlan(port, {
        asOf: options.asOf,
        generatedOn: options.generatedOn,
        write: true,
        ...(options.signal ? { signal: options.signal } : {}),
      }),

    listSheets: () => port.listSheets(),
    getSelection: () => surface.getSelection(),
    selectCell: (sheet, address) => surface.selectCell(sheet, address),

    async previewImport(request) {
      const e = await loadEngine();
      const source = request.range ? e.selectionPort(port, request.sheet, request.range) : port;
      return e.previewImport(source, {
        sheet: request.sheet,
        ...(request.mappingOverride ? { mappingOverride: request.mappingOverride } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },

    appendImport: async (result, options = {}) => (await loadEngine()).appendImport(port, result, opts(options)),
  };
}
