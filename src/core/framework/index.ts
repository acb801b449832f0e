/**
 * The ICCWC plan as data. The 2023-2026 plan is src/core/framework/data/iccwc-sap-2023-2026.json; a later
 * plan is another JSON file passed to loadFramework, with no new code.
 */
import plan20232026 from "./data/iccwc-sap-2023-2026.json";
import { loadFramework } from "./load";

export { FrameworkIndex, compareCodes, type Suggestion, type ApproachMatch } from "./framework-index";
export { FrameworkDataError, loadFramework } from "./load";
export { normalizeCode } from "./normalize-code";
export { frameworkSchema } from "./schema";
export type { Framework, FrameworkNode, FrameworkLevel, Outcome, SubOutcome, Approach } from "./schema";

/** The ICCWC Strategic Action Plan 2023-2026, loaded and checked once at import. */
export const PLAN_2023_2026 = loadFramework(plan20232026);
