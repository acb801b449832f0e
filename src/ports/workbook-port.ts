/**
 * The one port between use cases and hosts. The Excel host (Office.js) and the file host (ExcelJS)
 * both implement it; the use cases in src/app know nothing else about where a workbook lives.
 */
import type { ChangeSet, ChangeKind } from "../core/changeset";
import type { Grid } from "../core/grid";

export interface SheetInfo {
  name: string;
  /** Last used row and column (1-based), 0 for an empty sheet. */
  rowCount: number;
  columnCount: number;
  visible: boolean;
}

export interface ReadOptions {
  /** Also read formulas (import needs them to stop at totals rows). */
  formulas?: boolean;
  /** Also read number formats (import needs them to tell dates from numbers on Office.js). */
  numberFormats?: boolean;
}

export interface ProgressReport {
  /** 0..1 */
  fraction: number;
  message: string;
}

export interface ApplyOptions {
  signal?: AbortSignal;
  onProgress?: (p: ProgressReport) => void;
}

export interface ApplyReport {
  applied: number;
  /** Ops the host could not apply, with the reason (e.g. PivotTables in a file, notes before ExcelApi 1.18). */
  skipped: { kind: ChangeKind; reason: string }[];
}

export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** The used range of a sheet as a grid; throws SheetNotFoundError when the sheet is missing. */
  readSheet(name: string, options?: ReadOptions): Promise<Grid>;
  apply(changes: ChangeSet, options?: ApplyOptions): Promise<ApplyReport>;
}

export class SheetNotFoundError extends Error {
  constructor(readonly sheet: string) {
    super(
      `The workbook has no sheet named "${sheet}". Run "Set up" (or \`iccwc-plan init\`) to create the plan's sheets, or name the sheet to use.`,
    );
    this.name = "SheetNotFoundError";
  }
}
