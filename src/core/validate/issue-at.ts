/**
 * Builders for report issues, so that every rule fills sheet, row, column, cell, value and activity ID
 * the same way and no rule has to know how a ParsedRow stores its cells.
 */
import type { ActivityKey } from "../activity/columns";
import { NOTE_CODES } from "../activity/parse";
import type { ParsedCell, ParsedRow } from "../activity/parsed";
import { addressAt, blockedAt, colAt, rawAt } from "../activity/sheet-row";
import { cellAddress } from "../grid";
import { showValue, type Issue, type Severity } from "../issues";
import type { RuleContext } from "./types";

export interface IssueText {
  code: string;
  severity: Severity;
  message: string;
  suggestion?: string;
}

/**
 * True when the rules must stay silent on a cell: its column is missing (reported once by the structure
 * rules) or the parser could not read it (reported under the parser's code). A parser note
 * (NOTE_CODES: a near match, a code read from a title, 45 read as 45%) leaves a value in the record,
 * which the rules still judge. blockedAt is the same test on a row's cell by key, without building the
 * row's ParsedCell objects.
 */
export { blockedAt };

export function blocked(cell: ParsedCell | undefined): boolean {
  return !cell || cell.col === null || (cell.problem !== null && !NOTE_CODES.has(cell.problem.code));
}

/** The activity ID of a row as an officer would recognise it ("" when the ID cell is empty). */
export function activityIdOf(row: ParsedRow): string {
  const id = row.record.id;
  if (typeof id === "string" && id.trim() !== "") return id.trim();
  return showValue(rawAt(row, "id")).trim();
}

/**
 * An issue on one cell of a row. Returns null when the column is missing from the sheet: the missing
 * column is reported once by the structure rules, not once per row.
 */
export function cellIssue(row: ParsedRow, key: ActivityKey, ctx: RuleContext, text: IssueText): Issue | null {
  const col = colAt(row, key);
  if (col === null) return null;
  const issue: Issue = {
    code: text.code,
    severity: text.severity,
    sheet: ctx.sheet,
    row: row.row,
    column: ctx.headerOf(key),
    cell: addressAt(row, key) ?? cellAddress(row.row, col),
    value: showValue(rawAt(row, key)),
    message: text.message,
  };
  if (text.suggestion !== undefined && text.suggestion !== "") issue.suggestion = text.suggestion;
  const id = activityIdOf(row);
  if (id !== "") issue.activityId = id;
  return issue;
}

/**
 * The answer of a rule with nothing to say. Shared and frozen: most rules say nothing on most rows, and
 * 100,000 rows times 30 rules of fresh empty arrays is measurable garbage-collector time.
 */
export const NONE: readonly Issue[] = Object.freeze([]);

/** Same as cellIssue, as a list (empty when the column is missing), which is what rules return. */
export function cellIssues(row: ParsedRow, key: ActivityKey, ctx: RuleContext, text: IssueText): readonly Issue[] {
  const i = cellIssue(row, key, ctx, text);
  return i ? [i] : NONE;
}

/** A sheet-level issue (no row), or one on a header cell when `col` and `row` are given. */
export function sheetIssue(
  ctx: RuleContext,
  text: IssueText & { row?: number | null; col?: number | null; column?: string | null; value?: string },
): Issue {
  const row = text.row ?? null;
  const col = text.col ?? null;
  const issue: Issue = {
    code: text.code,
    severity: text.severity,
    sheet: ctx.sheet,
    row,
    column: text.column ?? null,
    cell: row !== null && col !== null ? cellAddress(row, col) : null,
    value: text.value ?? "",
    message: text.message,
  };
  if (text.suggestion !== undefined && text.suggestion !== "") issue.suggestion = text.suggestion;
  return issue;
}

/** "1.1.1 (Support improved governance...)": a code with a shortened title, for messages. */
export function codeWithTitle(code: string, title: string | undefined, max = 70): string {
  if (!title) return code;
  const t = title.length > max ? `${title.slice(0, max).trimEnd()}...` : title;
  return `${code} (${t})`;
}

/** Join with commas and a final "or": ["a", "b", "c"] -> "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
