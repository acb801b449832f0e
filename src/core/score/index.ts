/** Prioritisation scores: public API of the scoring core (formula and rules in docs/scoring.md). */
export { scoreActivities, type ScoreOptions } from "./score-activities";
export { scoreColumnsChanges, scoreColumnStart } from "./columns";
export { scoreResultToJson, type ScoreJson } from "./json";
export { CRITERIA, type Criterion, type CriterionKind, type Evaluation } from "./criteria";
export { scoreInputs, scaleFor, bandFor } from "./engine";
export { resolveInputs, indexCountries } from "./inputs";
export { solveKnapsack, type KnapsackItem, type KnapsackResult } from "./knapsack";
export { compareForRank, rankAll } from "./rank";
export type * from "./types";
