/**
 * Change-set ops that shape sheets and the workbook: sheets, widths, panes, protection, validations,
 * conditional formats, tables and defined names. Each returns null when applied, or why it was skipped.
 */
import type { ConditionalFormattingOptions, Workbook, Worksheet, TableColumnProperties } from "exceljs";
import type { ChangeOp } from "../../core/changeset";
import { cellAddress, rangeAddress } from "../../core/grid";
import { conditionalStyle } from "./cell-style";
import { definedNames, ws, type DataValidationModel } from "./exceljs-internals";
import { argb, parseRange } from "./ranges";

type Op<K extends ChangeOp["kind"]> = Extract<ChangeOp, { kind: K }>;

/** Put `sheet` at 0-based tab `position` by renumbering orderNo (ExcelJS orders tabs by it). */
function moveSheet(wb: Workbook, sheet: Worksheet, position: number): void {
  const others = wb.worksheets.filter((w) => w !== sheet);
  const at = Math.max(0, Math.min(position, others.length));
  others.splice(at, 0, sheet);
  others.forEach((w, i) => {
    ws(w).orderNo = i + 1;
  });
}

export function applyEnsureSheet(wb: Workbook, op: Op<"ensureSheet">): null {
  let sheet = wb.getWorksheet(op.sheet);
  if (!sheet) {
    sheet = wb.addWorksheet(op.sheet);
    if (op.position !== undefined) moveSheet(wb, sheet, op.position);
  }
  // Visibility and tab colour are the add-in's to set; an existing sheet is never moved or cleared.
  if (op.hidden !== undefined) sheet.state = op.hidden ? "hidden" : "visible";
  if (op.tabColor !== undefined) sheet.properties.tabColor = { argb: argb(op.tabColor) };
  return null;
}

/** Remove defined names whose cells lie on `sheetName` (they would dangle once the sheet is rebuilt). */
function dropNamesOn(wb: Workbook, sheetName: string): void {
  const matrices = definedNames(wb).matrixMap;
  for (const name of Object.keys(matrices)) {
    const m = matrices[name];
    if (m?.sheets && sheetName in m.sheets) delete m.sheets[sheetName];
  }
}

export function applyResetSheet(wb: Workbook, op: Op<"resetSheet">): null {
  const old = wb.getWorksheet(op.sheet);
  if (!old) {
    wb.addWorksheet(op.sheet);
    return null;
  }
  const position = wb.worksheets.indexOf(old);
  const state = old.state;
  const tabColor = old.properties.tabColor;
  wb.removeWorksheet(old.id);
  dropNamesOn(wb, op.sheet);
  const fresh = wb.addWorksheet(op.sheet, { state });
  if (tabColor) fresh.properties.tabColor = tabColor;
  moveSheet(wb, fresh, position);
  return null;
}

export function applyColumns(sheet: Worksheet, op: Op<"columns">): null {
  const from = op.from ?? 1;
  op.widths.forEach((w, i) => {
    if (w !== null) sheet.getColumn(from + i).width = w;
  });
  return null;
}

export function applyFreeze(sheet: Worksheet, op: Op<"freeze">): null {
  const view = {
    state: "frozen" as const,
    xSplit: op.cols,
    ySplit: op.rows,
    topLeftCell: cellAddress(op.rows + 1, op.cols + 1),
  };
  sheet.views = [view];
  return null;
}

export async function applyProtect(sheet: Worksheet): Promise<null> {
  // No password: the lock guards generated sheets against slips, and a password would be a secret to keep.
  await sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    autoFilter: true,
    sort: true,
  });
  return null;
}

/**
 * The list validation a listValidation op asks for, as both file paths store it: the key is the op's
 * range, and `replaces(addr)` tells a validation inside that range (per-cell ones as read from a file,
 * or an earlier range), dropped so the new rule is the only one there.
 */
export function listValidationOf(op: Op<"listValidation">): {
  key: string;
  replaces: (addr: string) => boolean;
  model: DataValidationModel;
} {
  const box = parseRange(op.range);
  return {
    key: rangeAddress(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1),
    replaces: (addr) => {
      const b = parseRange(addr);
      return b.top >= box.top && b.bottom <= box.bottom && b.left >= box.left && b.right <= box.right;
    },
    model: {
      type: "list",
      allowBlank: op.allowBlank,
      formulae: [op.source.replace(/^=/, "")],
      showErrorMessage: true,
      errorStyle: op.errorStyle,
      ...(op.error ? { error: op.error } : {}),
      ...(op.prompt ? { prompt: op.prompt, showInputMessage: true } : {}),
    },
  };
}

