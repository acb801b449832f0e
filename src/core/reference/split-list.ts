/**
 * Splitting a cell that names several things ("WCO/INTERPOL", "Kenya and Tanzania", "INTERPOL et OMD")
 * without breaking names that contain a separator themselves ("United Nations Office on Drugs and
 * Crime", "Trinidad and Tobago", "Korea, Republic of"). The cell is cut at every possible separator,
 * then the longest runs of pieces that the list knows exactly are taken first.
 */
import type { AliasIndex, Match } from "./alias-index";

/** Separators, captured so that pieces can be joined back exactly as written. */
const SEPARATORS = /(\s*[,;/|&+\n\r]\s*|\s+(?:and|et|y|e|und)\s+)/i;

/** Longest run of pieces tried as one name: long enough for "Saint Vincent and the Grenadines". */
const MAX_RUN = 7;

export interface SplitResult {
  /** Canonical values in the order they appear, duplicates removed. */
  values: string[];
  /** Pieces that matched nothing, trimmed, as written. */
  unknown: string[];
  /** Lowest confidence among the matched pieces (1 when all were exact). */
  confidence: number;
}

export function splitAndMatch(text: string, index: AliasIndex, fuzzy: (piece: string) => Match | null): SplitResult {
  const whole = text.trim();
  if (whole === "") return { values: [], unknown: [], confidence: 1 };
  // The common case first: the whole cell is one known name.
  const wholeValue = index.lookup(whole);
  if (wholeValue !== undefined) return { values: [wholeValue], unknown: [], confidence: 1 };
  // Odd indices are separators.
  // A cell listing real names is short; a longer one is not split (the scan would cost more than it finds).
  const parts = whole.length > 1000 ? [whole.slice(0, 1000)] : whole.split(SEPARATORS);
  const pieces: string[] = [];
  for (let i = 0; i < parts.length; i += 2) pieces.push(parts[i] ?? "");
  const joinRun = (from: number, to: number): string => parts.slice(from * 2, to * 2 + 1).join("");

  const values: string[] = [];
  const unknown: string[] = [];
  let confidence = 1;
  let i = 0;
  while (i < pieces.length) {
    if ((pieces[i] ?? "").trim() === "") {
      i++;
      continue;
    }
    let taken = false;
    for (let j = Math.min(pieces.length - 1, i + MAX_RUN - 1); j >= i; j--) {
      const value = index.lookup(joinRun(i, j));
      if (value !== undefined) {
        values.push(value);
        i = j + 1;
        taken = true;
        break;
      }
    }
    if (taken) continue;
    const written = (pieces[i] ?? "").trim();
    // "UNODC (lead)", "INTERPOL - co-lead", "Kenya (pilot)": the name without the remark, when it is known.
    const bare = withoutRemark(written);
    const known = bare !== written ? index.lookup(bare) : undefined;
    if (known !== undefined) {
      values.push(known);
      i++;
      continue;
    }
    const piece = bare !== written && bare !== "" ? bare : written;
    const m = fuzzy(piece);
    if (m) {
      values.push(m.value);
      confidence = Math.min(confidence, m.confidence);
    } else unknown.push(written);
    i++;
  }
  return { values: [...new Set(values)], unknown, confidence };
}

/**
 * A trailing remark in brackets or after a dash ("(lead)", "(co-lead)", " - chef de file", "[pilot]"), which
 * officers add to a name in one cell. Names that carry brackets themselves ("Bolivia (Plurinational State of)")
 * are looked up whole before this is tried.
 */
export function withoutRemark(piece: string): string {
  return piece
    .replace(/\s*[([][^()[\]]{0,40}[)\]]\s*$/, "")
    .replace(/\s+[-–—:]\s+[^-–—:]{1,30}$/, "")
    .trim();
}
