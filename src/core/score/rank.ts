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

/** Ranks for the keys with a score (null for the others), in the order of `keys`. */
export function rankAll(keys: readonly RankKey[], scores: ArrayLike<number | null> = keys.map((k) => k.score)): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < keys.length; i++) if (scores[i] !== null && scores[i] !== undefined) idx.push(i);
  const withScore = (i: number): RankKey => ({ ...keys[i]!, score: scores[i] ?? null });
  const cache = idx.map(withScore);
  const order = idx.map((_, j) => j).sort((x, y) => compareForRank(cache[x]!, cache[y]!));
  const ranks: (number | null)[] = new Array<number | null>(keys.length).fill(null);
  order.forEach((j, position) => {
    ranks[idx[j]!] = position + 1;
  });
  return ranks;
}
