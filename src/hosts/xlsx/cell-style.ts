/** The change set's CellStyle, in ExcelJS's style model. */
import type { Cell, Style, Fill } from "exceljs";
import type { CellStyle } from "../../core/changeset";
import { argb } from "./ranges";

export function solidFill(color: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } };
}

/**
 * Merge `style` into a cell's style. ExcelJS may share one style object between cells read from a file,
 * so we always assign fresh objects rather than mutate the existing ones.
 */
export function applyCellStyle(cell: Cell, style: CellStyle): void {
  const next: Partial<Style> = { ...cell.style };
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined || style.fontSize !== undefined) {
    const font = { ...(cell.style.font ?? {}) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    if (style.fontSize !== undefined) font.size = style.fontSize;
    next.font = font;
  }
  if (style.fill !== undefined) next.fill = solidFill(style.fill);
  if (style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined) {
    const alignment = { ...(cell.style.alignment ?? {}) };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
    if (style.vertical !== undefined) alignment.vertical = style.vertical;
    next.alignment = alignment;
  }
  if (style.borderBottom) next.border = { ...(cell.style.border ?? {}), bottom: { style: "thin" } };
  cell.style = next;
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
