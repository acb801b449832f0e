/**
 * Writing through `Range.values` is typing: Excel turns "=SUM(A1)" into a formula, "-5" and "3.2" into
 * numbers, "TRUE" into a boolean, "#N/A" into an error, "2024-01-31" into a date, and eats a leading
 * apostrophe. User text must arrive as the same text, so such strings are written with a leading
 * apostrophe, exactly what a person types to keep text as text. Excel stores the apostrophe as the
 * cell's quote-prefix flag, not in the value: reading the cell back gives the original string.
 * We prefer this to setting the cells' number format to "@", which would also turn every number the
 * user types into that cell later into text (see docs/excel-host.md).
 */
import type { CellValue } from "../../core/grid";

/** Strings Excel would not keep as plain text when typed. Deliberately broad: an extra apostrophe is harmless. */
const RISKY = [
  /^[=+\-@']/, // formulas, and text starting with an apostrophe (Excel would eat it)
  /^\s*[-+(]?\s*[$€£¥]?\s*[\d.,]/, // numbers, money, percentages, fractions, times, dates like 3/4
  /^\s*(true|false)\s*$/i,
  /^\s*#/, // error values such as #N/A
  /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i, // "Jul 2023", "March 5"
  /^\s*\d/,
];

export function needsTextGuard(s: string): boolean {
  return RISKY.some((re) => re.test(s));
}

/** Excel serial of a Date (1900 system; the date part in UTC, as the file host writes it). */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** A value ready for `Range.values`: text that Excel would retype is guarded, dates become serials. */
export function toOfficeValue(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v !== "" && needsTextGuard(v) ? `'${v}` : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "#VALUE!" : dateToSerial(v);
  // A CellError: Excel makes the text "#N/A" an error value again.
  return v.error;
}
