/**
 * Scoring free text against a plan title. Officers paste shortened, misspelt or translated-back titles;
 * two signals cover the cases: token overlap (a truncated title shares most of its words) with typo-
 * tolerant token equality, and whole-string edit distance (a title with a typo or two) from
 * fastest-levenshtein, the fastest maintained Levenshtein on npm.
 */
import { distance } from "fastest-levenshtein";
import { contentTokens, foldKey } from "../reference/text";

/** Two words agree when equal, or when long enough that one typo is clearly a typo. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 5) return false;
  // A shared stem is a match too ("strengthening" vs "strengthen").
  if (n >= 6 && (a.startsWith(b) || b.startsWith(a))) return true;
  return distance(a, b) <= (n >= 9 ? 2 : 1);
}

/** Prepared title: folded string and content tokens, computed once per framework. */
export interface TitleKey {
  folded: string;
  tokens: string[];
}

export function titleKey(title: string): TitleKey {
  return { folded: foldKey(title), tokens: contentTokens(title) };
}

/** 0..1: how well the query text names this title. */
export function titleScore(query: TitleKey, title: TitleKey): number {
  if (query.tokens.length === 0 || title.tokens.length === 0) return 0;
  let matched = 0;
  for (const q of query.tokens) if (title.tokens.some((t) => sameWord(q, t))) matched++;
  const queryRecall = matched / query.tokens.length;
  const titleRecall = Math.min(1, matched / title.tokens.length);
  const overlap = 0.7 * queryRecall + 0.3 * titleRecall;
  // Whole-string similarity only when lengths are comparable; distance is O(n*m), keep it bounded.
  let editSimilarity = 0;
  const a = query.folded.slice(0, 400);
  const b = title.folded;
  if (Math.abs(a.length - b.length) <= Math.max(a.length, b.length) * 0.3) {
    editSimilarity = 1 - distance(a, b) / Math.max(a.length, b.length, 1);
  }
  return Math.max(overlap, editSimilarity);
}
