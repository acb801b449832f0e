/**
 * Dates as country teams type them. Excel dates (Date objects, or serial numbers in a date column),
 * ISO text, day/month/year text when only one reading is possible, month names in English, French and
 * Spanish ("Jul 2023", "juillet 2023", "julio 2023": first day for a start, last day for an end),
 * quarters and halves ("Q1 2025", "T3 2024", "S2 2024", "H1 2025") and a bare year. "03/04/2024" can be
 * 3 April or 4 March: it is reported, not guessed, unless the caller says which order the source uses.
 */
import { excelSerialToIso } from "../activity/dates";
import { foldText, plainSpaces } from "./text";
import type { DateOrder } from "./types";

export type DateRole = "start" | "end";

export type DateParse =
  | {
      ok: true;
      iso: string;
      /** How the text was read, when it was not a plain date ("quarter", "month", ...). */ reading?: string;
    }
  | {
      ok: false;
      code: "date-ambiguous" | "date-unreadable" | "date-out-of-range";
      message: string;
      suggestions: string[];
    };

const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, ["jan", "january", "janv", "janvier", "ene", "enero"]],
      [2, ["feb", "february", "fev", "fevr", "fevrier", "febrero"]],
      [3, ["mar", "march", "mars", "marzo"]],
      [4, ["apr", "april", "avr", "avril", "abr", "abril"]],
      [5, ["may", "mai", "mayo"]],
      [6, ["jun", "june", "juin", "junio"]],
      [7, ["jul", "july", "juil", "juillet", "julio"]],
      [8, ["aug", "august", "aou", "aout", "ago", "agosto"]],
      [9, ["sep", "sept", "september", "septembre", "septiembre", "set", "setiembre"]],
      [10, ["oct", "october", "octobre", "octubre"]],
      [11, ["nov", "november", "novembre", "noviembre"]],
      [12, ["dec", "december", "decembre", "dic", "diciembre"]],
    ] as const
  ).flatMap(([n, names]) => names.map((name) => [name, n] as const)),
);

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Two-digit years are this century ("15/09/24" is 2024): the plan runs 2023-2026. */
function fullYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

/** A month period: its first day for a start, its last day for an end. */
function periodDay(y: number, firstMonth: number, lastMonth: number, role: DateRole): string {
  return role === "start" ? isoDate(y, firstMonth, 1) : isoDate(y, lastMonth, daysInMonth(y, lastMonth));
}

