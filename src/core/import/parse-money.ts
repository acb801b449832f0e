/**
 * Amounts as country teams type them: 50000, "50,000", "$120,000", "USD 75 000", "US$ 1.2m", "75k",
 * "1,5 M", "10.000,50" (European separators). The plan is in US dollars: an amount in another currency
 * ("€ 10.000", "5 000 000 FCFA") is reported, never converted, and the cell stays empty.
 */
import { plainSpaces } from "./text";

export type MoneyParse =
  | { ok: true; value: number }
  | {
      ok: false;
      code: "money-currency" | "money-unreadable" | "money-negative" | "money-placeholder";
      message: string;
      currency?: string;
    };

const CURRENCIES: readonly [RegExp, string][] = [
  [/^(us\s?\$|u\.s\.\s?\$|usd|us\s?dollars?|dollars?|\$)/i, "USD"],
  [/^(€|eur|euros?)/i, "EUR"],
  [/^(f\s?cfa|cfa\s?f?|xof|fcfa)/i, "XOF"],
  [/^xaf/i, "XAF"],
  [/^(£|gbp)/i, "GBP"],
  [/^chf/i, "CHF"],
  [/^(ksh|kes)/i, "KES"],
  [/^zar/i, "ZAR"],
  [/^(¥|jpy|cny|rmb)/i, "CNY/JPY"],
];

const SCALES: readonly [RegExp, number][] = [
  [/^(k|thousand|mil|miles)$/i, 1e3],
  [/^(m|mn|mio|million|millions|millones|millon|millón|mm)$/i, 1e6],
  [/^(bn|b|billion|billions|milliard|milliards)$/i, 1e9],
];

/** Placeholders that mean "nothing here yet". Read as empty, and said so. */
const PLACEHOLDERS =
  /^(-+|–|—|n\/?a|na|nil|none|tbd|tbc|n\/d|nd|a determiner|à déterminer|por determinar|pm|p\.m\.|\?+|néant|neant|ninguno)$/i;

export function parseMoney(value: unknown): MoneyParse {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return unreadable(String(value));
    if (value < 0) return negative(String(value));
    return { ok: true, value };
  }
  if (typeof value !== "string") return unreadable(String(value));
  let text = plainSpaces(value);
  // "$ -" and "USD -" are how an accounting format shows nothing; as typed text, they are a placeholder.
  if (PLACEHOLDERS.test(text) || /^(us\s?\$|usd|\$)\s*[-–—]$/i.test(text))
    return { ok: false, code: "money-placeholder", message: `"${text}" is a placeholder, read as no amount.` };
  let negativeSign = false;
  if (/^\(.*\)$/.test(text)) {
    negativeSign = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith("-")) {
    negativeSign = true;
    text = text.slice(1).trim();
  }
  let currency: string | undefined;
  // The currency may come before or after the amount.
  for (const [re, code] of CURRENCIES) {
    const before = re.exec(text);
    if (before) {
      currency = code;
      text = text.slice(before[0].length).trim();
      break;
    }
    const after = new RegExp(`\\s*${re.source.replace(/^\^/, "")}\\.?$`, "i").exec(text);
    if (after && after.index > 0) {
      currency = code;
      text = text.slice(0, after.index).trim();
      break;
    }
  }
  if (text.startsWith("-")) {
    negativeSign = true;
    text = text.slice(1).trim();
  }
  let scale = 1;
  const sm = /^([\d.,' ]+?)\s*([a-zA-Zóñ]+)\.?$/.exec(text);
  if (sm) {
    const s = SCALES.find(([re]) => re.test(sm[2]!));
    if (!s) return unreadable(value);
    scale = s[1];
    text = sm[1]!.trim();
  }
  const n = parseNumberText(text, scale !== 1);
  if (n === null) return unreadable(value);
  const amount = Math.round(n * scale * 100) / 100;
  if (currency && currency !== "USD") {
    return {
      ok: false,
      code: "money-currency",
      currency,
      message: `"${plainSpaces(value)}" is in ${currency}, not US dollars. The plan holds USD only: convert it and type the amount in USD.`,
    };
  }
  if (negativeSign && amount !== 0) return negative(value);
  return { ok: true, value: amount };
}

/**
 * Digits with grouping and decimal separators, English or European. "1,234" and "1.234" (one separator,
 * three digits after) are thousands: amounts with three decimals do not occur in budgets. With a scale
 * word ("1.250m") the separator is a decimal point.
 */
export function parseNumberText(raw: string, scaled: boolean): number | null {
  const text = raw.replace(/[\s']/g, "");
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return null;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  let normal: string;
  if (dots > 0 && commas > 0) {
    // The separator that comes last is the decimal one.
    const decimal = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
    const group = decimal === "." ? "," : ".";
    if ((text.match(new RegExp(`\\${decimal}`, "g")) ?? []).length > 1) return null;
    normal = text.split(group).join("").replace(decimal, ".");
    if (!groupsOk(text.split(decimal)[0]!, group)) return null;
  } else if (dots + commas === 0) {
    normal = text;
  } else {
    const sep = dots > 0 ? "." : ",";
    const parts = text.split(sep);
    if (parts.length > 2) {
      if (!groupsOk(text, sep)) return null;
      normal = parts.join("");
    } else {
      const after = parts[1] ?? "";
      normal =
        after.length === 3 && !scaled && parts[0] !== "" && parts[0] !== "0"
          ? parts.join("")
          : `${parts[0] || "0"}.${after}`;
    }
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

function groupsOk(intPart: string, sep: string): boolean {
  const groups = intPart.split(sep);
  return groups.slice(1).every((g) => g.length === 3) && (groups[0]?.length ?? 0) >= 1 && (groups[0]?.length ?? 0) <= 3;
}

function unreadable(value: unknown): MoneyParse {
  return {
    ok: false,
    code: "money-unreadable",
    message: `"${String(value)}" is not an amount the import can read. Type a number of US dollars, for example 75000.`,
  };
}

function negative(value: unknown): MoneyParse {
  return {
    ok: false,
    code: "money-negative",
    message: `"${String(value)}" is a negative amount; budgets and funds are zero or more. Check the source.`,
  };
}
