/** How the preview grid shows a stored cell: dates as dates, errors as their code, formulas as typed. */
import { excelSerialToIso } from "../core/activity/dates";

export function cellText(value: unknown, numberFormat: string | undefined, formula: string | undefined): string {
  if (formula !== undefined && (value === null || value === undefined)) return formula;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (
      numberFormat &&
      /(^|[^"\\])(yy|dd|mmm|d\/|\/d|m\/d)/i.test(numberFormat) &&
      !/^[#0.,%\s]+$/.test(numberFormat)
    ) {
      const iso = excelSerialToIso(value);
      if (iso) return iso;
    }
    if (numberFormat && numberFormat.includes("%")) return `${Math.round(value * 10000) / 100}%`;
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && "error" in (value as object)) return String((value as { error: unknown }).error);
  return String(value);
}
