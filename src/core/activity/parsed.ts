/**
 * What parsing an Activities grid yields. Parsing converts and normalises (text to codes, dates to ISO,
 * agency aliases to canonical names) and records, per cell, what it could not convert. It passes no
 * judgement beyond that: the rule registry in core/validate decides severities and messages for the
 * report, reading these problems and the records.
 */
import type { CellValue } from "../grid";
import type { Issue } from "../issues";
import type { ActivityHeader, ActivityKey } from "./columns";
import type { ActivityRecord } from "./record";

/** A value that could not be converted, with the nearest valid values where there are some. */
export interface FieldProblem {
  /** Stable code, e.g. "error-value", "date-unreadable", "number-unreadable", "agency-unknown". */
  code: string;
  /** What is wrong, without the location (the report adds sheet and cell). */
  message: string;
  suggestions: string[];
}

export interface ParsedCell {
  /** The value exactly as the host handed it over. */
  raw: CellValue;
  /** Sheet column number, or null when the column is missing from the sheet. */
  col: number | null;
  /** A1 address, or null when the column is missing. */
  address: string | null;
  problem: FieldProblem | null;
}

export interface ParsedRow {
  /** Sheet row number (1-based). */
  row: number;
  cells: Record<ActivityKey, ParsedCell>;
  /** Best effort: a field that failed to convert is null, "" or [] here, and has a problem in `cells`. */
  record: ActivityRecord;
}

export interface ParsedActivities {
  sheet: string;
  /** Sheet row number of the header row, or null when no header row was found. */
  headerRow: number | null;
  /** Sheet column of each canonical column found. */
  columnOf: Partial<Record<ActivityKey, number>>;
  missingColumns: ActivityHeader[];
  /** Headers that are not canonical (kept, reported as info), add-in score columns excluded. */
  extraColumns: { header: string; col: number }[];
  duplicateHeaders: { header: string; cols: number[] }[];
  /** Data rows, blank rows excluded. */
  rows: ParsedRow[];
  /** Sheet rows inside the data that were entirely blank (skipped, not errors). */
  blankRows: number[];
  /**
   * Every field problem as an Issue, for callers that need no rule registry. Severities follow
   * NOTE_SEVERITY in parse.ts (the validation report uses the same table): most are errors, a near match
   * is a warning, and notes such as "code-from-title" or "progress-read-as-percent" are info.
   */
  problems: Issue[];
}
