/**
 * The funding line: which activities with a gap (budget - funded > 0) to fund with the available money
 * so that the total score funded is as high as possible. Candidates are scored activities with a
 * budget and a gap that are not Cancelled or Completed. Each activity is then marked:
 * "funded" (a budget and no gap), "recommended", "below the line", "not a candidate" (scored but no
 * budget, or cancelled/completed) or "not scored".
 */
import type { ActivityRecord } from "../activity/record";
import { solveKnapsack, BNB_ITEM_LIMIT, DP_CELL_LIMIT } from "./knapsack";
import type { FundingLine, FundingStatus } from "./types";

const NOT_CANDIDATE_STATUSES: ReadonlySet<string> = new Set(["Cancelled", "Completed"]);

export function gapOf(record: ActivityRecord): number | null {
  if (record.budgetUsd === null || !Number.isFinite(record.budgetUsd)) return null;
  return record.budgetUsd - (record.fundedUsd !== null && Number.isFinite(record.fundedUsd) ? record.fundedUsd : 0);
}

export function fundingLine(
  records: readonly ActivityRecord[],
  scores: readonly (number | null)[],
  availableFundsUsd: number,
): { statuses: FundingStatus[]; line: FundingLine } {
  const statuses: FundingStatus[] = [];
  const candidates: number[] = [];
  records.forEach((r, i) => {
    const gap = gapOf(r);
    if (scores[i] === null || scores[i] === undefined)
      statuses.push(gap !== null && gap <= 0 ? "funded" : "not scored");
    else if (gap === null) statuses.push("not a candidate");
    else if (gap <= 0) statuses.push("funded");
    else if (NOT_CANDIDATE_STATUSES.has(r.status)) statuses.push("not a candidate");
    else {
      statuses.push("below the line");
      candidates.push(i);
    }
  });
  const solved = solveKnapsack(
    candidates.map((i) => ({ cost: gapOf(records[i]!)!, value: Math.round((scores[i] ?? 0) * 10) })),
    availableFundsUsd,
  );
  let recommendedUsd = 0;
  let recommendedScore = 0;
  candidates.forEach((i, j) => {
    if (solved.chosen[j]) {
      statuses[i] = "recommended";
      recommendedUsd += gapOf(records[i]!)!;
      recommendedScore += scores[i] ?? 0;
    }
  });
  const note =
    solved.method === "greedy"
      ? `Approximate: ${candidates.length} candidates are beyond the exact methods (dynamic programming up to ${DP_CELL_LIMIT.toLocaleString("en-US")} item x money-unit cells, branch and bound up to ${BNB_ITEM_LIMIT.toLocaleString("en-US")} items); greedy by score per dollar, or the best single activity if better, guarantees at least half the best possible total. The best possible total is at most ${(solved.upperBound / 10).toFixed(1)}.`
      : solved.method === "none"
        ? "No candidate fits within the available funds."
        : `Exact (${solved.method === "dp" ? "dynamic programming over money" : "branch and bound"}): no other choice within the funds gives a higher total score.`;
  return {
    statuses,
    line: {
      availableFundsUsd,
      recommendedUsd,
      recommendedScore: Math.round(recommendedScore * 10) / 10,
      candidates: candidates.length,
      method: solved.method,
      exact: solved.exact,
      upperBoundScore: Math.round(solved.upperBound) / 10,
      note,
    },
  };
}
