/** Simulated Excel.Workbook and Excel.Application: the roots the adapter starts from. */
import type { SimRequestContext } from "./context";
import { SimNamedItemCollection, SimNoteCollection, SimPivotTableCollection, SimTableCollection } from "./collections";
import { SimWorksheetCollection } from "./worksheet";

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

  constructor(context: SimRequestContext) {
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context, null);
    this.names = new SimNamedItemCollection(context);
    this.notes = new SimNoteCollection(context, null);
    this.pivotTables = new SimPivotTableCollection(context, null);
    this.application = new SimApplication(context);
  }
}
