/**
 * How each Activities column is presented: width, number format and drop-down list. Kept as one table
 * so that the sheet a programme officer sees and the list a reviewer reads are the same thing.
 */
import type { ActivityHeader } from "../activity/columns";
import { LIST_NAMES, type ListName } from "./list-names";

/** Excel number formats understood by Excel and LibreOffice alike. */
export const FORMATS = {
  date: "yyyy-mm-dd",
  usd: '"$"#,##0',
  percent: "0%",
  wholeNumber: "0",
  text: "@",
} as const;

export interface ColumnSpec {
  /** Width in characters. */
  width: number;
  format?: string;
  /** A drop-down list fed from a named range on the Lists sheet. */
  list?: {
    source: ListName;
    /**
     * "warning" where a valid value can lie outside the list (joint leads such as "INTERPOL; WCO",
     * 1-5 scores typed as numbers), "stop" where the list is the whole vocabulary.
     */
    errorStyle: "stop" | "warning";
    prompt: string;
  };
}

export const ACTIVITY_COLUMN_SPECS: Record<ActivityHeader, ColumnSpec> = {
  ID: { width: 11 },
  Activity: { width: 50 },
  Outcome: {
    width: 10,
    list: {
      source: LIST_NAMES.outcomes,
      errorStyle: "stop",
      prompt: "Outcome code, 1 to 5 (filled from the approach if left blank).",
    },
  },
  "Sub-outcome": {
    width: 12,
    list: {
      source: LIST_NAMES.subOutcomes,
      errorStyle: "stop",
      prompt: "Sub-outcome code such as 3.2 (the parent of the approach).",
    },
  },
  Approach: {
    width: 11,
    list: {
      source: LIST_NAMES.approaches,
      errorStyle: "stop",
      prompt: "Approach code such as 3.2.4. The Framework sheet lists every approach with its title.",
    },
  },
  "Lead agency": {
    width: 22,
    list: {
      source: LIST_NAMES.agencies,
      errorStyle: "warning",
      prompt: "Lead agency. For joint leads type both, separated by a semicolon: INTERPOL; WCO.",
    },
  },
  Level: {
    width: 14,
    list: { source: LIST_NAMES.levels, errorStyle: "stop", prompt: "National, Regional or International." },
  },
  Countries: { width: 26 },
  Stage: {
    width: 16,
    list: {
      source: LIST_NAMES.stages,
      errorStyle: "stop",
      prompt: "Stage of the plan: Identification, Planning, Implementation or Reporting.",
    },
  },
  Status: { width: 13, list: { source: LIST_NAMES.statuses, errorStyle: "stop", prompt: "Status of the activity." } },
  "Start date": { width: 12, format: FORMATS.date },
  "End date": { width: 12, format: FORMATS.date },
  "Budget (USD)": { width: 14, format: FORMATS.usd },
  "Funded (USD)": { width: 14, format: FORMATS.usd },
  Progress: { width: 10, format: FORMATS.percent },
  Need: {
    width: 8,
    format: FORMATS.wholeNumber,
    list: {
      source: LIST_NAMES.scores,
      errorStyle: "warning",
      prompt: "A whole number from 1 (low) to 5 (high). Leave blank to use the country's value.",
    },
  },
  "Value added": {
    width: 12,
    format: FORMATS.wholeNumber,
    list: {
      source: LIST_NAMES.scores,
      errorStyle: "warning",
      prompt: "A whole number from 1 (low) to 5 (high): the value ICCWC can add.",
    },
  },
  Engagement: {
    width: 12,
    format: FORMATS.wholeNumber,
    list: {
      source: LIST_NAMES.scores,
      errorStyle: "warning",
      prompt: "A whole number from 1 (low) to 5 (high). Leave blank to use the country's value.",
    },
  },
  Notes: { width: 40 },
};

/** Drop-downs and formats reach down to this row (or to the last data row, if that is lower). */
export const LAYOUT_ROWS = 10_000;
