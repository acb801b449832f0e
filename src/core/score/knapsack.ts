/**
 * The funding line as a 0/1 knapsack: choose items (activities with a funding gap) to maximise the
 * total value (score, in tenths so that sums are exact integers) with total cost (gap) within the funds.
 *
 * Money is counted in whole cents: a cost is rounded up and the funds down, so a choice never exceeds
 * the funds. Then, in order:
 * 1. dynamic programming over money in units of the greatest common divisor of the costs: exact,
 *    used while items x units <= DP_CELL_LIMIT (memory: one bit per cell for the choice);
 * 2. branch and bound (depth first, fractional bound): exact, used for up to BNB_ITEM_LIMIT items
 *    while it needs fewer than BNB_NODE_LIMIT nodes;
 * 3. otherwise greedy by value per dollar, compared with the best single item: the better of the two
 *    is at least half the optimum (the classic bound), and the fractional bound is reported so a
 *    reader can see how close it is.
 */

export interface KnapsackItem {
  /** USD, > 0 */
  cost: number;
  /** Non-negative integer (score in tenths). */
  value: number;
}

export interface KnapsackResult {
  chosen: boolean[];
  totalValue: number;
  totalCost: number;
  method: "none" | "dp" | "branch-and-bound" | "greedy";
  exact: boolean;
  /** Fractional (LP) bound on the optimum value. */
  upperBound: number;
}

export const DP_CELL_LIMIT = 50_000_000;
export const BNB_ITEM_LIMIT = 2_000;
export const BNB_NODE_LIMIT = 200_000;

const toCentsUp = (usd: number) => {
  const c = usd * 100;
  const r = Math.round(c);
  return Math.abs(c - r) < 1e-6 ? r : Math.ceil(c);
};
const toCentsDown = (usd: number) => {
  const c = usd * 100;
  const r = Math.round(c);
  return Math.abs(c - r) < 1e-6 ? r : Math.floor(c);
};

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function solveKnapsack(items: readonly KnapsackItem[], funds: number): KnapsackResult {
  const n = items.length;
  const chosen = new Array<boolean>(n).fill(false);
  const capacity = Math.max(0, toCentsDown(Number.isFinite(funds) ? funds : 0));
  // Only items that fit on their own and are worth something can be part of a best choice.
  const ids: number[] = [];
  const cost: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const c = toCentsUp(it.cost);
    if (c > 0 && c <= capacity && it.value > 0) {
      ids.push(i);
      cost.push(c);
      value.push(it.value);
    }
  }
  const m = ids.length;
  const upperBound = fractionalBound(cost, value, capacity);
  const finish = (pick: boolean[], method: KnapsackResult["method"], exact: boolean): KnapsackResult => {
    let totalValue = 0;
    let totalCost = 0;
    pick.forEach((p, j) => {
      if (p) {
        chosen[ids[j]!] = true;
        totalValue += value[j]!;
        totalCost += items[ids[j]!]!.cost;
      }
    });
    return { chosen, totalValue, totalCost, method, exact, upperBound };
  };
  if (m === 0) return finish([], "none", true);
  let sum = 0;
  for (const c of cost) sum += c;
  if (sum <= capacity) return finish(new Array<boolean>(m).fill(true), "dp", true);

  let g = 0;
  for (const c of cost) g = gcd(g, c);
  const units = Math.floor(capacity / g);
  if (m * (units + 1) <= DP_CELL_LIMIT)
    return finish(
      dp(
        cost.map((c) => c / g),
        value,
        units,
      ),
      "dp",
      true,
    );
  if (m <= BNB_ITEM_LIMIT) {
    const b = branchAndBound(cost, value, capacity);
    if (b) return finish(b, "branch-and-bound", true);
  }
  return finish(greedy(cost, value, capacity), "greedy", false);
}

