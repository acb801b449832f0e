/**
 * Sensitivity: each weight is moved by +20% and by -20% in turn (eight runs for four weights), every
 * activity is rescored and reranked, and an activity is "sensitive" when, in any run, its band changes
 * or its rank moves by more than Settings' rank sensitivity (places); otherwise "stable". The first
 * change found is named, so an officer can see which weight the result hangs on.
 */
import type { Settings, WeightKey } from "../settings/types";
import { CRITERIA, type Criterion } from "./criteria";
import { bandFor, scaleFor, scoreInputs } from "./engine";
import { rankAll, tieOrder, type RankKey } from "./rank";
import type { Band, Sensitivity, SensitivityRun, ScoreInputs } from "./types";

const WEIGHT_LABEL: Record<WeightKey, string> = {
  need: "Need weight",
  valueAdded: "Value added weight",
  engagement: "Engagement weight",
  priorityBonus: "Priority country bonus",
};

export interface SensitivityOutcome {
  flags: (Sensitivity | null)[];
  notes: (string | null)[];
  runs: SensitivityRun[];
}

export function sensitivity(
  inputs: readonly (ScoreInputs | null)[],
  keys: readonly RankKey[],
  baseRanks: readonly (number | null)[],
  baseBands: readonly (Band | null)[],
  settings: Settings,
  criteria: readonly Criterion[] = CRITERIA,
  ties: ArrayLike<number> = tieOrder(keys),
): SensitivityOutcome {
  const n = inputs.length;
  const flags: (Sensitivity | null)[] = baseRanks.map((r) => (r === null ? null : "stable"));
  const notes: (string | null)[] = new Array<string | null>(n).fill(null);
  const runs: SensitivityRun[] = [];
  const weightKeys = [...new Set(criteria.map((c) => c.weightKey).filter((k): k is WeightKey => k !== null))];
  // A score is a pure function of the inputs and the settings: rows that share one ScoreInputs object
  // (scoreActivities gives one to every row with the same need, value added, engagement and countries)
  // are rescored once per run. -1: not rescored (no inputs, or no base rank).
  const classOf = new Int32Array(n).fill(-1);
  const classes: ScoreInputs[] = [];
  const classIds = new Map<ScoreInputs, number>();
  for (let i = 0; i < n; i++) {
    const inp = inputs[i];
    if (!inp || baseRanks[i] === null) continue;
    let id = classIds.get(inp);
    if (id === undefined) {
      id = classes.length;
      classes.push(inp);
      classIds.set(inp, id);
    }
    classOf[i] = id;
  }
  const classScores = new Array<number | null>(classes.length);
  for (const key of weightKeys) {
    for (const [change, factor] of [
      ["+20%", 1.2],
      ["-20%", 0.8],
    ] as const) {
      const moved: Settings = { ...settings, weights: { ...settings.weights, [key]: settings.weights[key] * factor } };
      const scale = scaleFor(moved, criteria);
      for (let c = 0; c < classes.length; c++)
        classScores[c] = scoreInputs(classes[c]!, moved, scale, false, criteria).score;
      const scores = new Array<number | null>(n);
      for (let i = 0; i < n; i++) {
        const c = classOf[i]!;
        scores[i] = c < 0 ? null : classScores[c]!;
      }
      const ranks = rankAll(keys, scores, ties);
      let count = 0;
      for (let i = 0; i < n; i++) {
        const s = scores[i];
        const r = ranks[i];
        const r0 = baseRanks[i];
        if (s === null || s === undefined || r === null || r === undefined || r0 === null || r0 === undefined) continue;
        const band = bandFor(s, moved);
        const bandChanged = band !== baseBands[i];
        const rankMoved = Math.abs(r - r0) > settings.rankSensitivityPlaces;
        if (!bandChanged && !rankMoved) continue;
        count++;
        if (flags[i] !== "sensitive") {
          flags[i] = "sensitive";
          notes[i] = bandChanged
            ? `${WEIGHT_LABEL[key]} ${change}: band ${baseBands[i]} -> ${band}`
            : `${WEIGHT_LABEL[key]} ${change}: rank ${r0} -> ${r}`;
        }
      }
      runs.push({ weight: key, change, moved: count });
    }
  }
  return { flags, notes, runs };
}
