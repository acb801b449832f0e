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
 */
export function rankAll(
  keys: readonly RankKey[],
  scores: ArrayLike<number | null> = keys.map((k) => k.score),
  ties: ArrayLike<number> = tieOrder(keys),
): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < keys.length; i++) if (scores[i] !== null && scores[i] !== undefined) idx.push(i);
  const score = (i: number) => scores[i] as number;
  idx.sort((x, y) => score(y) - score(x) || ties[x]! - ties[y]!);
  const ranks: (number | null)[] = new Array<number | null>(keys.length).fill(null);
  idx.forEach((i, position) => {
    ranks[i] = position + 1;
  });
  return ranks;
}
