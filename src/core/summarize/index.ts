/** Pivot-ready progress summaries (issue 5). See docs/summaries.md for every rule and why. */
export type { SummaryInput, SummaryActivity, FrameworkLike, FrameworkEntry, CountryInfo, ScoreInfo } from "./input";
export { buildFacts, buildSummaries, type Summaries } from "./build";
export {
  summaryChanges,
  summaryLayout,
  type SummaryChangeOptions,
  type SummaryLayout,
  type SummaryLayoutOptions,
  EXCEL_MAX_ROWS,
  PIVOT_NAME,
  CHART_NAME,
} from "./changes";
export { summariesToJson, type SummariesJson } from "./json";
export { FACT_COLUMNS, renderSummaries, renderTable, type RenderedTable } from "./tables";
export type { FactRow } from "./facts";
export type { HierarchyRollupRow, AgencyRollupRow, CountryRollupRow, YearRollupRow, Measures } from "./rollups";
export type { CoverageRow } from "./coverage";
export { NO_AGENCY, NO_COUNTRY, NOT_CLASSIFIED } from "./digest";
export { UNDATED_PERIOD, DEFAULT_PERIOD_MONTHS } from "./periods";
