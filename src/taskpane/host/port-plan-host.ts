/**
 * A PlanHost over any WorkbookPort: each action is one use case from src/app (the same ones the CLI
 * runs). The surface supplies only what a port cannot do: select a cell and say what is selected.
 */
import { appendImport, previewImport } from "../../app/import";
import { scorePlan } from "../../app/score";
import { setUpPlan, type SetUpResult } from "../../app/setup";
import { summarizePlan } from "../../app/summarize";
import { checkPlan } from "../../app/validate";
import { usedExtent } from "../../core/layout/activities-sheet";
import { sampleSettings, type SamplePlan } from "../../core/layout/sample";
import { SHEETS } from "../../core/layout/sheet-names";
import type { WorkbookPort } from "../../ports/workbook-port";
import type { CellRef, OperationOptions, PlanHost } from "./plan-host";
import { selectionPort } from "./selection-port";
import { readWeights, saveWeights } from "./weights";

export interface SurfaceActions {
  name: string;
  selectCell(sheet: string, address: string): Promise<void>;
  getSelection(): Promise<CellRef | null>;
  /** The bundled sample plan, loaded on demand (only the preview offers it: it stays out of the pane's bundle). */
  loadSample?: () => Promise<SamplePlan>;
}

/** Spread only the options that are set (exactOptionalPropertyTypes-friendly, and no undefined keys). */
function opts(o: OperationOptions): OperationOptions {
  return { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) };
}

/** True when Activities already holds rows under its header: the sample is for a new plan only. */
async function hasActivities(port: WorkbookPort): Promise<boolean> {
  const names = (await port.listSheets()).map((s) => s.name);
  if (!names.includes(SHEETS.activities)) return false;
  return usedExtent(await port.readSheet(SHEETS.activities)).lastRow > 1;
}

export function createPortPlanHost(port: WorkbookPort, surface: SurfaceActions): PlanHost {
  return {
    name: surface.name,

    async setUp(options): Promise<SetUpResult> {
      const sample = options.sample && surface.loadSample && !(await hasActivities(port)) ? await surface.loadSample() : null;
      return setUpPlan(port, { ...opts(options), ...(sample ? { sample: sample.activities, sampleSettings: sampleSettings(sample) } : {}) });
    },

    check: (options) => checkPlan(port, { asOf: options.asOf, annotate: options.annotate, ...(options.signal ? { signal: options.signal } : {}) }),

    readWeights: () => readWeights(port),
    saveWeights: (weights, options = {}) => saveWeights(port, weights, opts(options)),

    score: (options) => scorePlan(port, { asOf: options.asOf, writeColumns: options.writeColumns, ...opts(options) }),

    summarize: (options) =>
      summarizePlan(port, { asOf: options.asOf, generatedOn: options.generatedOn, write: true, ...(options.signal ? { signal: options.signal } : {}) }),

    listSheets: () => port.listSheets(),
    getSelection: () => surface.getSelection(),
    selectCell: (sheet, address) => surface.selectCell(sheet, address),

    previewImport(request) {
      const source = request.range ? selectionPort(port, request.sheet, request.range) : port;
      return previewImport(source, {
        sheet: request.sheet,
        ...(request.mappingOverride ? { mappingOverride: request.mappingOverride } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },

    appendImport: (result, options = {}) => appendImport(port, result, opts(options)),
  };
}
