/**
 * Narrow types for the parts of ExcelJS 4.4 that its index.d.ts leaves out or types loosely. Each is
 * checked against the library source (lib/doc/*.js); keep them minimal so an upgrade fails loudly here.
 */
import type { Workbook, Worksheet, Cell } from "exceljs";

/** lib/doc/data-validations.js: a plain map from address or range ("A2:A100") to a validation model. */
export interface DataValidationModel {
  type: "list";
  allowBlank?: boolean;
  formulae: string[];
  showErrorMessage?: boolean;
  errorStyle?: "stop" | "warning" | "information";
  error?: string;
  errorTitle?: string;
  showInputMessage?: boolean;
  prompt?: string;
  promptTitle?: string;
}

export interface DataValidationsLike {
  model: Record<string, unknown>;
  add(address: string, validation: DataValidationModel): unknown;
}

export interface ConditionalFormattingLike {
  ref: string;
  rules: { type: string; formulae?: string[]; priority?: number; style?: unknown }[];
}

export interface WorksheetInternals {
  orderNo: number;
  dataValidations: DataValidationsLike;
  conditionalFormattings: ConditionalFormattingLike[];
  tables: Record<string, unknown>;
}

/** lib/doc/defined-names.js keeps each name as a matrix of cells, keyed by name. */
export interface DefinedNamesInternals {
  matrixMap: Record<string, { sheets?: Record<string, unknown> } | undefined>;
  add(locStr: string, name: string): void;
  model: { name: string; ranges: string[] }[];
}

export function ws(w: Worksheet): WorksheetInternals {
  return w as unknown as WorksheetInternals;
}

export function definedNames(wb: Workbook): DefinedNamesInternals {
  return wb.definedNames as unknown as DefinedNamesInternals;
}

/**
 * A cell's note lives in `_comment`, and a note read from a file is also copied into the value's model
 * (lib/doc/cell.js `get model`); the public setter cannot remove one, so both are cleared.
 */
export function clearCellNote(cell: Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  c._comment = undefined;
  if (c._value?.model) delete c._value.model.comment;
}
