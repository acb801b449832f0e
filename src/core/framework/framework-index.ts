/**
 * FrameworkIndex: lookups over one loaded plan (by code, parent, children, path) and the fuzzy helpers
 * that turn what an officer typed into a code (suggest, matchApproach). Pure and immutable: build one per
 * framework file and share it.
 */
import { distance } from "fastest-levenshtein";
import type { Approach, Framework, FrameworkLevel, FrameworkNode, Outcome, SubOutcome } from "./schema";
import { normalizeCode } from "./normalize-code";
import { titleKey, titleScore, type TitleKey } from "./title-match";

export interface Suggestion {
  code: string;
  title: string;
  /** 0..1, higher is nearer. */
  score: number;
}

export interface ApproachMatch {
  code: string;
  /** 1 for a code that exists; below 1 for a title match, lower still when two titles score alike. */
  confidence: number;
  via: "code" | "title";
}

/** Below this a title is not considered named at all. */
const TITLE_MATCH_FLOOR = 0.45;
/** When the runner-up is this close, the match is ambiguous and its confidence is capped. */
const AMBIGUITY_MARGIN = 0.05;
const AMBIGUOUS_CONFIDENCE = 0.4;

export class FrameworkIndex {
  readonly outcomes: readonly Outcome[];
  readonly subOutcomes: readonly SubOutcome[];
  readonly approaches: readonly Approach[];
  readonly period: { readonly start: string; readonly end: string };
  private readonly byCode = new Map<string, { node: FrameworkNode; level: FrameworkLevel }>();
  private readonly childrenOf = new Map<string, FrameworkNode[]>();
  private readonly titleKeys = new Map<string, TitleKey>();

  constructor(readonly framework: Framework) {
    this.outcomes = framework.outcomes;
    this.subOutcomes = framework.subOutcomes;
    this.approaches = framework.approaches;
    this.period = framework.period;
    for (const o of framework.outcomes) this.add(o, "outcome", "");
    for (const s of framework.subOutcomes) this.add(s, "subOutcome", s.outcome);
    for (const a of framework.approaches) this.add(a, "approach", a.subOutcome);
  }

  private add(node: FrameworkNode, level: FrameworkLevel, parent: string): void {
    this.byCode.set(node.code, { node, level });
    const siblings = this.childrenOf.get(parent) ?? [];
    siblings.push(node);
    this.childrenOf.set(parent, siblings);
    this.titleKeys.set(node.code, titleKey(node.title));
  }

  /** The node with exactly this code ("3.2.4"), or undefined. Normalise user text first with normalizeCode. */
  get(code: string): FrameworkNode | undefined {
    return this.byCode.get(code)?.node;
  }

  level(code: string): FrameworkLevel | undefined {
    return this.byCode.get(code)?.level;
  }

  /** "3.2.4" -> node 3.2; "3.2" -> node 3; an outcome or unknown code -> undefined. */
  parent(code: string): FrameworkNode | undefined {
    if (!this.byCode.has(code)) return undefined;
    const cut = code.lastIndexOf(".");
    return cut < 0 ? undefined : this.get(code.slice(0, cut));
  }

  /** Direct children in plan order; children("") lists the outcomes. */
  children(code: string): readonly FrameworkNode[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** Outcome first: path("3.2.4") is [3, 3.2, 3.2.4]; [] for an unknown code. */
  path(code: string): FrameworkNode[] {
    const out: FrameworkNode[] = [];
    for (let n = this.get(code); n; n = this.parent(n.code)) out.unshift(n);
    return out;
  }

  title(code: string): string | undefined {
    return this.get(code)?.title;
  }

  /** Every code in plan order: outcomes, then sub-outcomes, then approaches. */
  codes(): string[] {
    return [...this.byCode.keys()];
  }

  /**
   * The k nearest codes for text that names no existing code. A code-shaped text ranks codes of the same
   * depth by edit distance of the code ("1.1.5" -> 1.1.4, 1.1.1 ...), keeping the deepest shared prefix
   * first; other text ranks titles by titleScore.
   */
  suggest(text: string, k = 3): Suggestion[] {
    const code = normalizeCode(text);
    const scored: Suggestion[] = [];
    if (code !== null) {
      const depth = code.split(".").length;
      for (const [c, { node }] of this.byCode) {
        if (c.split(".").length !== Math.min(depth, 3)) continue;
        const d = distance(code, c);
        const shared = commonPrefixSegments(code, c);
        scored.push({
          code: c,
          title: node.title,
          score: Math.max(0, 1 - d / Math.max(code.length, c.length)) * 0.7 + 0.3 * (shared / depth),
        });
      }
    } else {
      const q = titleKey(text.slice(0, 2000));
      for (const [c, { node }] of this.byCode) {
        const s = titleScore(q, this.titleKeys.get(c)!);
        if (s > 0) scored.push({ code: c, title: node.title, score: s });
      }
    }
    return scored
      .sort((a, b) => b.score - a.score || compareCodes(a.code, b.code))
      .slice(0, Math.max(0, k))
      .map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
  }

  /**
   * The approach named by a text: by a decorated code ("Approach 1.1.1", "(1.1.1)") when that code is an
   * approach, else by its title alone. Null when nothing scores above the floor.
   */
  matchApproach(text: string): ApproachMatch | null {
    const code = normalizeCode(text);
    if (code !== null && this.level(code) === "approach") return { code, confidence: 1, via: "code" };
    if (code !== null && code.split(".").length === 3) return null; // a wrong approach code is not a title
    const q = titleKey(text.slice(0, 2000));
    let best: { code: string; score: number } | null = null;
    let second = 0;
    for (const a of this.approaches) {
      const s = titleScore(q, this.titleKeys.get(a.code)!);
      if (!best || s > best.score) {
        second = best?.score ?? 0;
        best = { code: a.code, score: s };
      } else if (s > second) second = s;
    }
    if (!best || best.score < TITLE_MATCH_FLOOR) return null;
    const ambiguous = best.score - second < AMBIGUITY_MARGIN;
    const confidence = ambiguous ? Math.min(best.score, AMBIGUOUS_CONFIDENCE) : best.score;
    return { code: best.code, confidence: Math.round(confidence * 1000) / 1000, via: "title" };
  }
}

function commonPrefixSegments(a: string, b: string): number {
  const x = a.split(".");
  const y = b.split(".");
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** Plan order: "1.2.10" after "1.2.9". */
export function compareCodes(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
