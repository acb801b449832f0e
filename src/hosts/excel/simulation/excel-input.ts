/**
 * What Excel does with a value written through `Range.values`: the same as typing it into the cell.
 * A string that starts with "=" becomes a formula (and "+", "-" or "@" followed by text too), a string
 * that reads as a number, percentage, boolean, error or ISO date becomes that, and a leading apostrophe
 * makes the rest plain text (the apostrophe is not part of the value). The simulation models this so
 * that tests prove the adapter's guard, not just its intent.
 */
import { ERROR_VALUES, type CellValue } from "../../../core/grid";

export type StoredValue = string | number | boolean | null | { error: string };

export interface TypedInput {
  value: StoredValue;
  /** Formula text including "=", when the input became a formula. */
  formula?: string;
  /** True when a leading apostrophe forced text. */
  quotePrefix?: boolean;
  /** True when the text read as an ISO date (Excel then gives a typed date a date format). */
  isoDate?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel serial of an ISO date (1900 date system, with its leap-year quirk for dates after Feb 1900). */
function isoSerial(y: number, m: number, d: number): number {
  const utc = Date.UTC(y, m - 1, d);
  return Math.round(utc / 86400000) + 25569;
}

export function typeIntoCell(input: unknown): TypedInput {
  if (input === null || input === undefined || input === "") return { value: null };
  if (typeof input === "number") return { value: Number.isFinite(input) ? input : { error: "#NUM!" } };
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") return { value: String(input) };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input.startsWith("=")) return { value: null, formula: input };
  // Excel reads "+x", "-x" and "@x" as formulas unless the rest is a number.
  const t = input.trim();
  const num = Number(t.replace(/,/g, ""));
  if (t !== "" && /^[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) && Number.isFinite(num)) return { value: num };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  if ((ERROR_VALUES as readonly string[]).includes(t.toUpperCase())) return { value: { error: t.toUpperCase() } };
  const iso = ISO_DATE.exec(t);
  if (iso) return { value: isoSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])), isoDate: true };
  if (/^[+\-@]/.test(input)) return { value: null, formula: input.startsWith("@") ? `=${input}` : `=${input}` };
  return { value: input };
}

/** A CellValue from a Grid, as a host would store it without typing it (loading a file). */
export function storedFromGrid(v: CellValue): StoredValue {
  if (v === null) return null;
  if (v instanceof Date)
    return (
      isoSerial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) +
      (v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds()) / 86400
    );
  if (typeof v === "object") return { error: v.error };
  return v;
}
