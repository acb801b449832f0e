/**
 * Change-set ops that touch cells: values, formulas, style, number formats, notes, fills, links.
 * Each returns null when applied, or the reason it was skipped.
 */
import type { Cell, CellValue as ExcelValue, Worksheet } from "exceljs";
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp } from "../../core/changeset";
import { isCellError, parseAddress, sheetRef, type CellValue } from "../../core/grid";
import {
  applyCellStyle,
  removeCellFill,
  setCellFill,
  setCellNumFmt,
  setColumnNumFmt,
  shareEmptyStyle,
} from "./cell-style";
import { clearCellNote } from "./exceljs-internals";
import { parseRange, sameColor, type Box } from "./ranges";

type Op<K extends ChangeOp["kind"]> = Extract<ChangeOp, { kind: K }>;

/**
 * A change-set value as ExcelJS stores it. Strings stay strings whatever they begin with ("=", "+",
 * "-", "@"): ExcelJS writes a string as a string, and no formula object is ever built here.
 */
export function toExcelValue(v: CellValue): ExcelValue {
  if (v === null) return null;
  if (isCellError(v)) return { error: v.error } as ExcelValue;
  return v;
}

/** Cells of a box; whole-column boxes stop at the sheet's last row. */
export function forEachCell(sheet: Worksheet, box: Box, fn: (cell: Cell) => void): void {
  const bottom = box.wholeColumns ? Math.max(sheet.rowCount, box.top) : box.bottom;
  for (let r = box.top; r <= bottom; r++) {
    const row = sheet.getRow(r);
    for (let c = box.left; c <= box.right; c++) fn(row.getCell(c));
  }
}

export function applyValues(sheet: Worksheet, op: Op<"values">): null {
  const at = parseAddress(op.at);
  op.values.forEach((rowValues, i) => {
    const row = sheet.getRow(at.row + i);
    rowValues.forEach((v, j) => {
      const cell = row.getCell(at.col + j);
      cell.value = toExcelValue(v);
      const fmt = op.formats?.[j];
      if (fmt) setCellNumFmt(cell, fmt);
      else shareEmptyStyle(cell);
    });
  });
  return null;
}

export function applyFormulas(sheet: Worksheet, op: Op<"formulas">): null {
  const at = parseAddress(op.at);
  op.formulas.forEach((rowFormulas, i) => {
    const row = sheet.getRow(at.row + i);
    rowFormulas.forEach((f, j) => {
      const formula = f.startsWith("=") ? f.slice(1) : f;
      row.getCell(at.col + j).value = { formula } as ExcelValue;
    });
  });
  return null;
}

export function applyStyle(sheet: Worksheet, op: Op<"style">): null {
  forEachCell(sheet, parseRange(op.range), (cell) => applyCellStyle(cell, op.style));
  return null;
}

export function applyNumberFormat(sheet: Worksheet, op: Op<"numberFormat">): null {
  const box = parseRange(op.range);
  if (box.wholeColumns) for (let c = box.left; c <= box.right; c++) setColumnNumFmt(sheet.getColumn(c), op.format);
  forEachCell(sheet, box, (cell) => setCellNumFmt(cell, op.format));
  return null;
}

/** The plain text of a cell's note, whatever ExcelJS holds (a string or rich-text runs). */
export function noteText(cell: Cell): string | null {
  const note: unknown = cell.note;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : null;
}

export function applyNote(sheet: Worksheet, op: Op<"note">): string | null {
  const cell = sheet.getCell(op.cell);
  const existing = noteText(cell);
  if (existing !== null && !existing.startsWith(ANNOTATION_MARK)) {
    return `${sheet.name}!${op.cell} has the user's own note, which is never overwritten`;
  }
  const text = op.text.startsWith(ANNOTATION_MARK) ? op.text : `${ANNOTATION_MARK}${op.text}`;
  if (existing !== text) cell.note = text;
  return null;
}

export function applyClearNote(sheet: Worksheet, op: Op<"clearNote">): null {
  const cell = sheet.getCell(op.cell);
  const existing = noteText(cell);
  if (existing !== null && existing.startsWith(ANNOTATION_MARK)) clearCellNote(cell);
  return null;
}

/** The add-in's own fills: a cell in one of these colours may be repainted or cleared by the add-in. */
const ADD_IN_FILLS = Object.values(SEVERITY_FILLS);

export function applyFill(sheet: Worksheet, op: Op<"fill">): null {
  forEachCell(sheet, parseRange(op.range), (cell) => {
    // A user's own colour stays: the add-in's note still flags the cell, and the colour is not lost.
    const fill = cell.style.fill;
    if (
      fill &&
      fill.type === "pattern" &&
      fill.pattern === "solid" &&
      !ADD_IN_FILLS.some((c) => sameColor(fill.fgColor?.argb, c))
    )
      return;
    setCellFill(cell, op.color);
  });
  return null;
}

export function applyClearFill(sheet: Worksheet, op: Op<"clearFill">): null {
  forEachCell(sheet, parseRange(op.range), (cell) => {
    const fill = cell.style.fill;
    if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return;
    if (!op.colors.some((c) => sameColor(fill.fgColor?.argb, c))) return;
    removeCellFill(cell);
  });
  return null;
}

export function applyLink(sheet: Worksheet, op: Op<"link">): null {
  // Without a leading "#", ExcelJS writes the target as an in-document `location`, as Excel does.
  const target = sheetRef(op.toSheet, op.toCell.replace(/\$/g, ""));
  sheet.getCell(op.cell).value = { text: op.text, hyperlink: target } as ExcelValue;
  return null;
}
