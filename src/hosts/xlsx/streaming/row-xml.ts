/**
 * A store row as SpreadsheetML (`<row r="7"><c r="A7" s="3" t="s"><v>12</v></c>...</row>`), made as one
 * string with no ExcelJS Row or Cell object on the way. ExcelJS's streaming writer builds a Row, a Cell
 * per value, their models and an XmlStream for every row; at 15 million output cells that alone cost
 * ~67 s. The package around the cells (styles, shared strings, notes, tables...) is still ExcelJS's:
 * this module only asks the writer for a style's xf id and a string's shared-string index.
 *
 * What each value becomes, as ExcelJS's cell-xform writes it:
 * - text: a shared string (`t="s"`), always, whatever its first character: text is data, never a
 *   formula. Its escaping (XML specials, control characters as `_xHHHH_`) is done where the shared
 *   strings are written (ExcelJS's XmlStream, wrapped by text-escape.ts).
 * - numbers as `<v>`; a non-finite number (which Excel cannot store) as the error `#NUM!`, which is
 *   what both of our readers make of it;
 * - booleans `t="b"`; error values `t="e"`; dates as serial numbers with a date format (the cell's own,
 *   else `mm-dd-yy` as ExcelJS gives them);
 * - the add-in's own formulas (`{ formula }`, from a `formulas` op) as `<f>`, with no cached value.
 */
import { escapeOoxmlText } from "../text-escape";
import type { RowStore, StyleModel } from "./store";

export interface RowXmlContext {
  /** The xf id for a cell of this style; `isDate` when it holds a date (a date needs a date format). */
  styleId(style: StyleModel | undefined, isDate: boolean): number;
  /** The shared-string index of `text`, written in column `col`. */
  sharedString(text: string, col: number): number;
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (with its leap-year bug) to 1970-01-01, as ExcelJS utils.dateToExcel. */
const EPOCH_1970 = 25_569;

const letters: string[] = [""];

/** Column letters of column c (1-based), cached: "A", "Z", "AA". */
export function columnLetters(c: number): string {
  for (let n = letters.length; n <= c; n++) {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    letters.push(s);
  }
  return letters[c]!;
}

/** Text for an XML text node that we write ourselves (formulas, error codes): OOXML escapes, then XML's. */
export function xmlText(s: string): string {
  const t = escapeOoxmlText(s);
  return /[&<>]/.test(t) ? t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : t;
}

/** The `<c>` element of one cell, or "" for a cell with neither value nor (non-default) style. */
function cellXml(ctx: RowXmlContext, col: number, ref: string, v: unknown, style: StyleModel | undefined): string {
  switch (typeof v) {
    case "string": {
      const s = ctx.styleId(style, false);
      return `<c r="${ref}"${s ? ` s="${s}"` : ""} t="s"><v>${ctx.sharedString(v, col)}</v></c>`;
    }
    case "number": {
      const s = ctx.styleId(style, false);
      return Number.isFinite(v)
        ? `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${v}</v></c>`
        : `<c r="${ref}"${s ? ` s="${s}"` : ""} t="e"><v>#NUM!</v></c>`;
    }
    case "boolean": {
      const s = ctx.styleId(style, false);
      return `<c r="${ref}"${s ? ` s="${s}"` : ""} t="b"><v>${v ? 1 : 0}</v></c>`;
    }
    case "undefined": {
      const s = style === undefined ? 0 : ctx.styleId(style, false);
      return s ? `<c r="${ref}" s="${s}"/>` : "";
    }
    default:
      break;
  }
  if (v === null) {
    const s = style === undefined ? 0 : ctx.styleId(style, false);
    return s ? `<c r="${ref}" s="${s}"/>` : "";
  }
  if (v instanceof Date) {
    const s = ctx.styleId(style, true);
    const serial = EPOCH_1970 + v.getTime() / MS_PER_DAY - (ctx.date1904 ? 1462 : 0);
    return Number.isFinite(serial)
      ? `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${serial}</v></c>`
      : `<c r="${ref}"${s ? ` s="${s}"` : ""} t="e"><v>#NUM!</v></c>`;
  }
  const o = v as { error?: unknown; formula?: unknown };
  const s = ctx.styleId(style, false);
  if (typeof o.error === "string") return `<c r="${ref}"${s ? ` s="${s}"` : ""} t="e"><v>${xmlText(o.error)}</v></c>`;
  if (typeof o.formula === "string") return `<c r="${ref}"${s ? ` s="${s}"` : ""}><f>${xmlText(o.formula)}</f></c>`;
  throw new Error(`a cell value the file writer does not know (${JSON.stringify(v)?.slice(0, 60)})`);
}

/** Row r as SpreadsheetML, or "" when it has no cell to write and no height of its own. */
export function rowXml(ctx: RowXmlContext, row: RowStore, r: number): string {
  const { values, styles } = row;
  const block = row.block;
  const blockCol = block ? block.col : 0;
  const blockEnd = block ? block.col + block.cells.length : 0;
  const end = Math.max(values.length, styles.length, blockEnd);
  let cells = "";
  let min = 0;
  let max = 0;
  for (let c = 1; c < end; c++) {
    const v = c >= blockCol && c < blockEnd ? block!.cells[c - blockCol] : values[c];
    const style = styles[c];
    if ((v === undefined || v === null) && style === undefined) continue;
    const xml = cellXml(ctx, c, columnLetters(c) + r, v, style);
    if (xml === "") continue;
    cells += xml;
    if (min === 0) min = c;
    max = c;
  }
  if (cells === "" && !row.height) return "";
  const height = row.height ? ` ht="${row.height}" customHeight="1"` : "";
  const spans = min > 0 ? ` spans="${min}:${max}"` : "";
  return `<row r="${r}"${height}${spans} x14ac:dyDescent="0.25">${cells}</row>`;
}