/** True when an Excel number format shows a date ("dd/mm/yyyy", "mmm-yy", "[$-409]d-mmm-yy"), not a number. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(stripped) || /m{3,}/i.test(stripped) || (/m/i.test(stripped) && !/[0#]/.test(stripped));
}

/** Serials a tracker of this plan can hold: 1990 to 2100. Outside, a number in a date column is not a date. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73051;

export function parseImportDate(
  value: unknown,
  role: DateRole,
  options: { dateOrder?: DateOrder; numberFormat?: string | null } = {},
): DateParse {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return unreadable(String(value));
    // Hosts hand dates over at UTC midnight; a time of day is dropped.
    return { ok: true, iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "number") return fromNumber(value, role, options.numberFormat);
  if (typeof value !== "string") return unreadable(String(value));
  const text = plainSpaces(value);
  if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), role, null);
  return fromText(text, role, options.dateOrder);
}

function fromNumber(n: number, role: DateRole, format: string | null | undefined): DateParse {
  if (Number.isInteger(n) && n >= 1990 && n <= 2100 && !isDateFormat(format)) {
    return { ok: true, iso: periodDay(n, 1, 12, role), reading: `year ${n}` };
  }
  if (n >= SERIAL_MIN && n < SERIAL_MAX) {
    const iso = excelSerialToIso(n);
    if (iso) return { ok: true, iso };
  }
  return {
    ok: false,
    code: "date-out-of-range",
    message: `${n} is not a date between 1990 and 2100.`,
    suggestions: [],
  };
}

function unreadable(text: string): DateParse {
  return {
    ok: false,
    code: "date-unreadable",
    message: `"${text}" is not a date the import can read. Type it as YYYY-MM-DD (for example 2024-09-15), "Sep 2024" or "Q3 2024".`,
    suggestions: [],
  };
}

function fromText(text: string, role: DateRole, order: DateOrder | undefined): DateParse {
  // ISO: 2024-09-15, 2024/09/15, 2024-09-15T00:00:00.
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), text);
  // Year and month: 2024-09.
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12 && validYmd(y, mo, 1))
      return { ok: true, iso: periodDay(y, mo, mo, role), reading: "month" };
    return unreadable(text);
  }
  // Day, month, year with / . or - : which is which depends on the values and the setting.
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) return dayMonth(Number(m[1]), Number(m[2]), fullYear(Number(m[3])), text, order);

  const folded = foldText(text);
  // "fin 2024", "end of June 2024", "finales de 2024" / "debut 2025", "beginning of 2025": the last or
  // first day of what follows, whatever the column.
  const edge =
    /^(fin|fin de|end|end of|finales de|a fines de)\s+(.+)$/.exec(folded) ??
    /^(debut|debut de|start|start of|beginning of|inicio de|principios de|comienzos de)\s+(.+)$/.exec(folded);
  if (edge) {
    const inner = fromText(edge[2]!, /^(fin|end|finales|a fines)/.test(edge[1]!) ? "end" : "start", order);
    const which = /^(fin|end|finales|a fines)/.test(edge[1]!) ? "last" : "first";
    if (inner.ok) return { ok: true, iso: inner.iso, reading: `${which} day of the ${inner.reading ?? "date"}` };
  }
  // Quarters: Q1 2025, Q1-2025, 2025 Q1, T1 2025 (trimestre), 1T 2025, 1er trimestre 2025, trimestre 1 2025.
  m =
    /^(?:q|t)([1-4]) (\d{4}|\d{2})$/.exec(folded) ??
    /^([1-4]) ?(?:q|t|er trimestre|e trimestre|eme trimestre|o trimestre|trimestre|st quarter|nd quarter|rd quarter|th quarter) (\d{4}|\d{2})$/.exec(
      folded,
    );
  if (m) return quarter(Number(m[1]), fullYear(Number(m[2])), role);
  m = /^(\d{4}) (?:q|t)([1-4])$/.exec(folded) ?? /^(?:trimestre|quarter) ([1-4]) (\d{4})$/.exec(folded);
  if (m)
    return /^\d{4}/.test(folded)
      ? quarter(Number(m[2]), Number(m[1]), role)
      : quarter(Number(m[1]), Number(m[2]), role);
  // Halves: S1 2024 (semestre), H2 2025.
  m =
    /^(?:s|h|sem|semestre|semester|half)\s?([12]) (\d{4}|\d{2})$/.exec(folded) ??
    /^([12]) ?(?:er|e|eme|o|st|nd)? (?:semestre|semester|half) (\d{4})$/.exec(folded) ??
    /^(\d{4}) (?:s|h)([12])$/.exec(folded);
  if (m) {
    const yearFirst = /^\d{4}/.test(folded);
    const half = Number(yearFirst ? m[2] : m[1]);
    const y = fullYear(Number(yearFirst ? m[1] : m[2]));
    return {
      ok: true,
      iso: periodDay(y, half === 1 ? 1 : 7, half === 1 ? 6 : 12, role),
      reading: `half ${half} of ${y}`,
    };
  }
  // Month names: "Jul 2023", "July-23", "juillet 2023", "julio de 2023", "15 July 2023", "July 15, 2023",
  // "1er juillet 2023", "15 de julio de 2023".
  const words = folded
    .replace(/\b(de|del|le|the|of)\b/g, " ")
    .replace(/\b(\d{1,2})(st|nd|rd|th|er|eme|o)\b/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  m = /^([a-z]+) (\d{4}|\d{2})$/.exec(words);
  if (m && MONTHS.has(m[1]!)) {
    const mo = MONTHS.get(m[1]!)!;
    return { ok: true, iso: periodDay(fullYear(Number(m[2])), mo, mo, role), reading: "month" };
  }
  m = /^(\d{1,2}) ([a-z]+) (\d{4}|\d{2})$/.exec(words);
  if (m && MONTHS.has(m[2]!)) return ymd(fullYear(Number(m[3])), MONTHS.get(m[2]!)!, Number(m[1]), text);
  m = /^([a-z]+) (\d{1,2}) (\d{4})$/.exec(words);
  if (m && MONTHS.has(m[1]!)) return ymd(Number(m[3]), MONTHS.get(m[1]!)!, Number(m[2]), text);
  m = /^(\d{4})$/.exec(words);
  if (m) return fromNumber(Number(m[1]), role, null);
  return unreadable(text);
}

function ymd(y: number, mo: number, d: number, text: string): DateParse {
  return validYmd(y, mo, d) ? { ok: true, iso: isoDate(y, mo, d) } : unreadable(text);
}

function quarter(q: number, y: number, role: DateRole): DateParse {
  if (y < 1900 || y > 2100) return unreadable(`Q${q} ${y}`);
  return { ok: true, iso: periodDay(y, 3 * q - 2, 3 * q, role), reading: `quarter ${q} of ${y}` };
}

function dayMonth(a: number, b: number, y: number, text: string, order: DateOrder | undefined): DateParse {
  const dmy = validYmd(y, b, a) ? isoDate(y, b, a) : null;
  const mdy = validYmd(y, a, b) ? isoDate(y, a, b) : null;
  if (dmy && mdy && dmy !== mdy) {
    if (order === "dmy") return { ok: true, iso: dmy, reading: "day first (setting)" };
    if (order === "mdy") return { ok: true, iso: mdy, reading: "month first (setting)" };
    return {
      ok: false,
      code: "date-ambiguous",
      message: `"${text}" can be read day first (${dmy}) or month first (${mdy}). Type it as YYYY-MM-DD, or say in the import settings which order the source uses.`,
      suggestions: [dmy, mdy],
    };
  }
  const iso = dmy ?? mdy;
  if (!iso) return unreadable(text);
  return { ok: true, iso, reading: dmy ? "day first" : "month first" };
}

export type PeriodParse =
  | { ok: true; start: string; end: string }
  | { ok: false; code: "period-unreadable" | "date-ambiguous"; message: string };

/** Separators between two dates of a period, spaced so that ISO dates ("2024-03-01") are not cut. */
const PERIOD_SEPARATORS = /\s+(?:-|–|—|to|au|à|a|al|hasta|until|till|through)\s+|\s*[–—]\s*|\s+-\s*|\s*-\s+/i;

