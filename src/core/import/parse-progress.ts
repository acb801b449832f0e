/**
 * Progress as a fraction of one. Trackers write it as 0.45, "45%", 45 or "100": a number above 1 is a
 * percentage (45 -> 0.45, 100 -> 1); a cell with a percent number format already holds the fraction.
 */
import { plainSpaces } from "./text";
import { parseNumberText } from "./parse-money";

export type ProgressParse =
  | { ok: true; value: number }
  | { ok: false; code: "progress-unreadable" | "progress-out-of-range" | "progress-placeholder"; message: string };

export function parseProgress(value: unknown, numberFormat?: string | null): ProgressParse {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return unreadable(String(value));
    if (numberFormat && numberFormat.includes("%")) return inRange(value, String(value));
    return inRange(value > 1 ? value / 100 : value, String(value));
  }
  if (typeof value !== "string") return unreadable(String(value));
  const shown = plainSpaces(value);
  if (/^(n\/?a|na|tbd|tbc|n\/d|nd|-+|–|—|\?+)$/i.test(shown))
    return { ok: false, code: "progress-placeholder", message: `"${shown}" is a placeholder, read as no progress.` };
  // "50% (est.)", "approx. 50%", "~50%": an estimate is still the figure the office reports.
  const text = shown
    .replace(/\([^)]*\)/g, " ")
    .replace(
      /^(~|≈|approx\.?|approximately|about|around|est\.?|estimated|env\.?|environ|aprox\.?|aproximadamente|ca\.?|circa)\s*/i,
      "",
    )
    .trim();
  const m = /^(\d[\d.,]*|[.,]\d+)\s*(%|pct|percent|pour ?cent|por ?ciento)?$/i.exec(text);
  if (!m) return unreadable(text);
  const n = parseNumberText(m[1]!.replace(",", "."), true);
  if (n === null) return unreadable(text);
  return inRange(m[2] || n > 1 ? n / 100 : n, text);
}

function inRange(fraction: number, shown: string): ProgressParse {
  const rounded = Math.round(fraction * 1e6) / 1e6;
  if (rounded < 0 || rounded > 1) {
    return {
      ok: false,
      code: "progress-out-of-range",
      message: `"${shown}" is not a progress between 0% and 100%. Type a percentage such as 45%.`,
    };
  }
  return { ok: true, value: rounded };
}

function unreadable(shown: string): ProgressParse {
  return {
    ok: false,
    code: "progress-unreadable",
    message: `"${shown}" is not a progress the import can read. Type a percentage such as 45%, or a fraction such as 0.45.`,
  };
}
