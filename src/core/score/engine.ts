/**
 * The score of one activity from its resolved inputs, on fixed anchors (docs/scoring.md):
 *
 *   points     = sum over points criteria of  (w / W) x (value / 5) x (100 - B)
 *   score      = points x (product of multipliers) + bonus,   rounded to 0.1
 *
 * W is the sum of the points weights and B the sum of the bonus weights, so a perfect activity in a
 * priority country scores exactly 100 and nothing depends on the other activities in the list.
 * Every term is non-decreasing in need, value added and engagement, so raising one never lowers a score.
 */
import type { Settings } from "../settings/types";
import { CRITERIA, type Criterion } from "./criteria";
import type { Band, Contribution, ScoreInputs } from "./types";

export type Scored = { score: number; contributions: Contribution[] } | { score: null; reason: string };

const round1 = (x: number) => Math.round(x * 10) / 10;
const show = (x: number) => x.toFixed(1);

/** Weights and scales derived from the settings once, not per activity. */
export interface ScoreScale {
  pointsWeightSum: number;
  bonusPoints: number;
  pointsScale: number;
}

export function scaleFor(settings: Settings, criteria: readonly Criterion[] = CRITERIA): ScoreScale {
  let pointsWeightSum = 0;
  let bonusPoints = 0;
  for (const c of criteria) {
    const w = c.weightKey ? settings.weights[c.weightKey] : 0;
    if (c.kind === "points") pointsWeightSum += w;
    if (c.kind === "bonus") bonusPoints += w;
  }
  bonusPoints = Math.min(bonusPoints, 100);
  return { pointsWeightSum, bonusPoints, pointsScale: 100 - bonusPoints };
}

/**
 * With `explain` false only the number is computed (the sensitivity analysis rescores every activity
 * eight times and needs no text).
 */
export function scoreInputs(
  inputs: ScoreInputs,
  settings: Settings,
  scale: ScoreScale,
  explain = true,
  criteria: readonly Criterion[] = CRITERIA,
): Scored {
  const missing: string[] = [];
  const contributions: Contribution[] = [];
  let points = 0;
  let factor = 1;
  let bonus = 0;
  const multipliers: { name: string; factor: number; label: () => string }[] = [];
  for (const c of criteria) {
    const e = c.evaluate(inputs, settings);
    if ("missing" in e) {
      if (!missing.includes(e.missing)) missing.push(e.missing);
      continue;
    }
    const w = c.weightKey ? settings.weights[c.weightKey] : 0;
    if (c.kind === "points") {
      // All points weights 0 cannot come out of parseSettings; shares are then equal rather than NaN.
      const share = scale.pointsWeightSum > 0 ? w / scale.pointsWeightSum : 0;
      const p = share * e.fraction * scale.pointsScale;
      points += p;
      if (explain)
        contributions.push({
          criterion: c.name,
          kind: "points",
          points: p,
          text: `${e.label()} x weight ${share.toFixed(2)} x ${show(scale.pointsScale)} = ${show(p)}`,
        });
    } else if (c.kind === "multiplier") {
      factor *= e.fraction;
      if (explain) multipliers.push({ name: c.name, factor: e.fraction, label: e.label });
    } else {
      const p = w * e.fraction;
      bonus += p;
      if (explain)
        contributions.push({ criterion: c.name, kind: "bonus", points: p, text: `${e.label()} +${show(p)}` });
    }
  }
  if (missing.length > 0)
    return {
      score: null,
      reason: `Not scored: ${missing.join("; ")}. Fill the row's Need, Value added and Engagement (1-5), or the country's values in the Countries sheet.`,
    };
  const score = Math.min(100, Math.max(0, round1(points * factor + bonus)));
  if (explain) {
    let running = points;
    for (const m of multipliers) {
      contributions.push({
        criterion: m.name,
        kind: "multiplier",
        points: m.factor,
        text: `${m.label()} multiplies ${show(running)} by ${m.factor.toFixed(2)} = ${show(running * m.factor)}`,
      });
      running *= m.factor;
    }
    // Multipliers read after the points they multiply, and the bonus last, as the formula goes.
    contributions.sort((a, b) => order(a.kind) - order(b.kind));
  }
  return { score, contributions };
}

function order(kind: Contribution["kind"]): number {
  return kind === "points" ? 0 : kind === "multiplier" ? 1 : 2;
}

export function bandFor(score: number, settings: Settings): Band {
  if (score >= settings.bands.high) return "High";
  if (score >= settings.bands.medium) return "Medium";
  return "Low";
}

export function breakdownText(contributions: readonly Contribution[], score: number): string {
  return `${contributions.map((c) => c.text).join("; ")} => ${show(score)}`;
}
