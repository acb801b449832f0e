/** A1 ranges as the change set spells them: "B3", "A2:C10", "$A$2:$C$10", or whole columns "C:C". */
import { columnNumber, parseAddress } from "../../core/grid";

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** True for "C:C"-style ranges: the host also sets the column's own format, so new rows inherit it. */
  wholeColumns: boolean;
}

export function parseRange(range: string): Box {
  const text = range.includes("!") ? range.slice(range.lastIndexOf("!") + 1) : range;
  const [a, b] = text.replace(/\$/g, "").split(":");
  if (a === undefined) throw new RangeError(`not a range: ${range}`);
  if (/^[A-Za-z]{1,3}$/.test(a) && b !== undefined && /^[A-Za-z]{1,3}$/.test(b)) {
    const l = columnNumber(a);
    const r = columnNumber(b);
    return { top: 1, left: Math.min(l, r), bottom: 1_048_576, right: Math.max(l, r), wholeColumns: true };
  }
  const p = parseAddress(a);
  const q = b === undefined ? p : parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
    wholeColumns: false,
  };
}

/** "#F4CCCC" -> "FFF4CCCC" (ExcelJS wants ARGB). */
export function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, "0")}`;
}

/** Same colour, whatever the alpha and case: "FFF4CCCC" ~ "#f4cccc". */
export function sameColor(a: string | undefined, b: string): boolean {
  if (!a) return false;
  return a.toUpperCase().slice(-6) === b.replace(/^#/, "").toUpperCase().slice(-6);
}