/**
 * Both dates of a period in one cell: "Jul 2023 - Dec 2024", "01/03/2024 au 30/06/2025",
 * "Q1 2024 – Q2 2025", "T1-T3 2025", "2024-2025", or one period ("2025", "T3 2024") standing for its
 * own first and last day.
 */
export function parseImportPeriod(value: unknown, options: { dateOrder?: DateOrder } = {}): PeriodParse {
  const text = typeof value === "string" ? plainSpaces(value) : typeof value === "number" ? String(value) : "";
  const fail = (): PeriodParse => ({
    ok: false,
    code: "period-unreadable",
    message: `"${text}" is not a period the import can read. Give start and end dates, for example "Jul 2023 - Dec 2024".`,
  });
  if (!text) return fail();
  let m = /^(\d{4})\s*[-–—/]\s*(\d{4})$/.exec(text);
  if (m) return both(m[1]!, m[2]!, options);
  m = /^([QqTt])([1-4])\s*[-–—]\s*[QqTt]?([1-4])\s+(\d{4})$/.exec(text);
  if (m) return both(`${m[1]}${m[2]} ${m[4]}`, `${m[1]}${m[3]} ${m[4]}`, options);
  const parts = text.split(PERIOD_SEPARATORS).filter((p) => p.trim() !== "");
  if (parts.length === 2) return both(parts[0]!, parts[1]!, options);
  if (parts.length === 1) return both(text, text, options);
  return fail();
}

function both(a: string, b: string, options: { dateOrder?: DateOrder }): PeriodParse {
  const start = parseImportDate(a, "start", options);
  const end = parseImportDate(b, "end", options);
  if (start.ok && end.ok) return { ok: true, start: start.iso, end: end.iso };
  const bad = !start.ok ? start : !end.ok ? end : null;
  if (bad && bad.code === "date-ambiguous") return { ok: false, code: "date-ambiguous", message: bad.message };
  return {
    ok: false,
    code: "period-unreadable",
    message: `"${a === b ? a : `${a} - ${b}`}" is not a period the import can read. Give start and end dates, for example "Jul 2023 - Dec 2024".`,
  };
}
