/** The sheets of an action-plan workbook. One place, so no feature spells a sheet name its own way. */
export const SHEETS = {
  cover: "Cover",
  activities: "Activities",
  framework: "Framework",
  lists: "Lists",
  settings: "Settings",
  countries: "Countries",
  issues: "Issues",
  summaries: "Summaries",
  /** Excel only: PivotTable and chart built from tblFacts. */
  dashboard: "Dashboard",
  /** Hidden: which cells carry the add-in's annotations, so a re-run can remove exactly those. */
  state: "_ICCWC",
} as const;

/** Excel table names. */
export const TABLES = {
  activities: "tblActivities",
  settings: "tblSettings",
  countries: "tblCountries",
  issues: "tblIssues",
  facts: "tblFacts",
  byOutcome: "tblByOutcome",
  bySubOutcome: "tblBySubOutcome",
  byApproach: "tblByApproach",
  byAgency: "tblByAgency",
  byCountry: "tblByCountry",
  byYear: "tblByYear",
  coverage: "tblCoverage",
} as const;

/**
 * Columns the add-in writes beside the activities after scoring. They belong to the add-in: a re-run
 * rewrites them, validation ignores them, and they are never read as user input.
 */
export const SCORE_HEADERS = ["Score", "Rank", "Band", "Funding", "Sensitivity", "Score breakdown"] as const;
