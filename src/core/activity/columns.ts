/**
 * The Activities sheet: these headers, in this order (foundation issue, deliverable 4). The record
 * keys are the canonical JSON keys.
 */
export const ACTIVITY_COLUMNS = [
  { key: "id", header: "ID" },
  { key: "title", header: "Activity" },
  { key: "outcome", header: "Outcome" },
  { key: "subOutcome", header: "Sub-outcome" },
  { key: "approach", header: "Approach" },
  { key: "leadAgencies", header: "Lead agency" },
  { key: "level", header: "Level" },
  { key: "countries", header: "Countries" },
  { key: "stage", header: "Stage" },
  { key: "status", header: "Status" },
  { key: "startDate", header: "Start date" },
  { key: "endDate", header: "End date" },
  { key: "budgetUsd", header: "Budget (USD)" },
  { key: "fundedUsd", header: "Funded (USD)" },
  { key: "progress", header: "Progress" },
  { key: "need", header: "Need" },
  { key: "valueAdded", header: "Value added" },
  { key: "engagement", header: "Engagement" },
  { key: "notes", header: "Notes" },
] as const;

export type ActivityKey = (typeof ACTIVITY_COLUMNS)[number]["key"];
export type ActivityHeader = (typeof ACTIVITY_COLUMNS)[number]["header"];

export const ACTIVITY_HEADERS: readonly ActivityHeader[] = ACTIVITY_COLUMNS.map((c) => c.header);
