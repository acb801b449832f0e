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
 * Ranks for the keys with a score (null for the others), in the order of `keys`. `scores` overrides
 * the keys' scores (the sensitivity runs rerank with moved weights without copying the keys).
 */
export function rankAll(
  keys: readonly RankKey[],
  scores: ArrayLike<number | null> = keys.map((k) => k.score),
): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < keys.length; i++) if (scores[i] !== null && scores[i] !== undefined) idx.push(i);
  const score = (i: number) => scores[i] as number;
  idx.sort((x, y) => {
    const d = score(y) - score(x);
    if (d !== 0) return d;
    // The tie rule straight on the keys: a copy of both keys per comparison (to blank their scores)
    // was most of the time of scoring 100,000 rows nine times, and millions of objects for the GC.
    return compareTies(keys[x]!, keys[y]!);
  });
  const ranks: (number | null)[] = new Array<number | null>(keys.length).fill(null);
  idx.forEach((i, position) => {
    ranks[i] = position + 1;
  });
  return ranks;
}
