/**
 * Dates as Excel and officers hand them over: serial numbers (Office.js), Date objects (ExcelJS), and
 * text (ISO, or day-first / month-first when the numbers leave no doubt). Excel's 1900 date system
 * counts 1900-02-29, a day that never existed (the Lotus 1-2-3 bug): serial 60 is that fictitious day,
 * serials 1..59 are 1900-01-01..1900-02-28 and 61 onwards is 1900-03-01 onwards.
 */
import { isCellError, type CellValue } from "../grid";

const DAY_MS = 86_400_000;
/** Serial 0 in the part of the calendar after the fictitious leap day (Excel's effective epoch). */
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465;

export type DateReading =
  { ok: true; iso: string } | { ok: false; code: "date-unreadable" | "date-ambiguous"; message: string };

function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 45292 -> "2024-01-01"; a time of day is dropped; 60 (the fictitious 1900-02-29) and out-of-range -> null. */
export function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const day = Math.floor(n);
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  const shifted = day < 60 ? day + 1 : day; // before the fictitious day Excel's count runs one behind
  return isoFromUtc(EPOCH_AFTER_LEAP_BUG + shifted * DAY_MS);
}

/** "2024-01-01" -> 45292; null for text that is not a real ISO date in Excel's range. */
export function isoToExcelSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (ms === null) return null;
  const days = Math.round((ms - EPOCH_AFTER_LEAP_BUG) / DAY_MS);
  const serial = days < 61 ? days - 1 : days;
  return serial >= 1 && serial <= MAX_SERIAL ? serial : null;
}

/** UTC milliseconds of a calendar date that exists (no 31 April, no 29 February 2023), else null. */
function realDate(y: number, m: number, d: number): number | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : null;
}

const MONTHS: Record<string, number> = {};
(
  [
    ["january jan janvier janv janvier enero ene", 1],
    ["february feb fevrier fevr fev febrero", 2],
    ["march mar mars marzo", 3],
    ["april apr avril avr abril abr", 4],
    ["may mai mayo", 5],
    ["june jun juin junio", 6],
    ["july jul juillet juil julio", 7],
    ["august aug aout agosto ago", 8],
    ["september sep sept septembre septiembre setiembre set", 9],
    ["october oct octobre octubre", 10],
    ["november nov novembre noviembre", 11],
    ["december dec decembre diciembre dic", 12],
  ] as const
).forEach(([names, n]) => names.split(" ").forEach((name) => (MONTHS[name] = n)));

function fourDigitYear(y: string): number {
  const n = Number(y);
  // Two-digit years are this century's: the plans run 2023-2030.
  return y.length === 2 ? 2000 + n : n;
}

function reading(y: number, m: number, d: number, text: string): DateReading {
  const ms = realDate(y, m, d);
  return ms === null
    ? { ok: false, code: "date-unreadable", message: `"${text}" is not a real calendar date; enter it as YYYY-MM-DD.` }
    : { ok: true, iso: isoFromUtc(ms) };
}

function readDateText(raw: string): DateReading {
  const text = raw.trim();
  const unreadable: DateReading = {
    ok: false,
    code: "date-unreadable",
    message: `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}" is not a date; enter it as YYYY-MM-DD (for example 2024-03-31).`,
  };
  if (text.length > 60) return unreadable;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return reading(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fourDigitYear(m[3]!);
    if (a > 12) return reading(y, b, a, text); // 31/01/2024: only day-first makes sense
    if (b > 12) return reading(y, a, b, text); // 01/31/2024: only month-first makes sense
    if (a === b) return reading(y, a, a, text);
    return {
      ok: false,
      code: "date-ambiguous",
      message: `"${text}" could be ${a} ${monthName(b)} or ${b} ${monthName(a)}; enter it as YYYY-MM-DD.`,
    };
  }
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[,.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // "31 January 2024", "1er mars 2024", "15 de marzo de 2024"
  m = /^(\d{1,2})(?:er|st|nd|rd|th)? (?:de )?([a-z]+) (?:de )?(\d{4})$/.exec(folded);
  if (m && MONTHS[m[2]!] !== undefined) return reading(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]), text);
  // "January 31 2024"
  m = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(folded);
  if (m && MONTHS[m[1]!] !== undefined) return reading(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]), text);
  return unreadable;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
function monthName(m: number): string {
  return MONTH_NAMES[m - 1] ?? String(m);
}

/** Any cell value to an ISO date, or the reason it is not one. Blank cells are "no date" (ok: true, iso ""). */
export function readDate(v: CellValue | undefined): DateReading {
  if (v === null || v === undefined) return { ok: true, iso: "" };
  if (v instanceof Date) {
    const t = v.getTime();
    // ExcelJS builds Dates at UTC midnight, so the UTC date is the date the user sees.
    return Number.isNaN(t)
      ? { ok: false, code: "date-unreadable", message: "The cell holds an invalid date; enter it as YYYY-MM-DD." }
      : { ok: true, iso: isoFromUtc(t) };
  }
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1900 && v <= 2100) {
      return {
        ok: false,
        code: "date-unreadable",
        message: `${v} looks like a year, not a date; enter the full date, for example ${v}-01-01.`,
      };
    }
    const iso = excelSerialToIso(v);
    return iso === null
      ? { ok: false, code: "date-unreadable", message: `${v} is not a date Excel can show; enter it as YYYY-MM-DD.` }
      : { ok: true, iso };
  }
  if (typeof v === "string") return v.trim() === "" ? { ok: true, iso: "" } : readDateText(v);
  if (isCellError(v))
    return {
      ok: false,
      code: "date-unreadable",
      message: `The cell shows the error ${v.error}; enter a date as YYYY-MM-DD.`,
    };
  return {
    ok: false,
    code: "date-unreadable",
    message: `${String(v).toUpperCase()} is not a date; enter it as YYYY-MM-DD.`,
  };
}

/** An ISO date ("YYYY-MM-DD") or null when the cell is blank or holds no readable date. */
export function cellToIsoDate(v: CellValue): string | null {
  const r = readDate(v);
  return r.ok && r.iso !== "" ? r.iso : null;
}
