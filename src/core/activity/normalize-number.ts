/**
 * Numbers, money and progress as country teams type them: real numbers, or text such as "50,000",
 * "$120,000", "USD 75 000", "1.234.567,89", "50k", "45%". Each reader returns the number or a field
 * problem code and message (no location: the parser adds sheet and cell).
 */
import { isCellError, type CellValue } from "../grid";

export type NumberReading =
  | { ok: true; value: number | null; note?: { code: string; message: string } }
  | { ok: false; code: string; message: string };

const USD_MARKERS = /^(?:us\s?\$|usd|us\s?dollars?|dollars?|\$)\s*|\s*(?:us\s?\$|usd|us\s?dollars?|dollars?|\$)$/i;
const OTHER_CURRENCY =
  /(€|£|¥|₹|\b(?:eur|euros?|gbp|chf|cfa|fcfa|xaf|xof|kes|tzs|ugx|zar|cny|rmb|inr|jpy|aud|cad|brl)\b)/i;

function show(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Plain numeric text to a number, or null. Grouping by ",", ".", spaces or "'" and a decimal "," or "."
 * are told apart by position: the last separator followed by exactly three digits groups thousands;
 * otherwise it is the decimal mark. "1.500" (a single dot and three digits) is ambiguous and returns NaN.
 */
export function numberFromText(input: string): number | null {
  let s = input.trim().replace(/[\u00a0\u202f\u2009]/g, " ");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s); // accounting negative: (500)
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  if (s.startsWith("-") || s.startsWith("\u2212")) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) s = s.slice(1).trim();
  let scale = 1;
  const suffix = /^(.*?)\s*(k|m|mn|million|millions|bn)$/i.exec(s);
  if (suffix && /\d$/.test(suffix[1]!)) {
    const unit = suffix[2]!.toLowerCase();
    scale = unit === "k" ? 1e3 : unit === "bn" ? 1e9 : 1e6;
    s = suffix[1]!;
  }
  if (!/^\d[\d ,.']*$/.test(s) || /\d\s{2,}\d/.test(s)) return null;
  s = s.replace(/[ ']/g, "");
  const lastSep = Math.max(s.lastIndexOf(","), s.lastIndexOf("."));
  let normalised: string;
  if (lastSep < 0) normalised = s;
  else {
    const tail = s.slice(lastSep + 1);
    const head = s.slice(0, lastSep);
    const sep = s[lastSep]!;
    const sepCount = s.split(sep).length - 1;
    const otherSep = sep === "," ? "." : ",";
    if (tail.length === 3 && (sepCount > 1 || head.includes(otherSep) || sep === ",")) {
      // "50,000", "1.234.567", "1,234,567": grouping only
      normalised = s.replace(/[,.]/g, "");
    } else if (tail.length === 3 && sep === "." && !head.includes(",")) {
      return scale === 1 ? NaN : Number(s) * scale * (negative ? -1 : 1); // "1.500": 1.5 or 1500? ("1.5k" is clear)
    } else {
      // the last separator is the decimal mark; anything before it groups thousands
      if (head.includes(sep)) return null; // "1,2,5"
      normalised = `${head.replace(/[,.]/g, "")}.${tail}`;
    }
  }
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const n = Number(normalised) * scale;
  return Number.isFinite(n) ? (negative ? -n : n) : null;
}

function notANumber(v: CellValue, what: string): NumberReading {
  if (isCellError(v))
    return { ok: false, code: "error-value", message: `The cell shows the error ${v.error}; enter ${what}.` };
  return { ok: false, code: "number-unreadable", message: `"${show(String(v))}" is not a number; enter ${what}.` };
}

/** No amount is written in more than this many characters; longer text is not read (and not scanned). */
const MAX_NUMBER_TEXT = 60;

/** Budget and funding in US dollars. Other currencies are reported, never converted. */
export function readMoney(v: CellValue): NumberReading {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { ok: true, value: null };
  if (typeof v === "number")
    return Number.isFinite(v) ? { ok: true, value: v } : notANumber(v, "an amount in US dollars");
  if (typeof v !== "string") return notANumber(v, "an amount in US dollars, for example 50000");
  const text = v.trim();
  if (text.length > MAX_NUMBER_TEXT) return notANumber(text, "an amount in US dollars, for example 50000");
  if (OTHER_CURRENCY.test(text)) {
    return {
      ok: false,
      code: "money-not-usd",
      message: `"${show(text)}" is not in US dollars; convert it and enter the amount in USD.`,
    };
  }
  const n = numberFromText(text.replace(USD_MARKERS, "").replace(USD_MARKERS, ""));
  if (n === null) return notANumber(text, "an amount in US dollars, for example 50000");
  if (Number.isNaN(n)) {
    return {
      ok: false,
      code: "number-ambiguous",
      message: `"${show(text)}" could mean ${text.replace(".", "")} or ${text}; enter the amount without separators.`,
    };
  }
  return { ok: true, value: n };
}

/** A plain number (the 1-5 scores): kept as typed, range and whole-number checks are validation's. */
export function readNumber(v: CellValue): NumberReading {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { ok: true, value: null };
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : notANumber(v, "a number");
  if (typeof v !== "string") return notANumber(v, "a number from 1 to 5");
  if (v.trim().length > MAX_NUMBER_TEXT) return notANumber(v.trim(), "a number from 1 to 5");
  const n = numberFromText(v);
  if (n === null || Number.isNaN(n)) return notANumber(v.trim(), "a number from 1 to 5");
  return { ok: true, value: n };
}

/**
 * Progress as a fraction 0..1. A fraction or a percentage ("45%") is read as is. A plain number above
 * 1 and up to 100 (45) is read as a percentage (0.45) with a note, since no one means 4,500%; above
 * 100 or below 0 is a problem.
 */
export function readProgress(v: CellValue): NumberReading {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { ok: true, value: null };
  let n: number;
  let percent = false;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    if (v.trim().length > MAX_NUMBER_TEXT) return notANumber(v.trim(), "progress as a percentage, for example 45%");
    const m = /^(.*?)\s*%$/.exec(v.trim());
    percent = m !== null;
    const parsed = numberFromText(m ? m[1]! : v);
    if (parsed === null || Number.isNaN(parsed))
      return notANumber(v.trim(), "progress as a percentage, for example 45%");
    n = parsed;
  } else return notANumber(v, "progress as a percentage, for example 45%");
  if (!Number.isFinite(n)) return notANumber(v, "progress as a percentage");
  if (percent) n = n / 100;
  // A whole number from 2 to 100 is a percentage typed without "%" (45 means 45%). A fraction above 1
  // (1.5) is most often a percentage cell showing 150%: out of range, never quietly read as 1.5%.
  else if (n > 1 && n <= 100 && Number.isInteger(n)) {
    return {
      ok: true,
      value: n / 100,
      note: {
        code: "progress-read-as-percent",
        message: `${n} was read as ${n}%; enter progress as a percentage (${n}%) or a fraction (${n / 100}).`,
      },
    };
  }
  if (n < 0 || n > 1) {
    return {
      ok: false,
      code: "progress-out-of-range",
      message: `${show(String(v))} is outside 0% to 100%${!percent && n > 1 ? ` (as a fraction of one, ${show(String(v))} is ${Math.round(n * 10000) / 100}%)` : ""}; enter progress between 0% and 100%.`,
    };
  }
  return { ok: true, value: n };
}
