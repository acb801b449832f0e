/**
 * One workbook open in the preview: the simulated Excel workbook, the Excel port over it (the same
 * adapter code that runs in Excel), the PlanHost the pane uses, and every change set written to it,
 * kept so "Download .xlsx" can write the same changes into the file with the file host's ExcelJS code.
 * A person's typing in the grid goes in as Excel takes it (the simulation raises its change event, so
 * quick entry runs here with the same code as in Excel) and is kept as a change set too.
 */
import type { ChangeOp, ChangeSet } from "../core/changeset";
import { cellAddress, parseAddress, type CellValue } from "../core/grid";
import type { SamplePlan } from "../core/layout/sample";
import { createExcelPort } from "../hosts/excel/excel-workbook-port";
import { SimWorkbook, simulatedRun } from "../hosts/excel/simulation";
import type { WorkbookPort } from "../ports/workbook-port";
import { excelSelection, selectCellWith } from "../taskpane/host/excel-actions";
import { quickEntryControl } from "../taskpane/host/office-host";
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
  /** Change sets applied so far, in order: the pane's, quick entry's and the person's own typing. */
  readonly applied: ChangeSet[];
  /**
   * A person types (or clears, with nulls) the block at `at` of `sheet` in the grid. Excel's typing
   * rules apply (a leading apostrophe keeps text); throws the simulation's error on a protected sheet.
   */
  edit(sheet: string, at: string, rows: readonly (readonly unknown[])[]): void;
  /** A person selects "B3" or "B3:D9" of `sheet` in the grid (what Import's "Use the selection" reads). */
  select(sheet: string, address: string): void;
  /** Stop listening (quick entry) when another workbook replaces this one. */
  dispose(): Promise<void>;
}

/** The change set that writes what a person's edit left in the cells, for the download. */
export function editChangeSet(
  sheet: string,
  at: string,
  typed: {
    values: readonly (readonly CellValue[])[];
    formulas: readonly (readonly (string | null)[])[];
    dateCells: string[];
  },
): ChangeSet {
  const { row, col } = parseAddress(at);
  const ops: ChangeOp[] = [{ kind: "values", sheet, at, values: typed.values.map((r) => [...r]) }];
  typed.formulas.forEach((r, i) =>
    r.forEach((f, j) => {
      if (f !== null) ops.push({ kind: "formulas", sheet, at: cellAddress(row + i, col + j), formulas: [[f]] });
    }),
  );
  for (const cell of typed.dateCells) ops.push({ kind: "numberFormat", sheet, range: cell, format: "yyyy-mm-dd" });
  return { ops };
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
    // As in Excel: Workbook.getSelectedRange, which the simulation answers from the person's selection.
    getSelection: () => excelSelection(run),
    loadSample,
  });
  const quickEntry = quickEntryControl(run, port);
  return {
    id: nextId++,
    fileName,
    sim,
    host: { ...host, quickEntry },
    source,
    applied,
    edit: (sheet, at, rows) => {
      const typed = sim.userEdit(sheet, at, rows);
      applied.push(editChangeSet(sheet, at, typed));
      onChange();
    },
    select: (sheet, address) => sim.userSelect(sheet, address),
    dispose: () => (quickEntry.isOn() ? quickEntry.set(false) : Promise.resolve()),
  };
}

export function newWorkbookSession(onChange: () => void): PreviewSession {
  const sim = new SimWorkbook();
  sim.addSheet("Sheet1");
  return createSession(sim, "action-plan.xlsx", null, onChange);
}
