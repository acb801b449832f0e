/**
 * One workbook open in the preview: the simulated Excel workbook, the Excel port over it (the same
 * adapter code that runs in Excel), the PlanHost the pane uses, and every change set the port applied,
 * kept so "Download .xlsx" can write the same changes into the file with the file host's ExcelJS code.
 */
import type { ChangeSet } from "../core/changeset";
import type { SamplePlan } from "../core/layout/sample";
import { createExcelPort } from "../hosts/excel/excel-workbook-port";
import { SimWorkbook, simulatedRun } from "../hosts/excel/simulation";
import type { WorkbookPort } from "../ports/workbook-port";
import { selectCellWith } from "../taskpane/host/excel-actions";
import type { PlanHost } from "../taskpane/host/plan-host";
import { createPortPlanHost } from "../taskpane/host/port-plan-host";

export interface PreviewSession {
  readonly id: number;
  /** The file name shown in the toolbar and used for the download. */
  readonly fileName: string;
  readonly sim: SimWorkbook;
  readonly host: PlanHost;
  /** The .xlsx the workbook was opened from (null for a new workbook): the download starts from it. */
  readonly source: ArrayBuffer | null;
  /** Change sets applied so far, in order. */
  readonly applied: ChangeSet[];
}

let nextId = 1;

/** Loads the bundled sample on demand, in its own chunk (it is not part of the pane in Excel). */
async function loadSample(): Promise<SamplePlan> {
  const [{ samplePlanSchema }, json] = await Promise.all([
    import("../core/layout/sample"),
    import("../../samples/sample-plan.json"),
  ]);
  return samplePlanSchema.parse(json.default ?? json);
}

export function createSession(
  sim: SimWorkbook,
  fileName: string,
  source: ArrayBuffer | null,
  onChange: () => void,
): PreviewSession {
  const run = simulatedRun(sim);
  const excel = createExcelPort(run, { isSetSupported: sim.isSetSupported });
  const applied: ChangeSet[] = [];
  const port: WorkbookPort = {
    listSheets: () => excel.listSheets(),
    readSheet: (name, options) => excel.readSheet(name, options),
    apply: async (changes, options) => {
      try {
        const report = await excel.apply(changes, options);
        applied.push(changes);
        return report;
      } finally {
        // Redraw the grid even after a failure: whole blocks may have been written before it.
        onChange();
      }
    },
  };
  const host = createPortPlanHost(port, {
    name: "Preview",
    selectCell: async (sheet, address) => {
      await selectCellWith(run, sheet, address);
      onChange();
    },
    // The simulation keeps the selection in its state (Excel's getSelectedRange is not simulated).
    getSelection: async () => (sim.selection ? { sheet: sim.selection.sheet, address: sim.selection.address } : null),
    loadSample,
  });
  return { id: nextId++, fileName, sim, host, source, applied };
}

export function newWorkbookSession(onChange: () => void): PreviewSession {
  const sim = new SimWorkbook();
  sim.addSheet("Sheet1");
  return createSession(sim, "action-plan.xlsx", null, onChange);
}
