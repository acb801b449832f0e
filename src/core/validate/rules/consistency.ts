/**
 * Consistency: values that are each valid but contradict one another. These are warnings: the row can
 * be summarised, but a person should look. A contradiction lives in two cells and the report cannot
 * tell which one is wrong, so both carry the issue.
 */
import type { ParsedRow } from "../../activity/parsed";
import type { Issue } from "../../issues";
import { blockedAt, cellIssues, NONE } from "../issue-at";
import type { RowRule } from "../types";

function clean(row: ParsedRow, key: "status" | "progress" | "endDate"): boolean {
  return !blockedAt(row, key);
}

function percent(p: number): string {
  return `${Math.round(p * 1000) / 10}%`;
}

export const completedNotFull: RowRule = {
  code: "completed-progress",
  severity: "warning",
  family: "consistency",
  scope: "row",
  columns: ["status", "progress"],
  meaning: "The status is Completed but progress is under 100%.",
  fix: "Set progress to 100%, or change the status (In progress, Delayed).",
  check(row, ctx) {
    const p = row.record.progress;
    if (
      row.record.status !== "Completed" ||
      p === null ||
      !(p >= 0 && p < 1) ||
      !clean(row, "status") ||
      !clean(row, "progress")
    )
      return NONE;
    const message = `Status is Completed but progress is ${percent(p)}. Set progress to 100%, or change the status.`;
    return [
      ...cellIssues(row, "progress", ctx, { code: this.code, severity: this.severity, message, suggestion: "100%" }),
      ...cellIssues(row, "status", ctx, {
        code: this.code,
        severity: this.severity,
        message,
        suggestion: "In progress",
      }),
    ];
  },
};

export const notStartedWithProgress: RowRule = {
  code: "not-started-progress",
  severity: "warning",
  family: "consistency",
  scope: "row",
  columns: ["status", "progress"],
  meaning: "The status is Not started but progress is above 0%.",
  fix: "Change the status to In progress, or set progress to 0%.",
  check(row, ctx) {
    const p = row.record.progress;
    if (
      row.record.status !== "Not started" ||
      p === null ||
      !(p > 0 && p <= 1) ||
      !clean(row, "status") ||
      !clean(row, "progress")
    )
      return NONE;
    const message = `Status is Not started but progress is ${percent(p)}. Change the status to In progress, or set progress to 0%.`;
    return [
      ...cellIssues(row, "progress", ctx, { code: this.code, severity: this.severity, message, suggestion: "0%" }),
      ...cellIssues(row, "status", ctx, {
        code: this.code,
        severity: this.severity,
        message,
        suggestion: "In progress",
      }),
    ];
  },
};

const CLOSED = new Set(["Completed", "Cancelled"]);

export const pastEndDate: RowRule = {
  code: "past-end-date",
  severity: "warning",
  family: "consistency",
  scope: "row",
  columns: ["endDate", "status"],
  meaning: "The end date has passed (against the as-of date) but the activity is neither Completed nor Cancelled.",
  fix: "Update the status (Completed, Cancelled or Delayed) or move the end date.",
  check(row, ctx) {
    const end = row.record.endDate;
    if (!end || end >= ctx.asOf || CLOSED.has(row.record.status) || !clean(row, "endDate")) return NONE;
    // A status the lists do not know is reported by status-unknown; judging it here would guess.
    const status = row.record.status;
    const statusKnown = status !== "" && !blockedAt(row, "status");
    const message = `End date ${end} has passed (as of ${ctx.asOf}) but the status is ${status ? `"${status}"` : "empty"}. Update the status (Completed, Cancelled or Delayed) or move the end date.`;
    const out: Issue[] = [...cellIssues(row, "endDate", ctx, { code: this.code, severity: this.severity, message })];
    if (statusKnown && status !== "Delayed")
      out.push(
        ...cellIssues(row, "status", ctx, {
          code: this.code,
          severity: this.severity,
          message,
          suggestion: "Completed",
        }),
      );
    return out;
  },
};

export const CONSISTENCY_RULES: readonly RowRule[] = [completedNotFull, notStartedWithProgress, pastEndDate];