function dp(weight: number[], value: number[], units: number): boolean[] {
  const m = weight.length;
  const width = units + 1;
  const best = new Float64Array(width);
  const take = new Uint32Array(Math.ceil((m * width) / 32));
  for (let j = 0; j < m; j++) {
    const w = weight[j]!;
    const v = value[j]!;
    const base = j * width;
    for (let c = units; c >= w; c--) {
      const cand = best[c - w]! + v;
      if (cand > best[c]!) {
        best[c] = cand;
        const bit = base + c;
        take[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
  }
  const pick = new Array<boolean>(m).fill(false);
  let c = units;
  for (let j = m - 1; j >= 0; j--) {
    const bit = j * width + c;
    if ((take[bit >>> 5]! >>> (bit & 31)) & 1) {
      pick[j] = true;
      c -= weight[j]!;
    }
  }
  return pick;
}

/** Indices by value per cent, best first (ties: higher value, then lower index, for a stable result). */
function byRatio(cost: number[], value: number[]): number[] {
  return cost
    .map((_, j) => j)
    .sort((a, b) => value[b]! * cost[a]! - value[a]! * cost[b]! || value[b]! - value[a]! || a - b);
}

function fractionalBound(cost: number[], value: number[], capacity: number): number {
  let room = capacity;
  let total = 0;
  for (const j of byRatio(cost, value)) {
    if (cost[j]! <= room) {
      room -= cost[j]!;
      total += value[j]!;
    } else {
      total += (value[j]! * room) / cost[j]!;
      break;
    }
  }
  return total;
}

function branchAndBound(cost: number[], value: number[], capacity: number): boolean[] | null {
  const order = byRatio(cost, value);
  const c = order.map((j) => cost[j]!);
  const v = order.map((j) => value[j]!);
  const m = c.length;
  const current = new Array<boolean>(m).fill(false);
  let bestValue = -1;
  let best: boolean[] = current.slice();
  let nodes = 0;
  // Seed with the greedy answer so pruning bites from the start.
  const g = greedy(c, v, capacity);
  bestValue = g.reduce((s, p, j) => (p ? s + v[j]! : s), 0);
  best = g;
  const bound = (k: number, room: number, acc: number) => {
    for (let j = k; j < m; j++) {
      if (c[j]! <= room) {
        room -= c[j]!;
        acc += v[j]!;
      } else return acc + (v[j]! * room) / c[j]!;
    }
    return acc;
  };
  let aborted = false;
  const visit = (k: number, room: number, acc: number): void => {
    if (aborted) return;
    if (++nodes > BNB_NODE_LIMIT) {
      aborted = true;
      return;
    }
    if (k === m) {
      if (acc > bestValue) {
        bestValue = acc;
        best = current.slice();
      }
      return;
    }
    // Values are integers, so a branch whose bound cannot beat the best by a whole unit is dropped.
    if (Math.floor(bound(k, room, acc) + 1e-9) <= bestValue) return;
    if (c[k]! <= room) {
      current[k] = true;
      visit(k + 1, room - c[k]!, acc + v[k]!);
      current[k] = false;
    }
    visit(k + 1, room, acc);
  };
  visit(0, capacity, 0);
  if (aborted) return null;
  const pick = new Array<boolean>(m).fill(false);
  best.forEach((p, j) => {
    if (p) pick[order[j]!] = true;
  });
  return pick;
}

/** Greedy by ratio (skipping what does not fit), or the single most valuable item if that is better. */
function greedy(cost: number[], value: number[], capacity: number): boolean[] {
  const m = cost.length;
  const pick = new Array<boolean>(m).fill(false);
  let room = capacity;
  let total = 0;
  for (const j of byRatio(cost, value)) {
    if (cost[j]! <= room) {
      pick[j] = true;
      room -= cost[j]!;
      total += value[j]!;
    }
  }
  let single = -1;
  for (let j = 0; j < m; j++) if (cost[j]! <= capacity && (single < 0 || value[j]! > value[single]!)) single = j;
  if (single >= 0 && value[single]! > total) {
    const only = new Array<boolean>(m).fill(false);
    only[single] = true;
    return only;
  }
  return pick;
}
