/**
 * Exact splitting of a whole into parts by weight, in integer units (cents for money, millionths for the
 * activity share), by the largest-remainder method: each part gets the floor of its exact quota, and
 * the units left over go one each to the parts with the largest remainders, ties to the earlier part.
 * The parts therefore add up to the whole exactly, and the same input always gives the same split.
 */

/** Split `total` (a non-negative integer) over `weights` (non-negative, at least one positive). */
export function allocateUnits(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  for (const w of weights) sum += w;
  if (!(sum > 0)) {
    // No weight at all: fall back to an even split rather than divide by zero.
    return allocateUnits(
      total,
      weights.map(() => 1),
    );
  }
  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    // Integer arithmetic where it matters: total * w is exact for totals below 2^53 / max weight.
    const exact = (total * weights[i]!) / sum;
    const floor = Math.floor(exact);
    parts[i] = floor;
    remainders[i] = exact - floor;
    given += floor;
  }
  let left = total - given;
  if (left < 0) {
    // Floating point can push a floor one unit too high on huge totals: take units back, smallest remainders first.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[a]! - remainders[b]! || b - a);
    for (let k = 0; left < 0; k = (k + 1) % n) {
      const i = order[k]!;
      if (parts[i]! > 0) {
        parts[i]! -= 1;
        left++;
      }
    }
  }
  if (left > 0 && n <= 16) {
    // Few parts (the usual activity): pick the largest remainder each time, without sorting.
    for (; left > 0; left--) {
      let best = 0;
      for (let i = 1; i < n; i++) if (remainders[i]! > remainders[best]!) best = i;
      parts[best]! += 1;
      remainders[best] = -1;
    }
  } else if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!]! += 1;
  }
  return parts;
}

/** USD to whole cents, rounding half away from zero (money in a sheet is at most cents-precise). */
export function toCents(usd: number): number {
  return Math.sign(usd) * Math.round(Math.abs(usd) * 100);
}
