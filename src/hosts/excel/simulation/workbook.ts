/** Simulated Excel.Workbook and Excel.Application: the roots the adapter starts from. */
import type { SimRequestContext } from "./context";
import { SimNamedItemCollection, SimNoteCollection, SimPivotTableCollection, SimTableCollection } from "./collections";
import { parseRef } from "../a1";
import { SimRange } from "./range";
import type { SimSheet } from "./state";
import { SimWorksheet, SimWorksheetCollection } from "./worksheet";

export class SimApplication {
  constructor(private readonly context: SimRequestContext) {}
  /** ExcelApi 1.6: Excel does not recalculate until the next sync. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({
      label: "Application.suspendApiCalculationUntilNextSync",
      api: 6,
      bytes: 40,
      run: () => void this.context.sim.calculationSuspensions++,
    });
  }
}

export class SimWorkbookProxy {
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly names: SimNamedItemCollection;
  readonly notes: SimNoteCollection;
  readonly pivotTables: SimPivotTableCollection;
  readonly application: SimApplication;

  constructor(private readonly context: SimRequestContext) {
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context, null);
    this.names = new SimNamedItemCollection(context);
    this.notes = new SimNoteCollection(context, null);
    this.pivotTables = new SimPivotTableCollection(context, null);
    this.application = new SimApplication(context);
  }

  /**
   * ExcelApi 1.1: the selected range (Excel always has one; here it is A1 of the shown sheet until
   * something is selected). Resolved at sync, so a selection made before the sync is the one read.
   */
  getSelectedRange(): SimRange {
    const { context } = this;
    context.enqueue({ label: "Workbook.getSelectedRange", api: 1, bytes: 20, run: () => undefined });
    const sheet = (): SimSheet | null => {
      const sel = context.sim.selection;
      return (sel ? context.sim.findSheet(sel.sheet) : undefined) ?? context.sim.shownSheet() ?? null;
    };
    const ws = new SimWorksheet(context, sheet, false);
    return new SimRange(context, ws, () => {
      const s = sheet();
      const sel = context.sim.selection;
      if (!s) return null;
      return parseRef(sel && context.sim.findSheet(sel.sheet) === s ? sel.address : s.selected).rect;
    });
  }
}
