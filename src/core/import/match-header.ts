/**
 * One header text -> the canonical field it names, with a confidence. Exact aliases score 1; the same
 * header with its units or format hint in brackets removed 0.95; a header that contains a known alias
 * among other words 0.8; a near spelling (Levenshtein, from fastest-levenshtein) at most 0.85.
 */
import { distance } from "fastest-levenshtein";
import type { ImportField } from "./types";
import { ALIAS_TO_FIELD, ALL_ALIASES } from "./header-aliases";
import { foldText } from "./text";
import type { MappingVia } from "./types";

type ActivityKey = ImportField;

export interface HeaderMatch {
  field: ActivityKey;
  confidence: number;
  via: MappingVia;
}

/** Below this a header is not mapped automatically (the preview still shows the guess). */
export const HEADER_THRESHOLD = 0.6;

/** Words that describe a unit or a format, not the field: "Budget (USD)", "Start (dd/mm/yyyy)". */
const UNIT_WORDS = new Set([
  "usd",
  "us",
  "pct",
  "dd",
  "mm",
  "yyyy",
  "yy",
  "jj",
  "aaaa",
  "aa",
  "dollars",
  "s",
  "es",
  "en",
  "in",
  "iso",
  "iso3",
  "code",
  "codes",
]);

/** A currency named in a header, other than USD. */
const HEADER_CURRENCIES: readonly [RegExp, string][] = [
  [/€|\beur(os?)?\b/i, "EUR"],
  [/\bf\s?cfa\b|\bcfa\b|\bxof\b/i, "XOF"],
  [/\bxaf\b/i, "XAF"],
  [/£|\bgbp\b/i, "GBP"],
  [/\bchf\b/i, "CHF"],
  [/\bkes\b|\bksh\b/i, "KES"],
  [/\bzar\b/i, "ZAR"],
];

export const NOT_A_FIELD =
  /\b(source|sources|donor|donors|bailleurs?|donantes?|implementing|contact|email|focal|person|personne|persona)\b/;

export function headerCurrency(header: string): string | undefined {
  for (const [re, code] of HEADER_CURRENCIES) if (re.test(header)) return code;
  return undefined;
}

export function matchHeader(header: string): HeaderMatch | null {
  const folded = foldText(header);
  if (!folded) return null;
  const exact = ALIAS_TO_FIELD.get(folded);
  if (exact) return { field: exact, confidence: 1, via: "alias" };

  // Brackets usually hold a unit or a hint ("Budget (FCFA)", "Début (jj/mm/aaaa)"): try without them,
  // then without unit words.
  const noBrackets = foldText(header.replace(/\([^)]*\)|\[[^\]]*\]/g, " "));
  const trimmed = noBrackets
    .split(" ")
    .filter((w) => w && !UNIT_WORDS.has(w))
    .join(" ");
  for (const candidate of [noBrackets, trimmed]) {
    const f = candidate ? ALIAS_TO_FIELD.get(candidate) : undefined;
    if (f) return { field: f, confidence: 0.95, via: "alias-trimmed" };
  }

  // "Funding source", "Donor", "Implementing partner": named like a field, but about something else.
  if (NOT_A_FIELD.test(folded)) return null;
  const words = byWords(trimmed || folded);
  if (words) return words;
  return byFuzzy(trimmed || folded);
}

/** The most specific alias whose words all appear, in order, in the header ("Planned start date 2024"). */
function byWords(folded: string): HeaderMatch | null {
  const padded = ` ${folded} `;
  let best: { field: ActivityKey; tokens: number } | null = null;
  let tie = false;
  for (const a of ALL_ALIASES) {
    // One short word alone ("to", "no", "who") is too common to name a column inside a longer header.
    if (!a.folded.includes(" ") && a.folded.length < 5) continue;
    if (!padded.includes(` ${a.folded} `)) continue;
    const tokens = a.folded.split(" ").length;
    if (!best || tokens > best.tokens) {
      best = { field: a.field, tokens };
      tie = false;
    } else if (tokens === best.tokens && a.field !== best.field) tie = true;
  }
  if (!best || tie) return null;
  const extra = folded.split(" ").length - best.tokens;
  return { field: best.field, confidence: Math.max(0.65, 0.85 - 0.05 * extra), via: "words" };
}

function byFuzzy(folded: string): HeaderMatch | null {
  if (folded.length < 4) return null;
  let best: { field: ActivityKey; ratio: number } | null = null;
  for (const a of ALL_ALIASES) {
    if (a.folded.length < 5) continue;
    if (Math.abs(a.folded.length - folded.length) > 3) continue;
    const ratio = distance(a.folded, folded) / Math.max(a.folded.length, folded.length);
    if (ratio <= 0.25 && (!best || ratio < best.ratio)) best = { field: a.field, ratio };
  }
  if (!best) return null;
  return { field: best.field, confidence: Math.round((0.9 - best.ratio) * 100) / 100, via: "fuzzy" };
}
