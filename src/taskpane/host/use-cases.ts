/**
 * The plan engine the pane runs: the use cases of src/app and the core beneath them. The pane loads
 * this module in its own chunk (see port-plan-host.ts), so the pane's first panel renders before the
 * engine (framework data, country lists, validation, scoring) has been downloaded and parsed.
 */
export { appendImport, previewImport } from "../../app/import";
export { scorePlan } from "../../app/score";
export { setUpPlan } from "../../app/setup";
export { summarizePlan } from "../../app/summarize";
export { checkPlan } from "../../app/validate";
export { usedExtent } from "../../core/layout/activities-sheet";
export { sampleSettings } from "../../core/layout/sample";
export { selectionPort } from "./selection-port";
export { readWeights, saveWeights } from "./weights";
