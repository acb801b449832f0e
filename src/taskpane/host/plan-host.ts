/**
 * PlanHost: everything the task pane asks of its host, as plain async functions. Components receive it
 * through context (HostProvider), never reach Office.js themselves, and are tested with a fake host.
 * Two real hosts exist: Excel (office-host.ts) and the preview page's simulated workbook; both are
 * `createPortPlanHost` over a WorkbookPort, so the pane runs the same use cases as the CLI.
 */
import type { AppendImportResult } from "../../app/import";
import type { ScorePlanResult } from "../../app/score";
import type { SetUpResult } from "../../app/setup";
import type { SummarizePlanResult } from "../../app/summarize";
import type { CheckPlanResult } from "../../app/validate";
import type { ImportResult, MappingOverride } from "../../core/import";
import type { Issue } from "../../core/issues";
import type { Weights } from "../../core/settings";
import type { ApplyReport, ProgressReport, SheetInfo } from "../../ports/workbook-port";

/** What every long operation accepts: a cancel signal and a progress callback. */
export interface OperationOptions {
  signal?: AbortSignal;
  onProgress?: (p: ProgressReport) => void;
}

export interface CellRef {
  sheet: string;
  /** A1 address of a cell or range, without the sheet. */
  address: string;
}

export interface WeightsState {
  weights: Weights;
  /** Problems found reading the Settings sheet (the defaults used instead, at their cells). */
  issues: Issue[];
  /** False when the workbook has no Settings sheet yet (Save creates it). */
  fromSheet: boolean;
}

export interface ImportRequest extends OperationOptions {
  /** The source sheet. */
  sheet: string;
  /** Only this range of the sheet ("A1:H40"), when the user chose "Use the selection". */
  range?: string;
  /** The user's corrections: column letter -> field, "unmapped" or "ignore". */
  mappingOverride?: MappingOverride;
}

/**
 * Quick entry while typing (Excel only): outcome and sub-outcome filled from the approach, new IDs,
 * bad values flagged, one batch per burst of edits. Writing clears Excel's undo history, so it can be
 * switched off.
 */
export interface QuickEntryControl {
  isOn(): boolean;
  /** Start or stop listening to Activities; rejects (e.g. no Activities sheet yet) with the host's error. */
  set(on: boolean): Promise<void>;
  /** Be told when it starts or stops (it may start on its own when the pane opens); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface PlanHost {
  /** Where the pane runs, for the header: "Excel" or "Preview". */
  readonly name: string;
  setUp(options: OperationOptions & { sample?: boolean }): Promise<SetUpResult>;
  check(options: OperationOptions & { asOf: string; annotate: boolean }): Promise<CheckPlanResult>;
  readWeights(): Promise<WeightsState>;
  /** Write the weights into the Settings sheet (only these cells). */
  saveWeights(weights: Weights, options?: OperationOptions): Promise<ApplyReport>;
  score(options: OperationOptions & { asOf: string; writeColumns: boolean }): Promise<ScorePlanResult>;
  summarize(options: OperationOptions & { asOf: string; generatedOn: string }): Promise<SummarizePlanResult>;
  listSheets(): Promise<SheetInfo[]>;
  /** The user's current selection in the workbook. */
  getSelection(): Promise<CellRef | null>;
  /** Activate the sheet and select the cell (clicking an issue). */
  selectCell(sheet: string, address: string): Promise<void>;
  previewImport(request: ImportRequest): Promise<ImportResult>;
  appendImport(result: ImportResult, options?: OperationOptions): Promise<AppendImportResult>;
  /** Present where the host raises change events: Excel, and the preview's simulation. */
  readonly quickEntry?: QuickEntryControl;
}
