/**
 * Workbook-scoped names that feed the Activities drop-downs. Lists live on the generated Lists sheet;
 * the validations point at these names, never at cells, so regenerating Lists never breaks them.
 */
export const LIST_NAMES = {
  agencies: "lstAgencies",
  levels: "lstLevels",
  stages: "lstStages",
  statuses: "lstStatuses",
  /** Approach codes only; the title is in the next column of Lists. */
  approaches: "lstApproaches",
  outcomes: "lstOutcomes",
  subOutcomes: "lstSubOutcomes",
  countries: "lstCountries",
  /** 1..5, the hint for Need, Value added and Engagement. */
  scores: "lstScores",
} as const;

export type ListName = (typeof LIST_NAMES)[keyof typeof LIST_NAMES];