export function applyListValidation(sheet: Worksheet, op: Op<"listValidation">): null {
  const dv = ws(sheet).dataValidations;
  const { key, replaces, model } = listValidationOf(op);
  // compactValidations keeps what is left disjoint at save time.
  for (const addr of Object.keys(dv.model)) if (replaces(addr)) delete dv.model[addr];
  dv.add(key, model);
  return null;
}

/** The rule a conditionalFormat op adds, as both file paths store it. */
export function conditionalFormatOf(op: Op<"conditionalFormat">): ConditionalFormattingOptions {
  const formula = op.formula.replace(/^=/, "");
  return {
    ref: op.range,
    rules: [{ type: "expression", priority: 1, formulae: [formula], style: conditionalStyle(op.style) }],
  };
}

/** The same rule on the same range: replaced rather than stacked, so applying twice equals once. */
export function sameConditionalFormat(
  cf: { ref: string; rules: readonly unknown[] },
  op: Op<"conditionalFormat">,
): boolean {
  const formula = op.formula.replace(/^=/, "");
  return cf.ref === op.range && cf.rules.some((r) => (r as { formulae?: unknown[] }).formulae?.[0] === formula);
}

export function applyConditionalFormat(sheet: Worksheet, op: Op<"conditionalFormat">): null {
  const list = ws(sheet).conditionalFormattings;
  ws(sheet).conditionalFormattings = list.filter((cf) => !sameConditionalFormat(cf, op));
  sheet.addConditionalFormatting(conditionalFormatOf(op));
  return null;
}

/** Header names as Excel would make them: text, unique, never empty ("Column3", "Name2"). */
function headerNames(sheet: Worksheet, row: number, left: number, right: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = left; c <= right; c++) {
    const text = sheet.getRow(row).getCell(c).text.trim();
    let name = text === "" ? `Column${c - left + 1}` : text;
    let n = 2;
    while (seen.has(name.toLowerCase())) name = `${text || "Column"}${n++}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

export function applyTable(wb: Workbook, sheet: Worksheet, op: Op<"table">): null {
  // A table name is unique in the workbook: replace one of this name wherever it is, never duplicate it.
  for (const w of wb.worksheets) {
    if (ws(w).tables[op.name]) w.removeTable(op.name);
  }
  const box = parseRange(op.range);
  const columns: TableColumnProperties[] = headerNames(sheet, box.top, box.left, box.right).map((name) => ({
    name,
    filterButton: true,
  }));
  // Empty row arrays: ExcelJS sizes the table from them but writes no cell, so the data stay as they are.
  const rows = Array.from({ length: Math.max(box.bottom - box.top, 0) }, () => [] as unknown[]);
  sheet.addTable({
    name: op.name,
    ref: cellAddress(box.top, box.left),
    headerRow: true,
    columns,
    rows,
    style: { theme: (op.style ?? "TableStyleMedium2") as "TableStyleMedium2", showRowStripes: true },
  });
  return null;
}

/** ExcelJS keeps a defined name as one object per cell, so a name over whole columns would cost gigabytes. */
const MAX_NAME_CELLS = 200_000;

export function applyName(wb: Workbook, op: Op<"name">): string | null {
  const box = parseRange(op.range);
  const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
  if (cells > MAX_NAME_CELLS)
    return `the name ${op.name} covers ${cells} cells; the file host writes names over at most ${MAX_NAME_CELLS} cells`;
  const names = definedNames(wb);
  delete names.matrixMap[op.name];
  const abs = `$${cellAddress(box.top, box.left).replace(/(\d+)$/, "$$$1")}:$${cellAddress(box.bottom, box.right).replace(/(\d+)$/, "$$$1")}`;
  const quoted = `'${op.sheet.replace(/'/g, "''")}'`;
  names.add(`${quoted}!${abs}`, op.name);
  return null;
}
