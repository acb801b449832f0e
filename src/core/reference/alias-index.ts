/**
 * One canonical list with its aliases: exact lookup on folded text (case, accents, punctuation and
 * spacing do not matter), then a typo-tolerant fallback (fastest-levenshtein) with a confidence below 1.
 * Every reference list (agencies, levels, stages, statuses, countries) is one of these.
 */
import { distance } from "fastest-levenshtein";
import { foldKey } from "./text";

export interface Match {
  /** The canonical value (for countries: the ISO 3166-1 alpha-3 code). */
  value: string;
  /** 1 for the canonical value or a listed alias; below 1 for a near miss (a typo). */
  confidence: number;
}

export interface AliasEntry {
  value: string;
  aliases: readonly string[];
}

/** Memo size per list: enough for every distinct value of a large sheet, bounded so memory stays flat. */
const CACHE_LIMIT = 5000;

export class AliasIndex {
  readonly values: readonly string[];
  private readonly exact = new Map<string, string>();
  private readonly keysByValue = new Map<string, string[]>();
  private readonly cache = new Map<string, Match | null>();

  /** Earlier entries and earlier aliases win a clash, so put canonical names and curated aliases first. */
  constructor(entries: readonly AliasEntry[]) {
    this.values = entries.map((e) => e.value);
    for (const e of entries) {
      for (const alias of [e.value, ...e.aliases]) {
        const key = foldKey(alias);
        if (key === "" || this.exact.has(key)) continue;
        this.exact.set(key, e.value);
        const keys = this.keysByValue.get(e.value) ?? [];
        keys.push(key);
        this.keysByValue.set(e.value, keys);
      }
    }
  }

  /** Exact (confidence 1) or near-miss match, or null. Never throws. */
  match(text: string): Match | null {
    if (text.length > 200) return null; // no canonical value or alias is that long
    const key = foldKey(text);
    if (key === "") return null;
    const hit = this.exact.get(key);
    if (hit !== undefined) return { value: hit, confidence: 1 };
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const found = this.nearMiss(key);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  /** True when the folded text is the canonical value or a listed alias. */
  isExact(text: string): boolean {
    return this.exact.has(foldKey(text));
  }

  /** The canonical value whose name or alias the folded text is exactly, whatever its length. */
  lookup(text: string): string | undefined {
    return this.exact.get(foldKey(text));
  }

  /** The k values nearest to the text, nearest first (for "did you mean" messages). */
  suggest(text: string, k = 3): string[] {
    const key = foldKey(text.slice(0, 200));
    if (key === "" || k <= 0) return [];
    const best = new Map<string, number>();
    for (const [value, keys] of this.keysByValue) {
      let score = Infinity;
      for (const candidate of keys) {
        let d = distance(key, candidate) / Math.max(key.length, candidate.length);
        // A typed prefix ("Tanz", "Impl") is a strong hint even though its edit distance is large.
        if (candidate.startsWith(key) || key.startsWith(candidate)) d = Math.min(d, 0.3);
        if (d < score) score = d;
      }
      best.set(value, score);
    }
    return [...best.entries()]
      .sort((a, b) => a[1] - b[1] || this.values.indexOf(a[0]) - this.values.indexOf(b[0]))
      .slice(0, k)
      .map(([v]) => v);
  }

  /** Typos only: 1 edit for 4-7 characters, 2 for 8 or more; shorter keys must match exactly. */
  private nearMiss(key: string): Match | null {
    const allowed = key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
    if (allowed === 0) return null;
    let bestValue: string | null = null;
    let bestDistance = Infinity;
    let tie = false;
    for (const [candidate, value] of this.exact) {
      if (Math.abs(candidate.length - key.length) > allowed || candidate.length < 4) continue;
      const d = isTransposition(key, candidate) ? 1 : distance(key, candidate);
      if (d > allowed) continue;
      if (d < bestDistance) {
        bestDistance = d;
        bestValue = value;
        tie = false;
      } else if (d === bestDistance && value !== bestValue) tie = true;
    }
    // Two different values equally near is a guess, not a match.
    if (bestValue === null || tie) return null;
    const confidence = 1 - bestDistance / Math.max(key.length, 1);
    return { value: bestValue, confidence: Math.round(Math.min(0.95, confidence) * 1000) / 1000 };
  }
}

/** "keyna" vs "kenya": two neighbouring letters swapped, the commonest typo, counts as one edit. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1) return false;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
