/**
 * Ranks: 1 for the highest score. Ties are broken, in this order, by higher engagement (commitment
 * decides between equal scores, as the plan's rule puts it), then the earlier start date (blank last),
 * then the ID in plain character order, then the sheet row. Every rank is therefore distinct and
 * the same on every run.
 */
export interface RankKey {
  score: number | null;
  engagement: number | null;
  startDate: string | null;
  id: string;
  row: number;
}

export function compareForRank(a: RankKey, b: RankKey): number {
  const sa = a.score ?? -Infinity;
  const sb = b.score ?? -Infinity;
  if (sa !== sb) return sb - sa;
  return compareTies(a, b);
}

/** The tie rule alone: everything after the score. */
function compareTies(a: RankKey, b: RankKey): number {
  const ea = a.engagement ?? -Infinity;
  const eb = b.engagement ?? -Infinity;
  if (ea !== eb) return eb - ea;
  if (a.startDate !== b.startDate) {
    if (a.startDate === null) return 1;
    if (b.startDate === null) return -1;
    return a.startDate < b.startDate ? -1 : 1;
  }
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.row - b.row;
}

/**
 * Each key's place in the tie rule's order alone (engagement, start date, ID, row). The rule is a
 * total order that never looks at the score, so it is sorted once and every ranking (the base and the
 * sensitivity runs) then settles a tie by comparing two numbers.
 */
export function tieOrder(keys: readonly RankKey[]): Int32Array {
  const idx = Array.from({ length: keys.length }, (_, i) => i);
  idx.sort((x, y) => compareTies(keys[x]!, keys[y]!));
  const place = new Int32Array(keys.length);
  idx.forEach((i, p) => (place[i] = p));
  return place;
}

/**
 * Ranks for the keys with a score (null for the others), in the order of `keys`. `scores` overrides
 * the keys' scores (the sensitivity runs rerank with moved weights without copying the keys); `ties`
 * is tieOrder(keys), passed in by callers that rank the same keys many times.
 *
 * Scores are 0 to 100 in tenths (engine.ts rounds them so): then each ranking is a counting sort, one
 * pass over the keys in tie order into 1,001 buckets, instead of a comparison sort (nine rankings per
 * scoring). Any other score, or a `ties` that is not a permutation, takes the comparison sort.
 */
export function rankAll(
  keys: readonly RankKey[],
  scores: ArrayLike<number | null> = keys.map((k) => k.score),
  ties: ArrayLike<number> = tieOrder(keys),
): (number | null)[] {
  const n = keys.length;
  const ranks: (number | null)[] = new Array<number | null>(n).fill(null);
  const tenths = tenthsOf(scores, n);
  const byTie = tenths && inverse(ties, n);
  if (!tenths || !byTie) return rankBySort(n, scores, ties, ranks);
  // next[t]: the rank the next key (in tie order) with a score of t tenths gets.
  const next = new Int32Array(MAX_TENTHS + 1);
  for (let i = 0; i < n; i++) if (tenths[i]! >= 0) next[tenths[i]!]!++;
  let rank = 1;
  for (let t = MAX_TENTHS; t >= 0; t--) {
    const count = next[t]!;
    next[t] = rank;
    rank += count;
  }
  for (let p = 0; p < n; p++) {
    const i = byTie[p]!;
    const t = tenths[i]!;
    if (t >= 0) ranks[i] = next[t]!++;
  }
  return ranks;
}

const MAX_TENTHS = 1000;

/** Each score in tenths (-1 for no score), or null when a score is not a tenth from 0 to 100. */
function tenthsOf(scores: ArrayLike<number | null>, n: number): Int16Array | null {
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (s === null || s === undefined) {
      out[i] = -1;
      continue;
    }
    const t = Math.round(s * 10);
    if (!(t >= 0 && t <= MAX_TENTHS && t / 10 === s)) return null;
    out[i] = t;
  }
  return out;
}

/** The keys in tie order (key index by place), or null when `ties` is not a permutation of 0..n-1. */
function inverse(ties: ArrayLike<number>, n: number): Int32Array | null {
  if (ties.length !== n) return null;
  const byPlace = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = ties[i]!;
    if (!(Number.isInteger(p) && p >= 0 && p < n) || byPlace[p] !== -1) return null;
    byPlace[p] = i;
  }
  return byPlace;
}

function rankBySort(
  n: number,
  scores: ArrayLike<number | null>,
  ties: ArrayLike<number>,
  ranks: (number | null)[],
): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i] !== null && scores[i] !== undefined) idx.push(i);
  const score = (i: number) => scores[i] as number;
  idx.sort((x, y) => score(y) - score(x) || ties[x]! - ties[y]!);
  idx.forEach((i, position) => {
    ranks[i] = position + 1;
  });
  return ranks;
}
