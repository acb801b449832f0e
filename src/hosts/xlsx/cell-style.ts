/**
 * The change set's CellStyle, in ExcelJS's style model, and the one way this host changes a cell's style.
 *
 * Why styles are shared objects: ExcelJS's writer hashes every cell's style object to find its xf id
 * (styles-xform addStyleModel) unless it has seen that very object before (a WeakMap on identity). A
 * fresh object per cell made the save of a 10,000-row plan spend seconds hashing identical styles. So
 * every style this host assigns comes from `restyle`, which returns one shared object per distinct
 * (previous style, change) pair. Cells read from a file already share one object per style id.
 *
 * Because the objects are shared, nothing here ever mutates `cell.style` or uses ExcelJS's property
 * setters (`cell.numFmt = ...` writes into the shared object, and would change every cell sharing it,
 * user cells included); a cell only ever gets a new object.
 */
import type { Cell, Column, Fill, Style } from "exceljs";
import type { CellStyle } from "../../core/changeset";
import { argb } from "./ranges";

export function solidFill(color: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } };
}

export type StyleModel = Partial<Style>;

/** Stand-in key for every empty style: ExcelJS gives each new cell its own `{}`. */
const EMPTY: object = {};
/** previous style object -> change key -> the shared result. Weak: a dropped sheet frees its entries. */
const transitions = new WeakMap<object, Map<string, StyleModel>>();
/** canonical JSON -> the one object with that content, so different paths to one style meet. */
const canonical = new Map<string, StyleModel>();
/** Bounds the canonical table: beyond it, results are still shared per transition, only not merged. */
const MAX_CANONICAL = 50_000;

function isEmptyStyle(s: StyleModel | undefined): boolean {
  if (!s) return true;
  for (const k in s) if ((s as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

function intern(style: StyleModel): StyleModel {
  const key = JSON.stringify(style);
  const found = canonical.get(key);
  if (found) return found;
  if (canonical.size < MAX_CANONICAL) canonical.set(key, style);
  return style;
}

/** A change to a style: a key naming it completely, and how to make the new style (never modifying `current`). */
export interface StyleChange {
  key: string;
  make: (current: StyleModel) => StyleModel;
}

/** The style after `change`, shared with every other style object that got the same change. */
export function sharedStyle(current: StyleModel | undefined, change: StyleChange): StyleModel {
  const from = isEmptyStyle(current) ? EMPTY : (current as object);
  let byChange = transitions.get(from);
  if (!byChange) transitions.set(from, (byChange = new Map()));
  let next = byChange.get(change.key);
  if (!next) {
    next = intern(change.make(from === EMPTY ? {} : (current as StyleModel)));
    byChange.set(change.key, next);
  }
  return next;
}

/** Give `cell` the style after `change`, shared with every other cell that had its style and got the change. */
export function restyle(cell: Cell, change: StyleChange): void {
  const current = cell.style as StyleModel | undefined;
  const next = sharedStyle(current, change);
  if (next !== current) cell.style = next as Style;
}

export const numFmtChange = (format: string): StyleChange => ({
  key: `fmt:${format}`,
  make: (s) => ({ ...s, numFmt: format }),
});
export const fillChange = (color: string): StyleChange => ({
  key: `fill:${argb(color)}`,
  make: (s) => ({ ...s, fill: solidFill(color) }),
});
export const noFillChange: StyleChange = {
  key: "nofill",
  make: (s) => {
    const next = { ...s };
    delete next.fill;
    return next;
  },
};
export const cellStyleChange = (style: CellStyle): StyleChange => ({
  key: `style:${JSON.stringify(style)}`,
  make: (current) => mergeStyle(current, style),
});

/**
 * A cell written with no style of its own gets one shared empty style instead of ExcelJS's fresh `{}`,
 * so the writer hashes it once. Not for Date values: ExcelJS's writer caches a style's id by object and
 * gives a date with an empty style a date format, so a shared empty object would lose it.
 */
export function shareEmptyStyle(cell: Cell): void {
  if (cell.value instanceof Date) {
    if (cell.style === SHARED_EMPTY) cell.style = {};
    return;
  }
  if (isEmptyStyle(cell.style as StyleModel | undefined) && cell.style !== SHARED_EMPTY)
    cell.style = SHARED_EMPTY as Style;
}
const SHARED_EMPTY: StyleModel = {};

/** A number format on one cell, without touching the object the cell shared. */
export function setCellNumFmt(cell: Cell, format: string): void {
  if (cell.style?.numFmt === format) return;
  restyle(cell, numFmtChange(format));
}

/** A column's own number format (new rows inherit it), without ExcelJS's setter, which rewrites every cell. */
export function setColumnNumFmt(column: Column, format: string): void {
  const c = column as unknown as { style: StyleModel };
  if (c.style?.numFmt !== format) c.style = { ...(c.style ?? {}), numFmt: format };
}

/** Merge `style` into a cell's style. */
export function applyCellStyle(cell: Cell, style: CellStyle): void {
  restyle(cell, cellStyleChange(style));
}

function mergeStyle(current: StyleModel, style: CellStyle): StyleModel {
  const next: StyleModel = { ...current };
  if (
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.fontColor !== undefined ||
    style.fontSize !== undefined
  ) {
    const font = { ...(current.font ?? {}) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    if (style.fontSize !== undefined) font.size = style.fontSize;
    next.font = font;
  }
  if (style.fill !== undefined) next.fill = solidFill(style.fill);
  if (style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined) {
    const alignment = { ...(current.alignment ?? {}) };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
    if (style.vertical !== undefined) alignment.vertical = style.vertical;
    next.alignment = alignment;
  }
  if (style.borderBottom) next.border = { ...(current.border ?? {}), bottom: { style: "thin" } };
  return next;
}

/** A solid annotation fill on one cell. */
export function setCellFill(cell: Cell, color: string): void {
  restyle(cell, fillChange(color));
}

/** Remove a cell's fill (the caller has checked it is one of the add-in's colours). */
export function removeCellFill(cell: Cell): void {
  restyle(cell, noFillChange);
}

/** For conditional formats: only font and fill apply. */
export function conditionalStyle(style: CellStyle): Partial<Style> {
  const out: Partial<Style> = {};
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } };
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined) {
    out.font = {};
    if (style.bold !== undefined) out.font.bold = style.bold;
    if (style.italic !== undefined) out.font.italic = style.italic;
    if (style.fontColor !== undefined) out.font.color = { argb: argb(style.fontColor) };
  }
  return out;
}
