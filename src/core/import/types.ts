/**
 * The shapes the import hands back: what each source column became, every value it changed, every row
 * it skipped and why, and the canonical records ready to append. Plain data, serialisable to JSON.
 */
import type { ActivityKey } from "../activity/columns";
import type { ActivityRecord } from "../activity/record";
import type { Issue } from "../issues";

/**
 * What a source column is used for: a canonical field, "unmapped" (no field: each value is kept in the
 * record's Notes as "Header: value", so nothing is lost), or "ignore" (the user asked to drop it).
 */
export type MappingChoice = ImportField | "unmapped" | "ignore";

/**
 * What a column can feed: a canonical field, or "period", a column holding both dates in one cell
 * ("Jul 2023 - Dec 2024", "T1-T3 2025"), which fills Start and End date when no column of their own does.
 */
export type ImportField = ActivityKey | "period";

/** How a column got its field; "content": its header named nothing, but its values are codes, countries or agencies. */
export type MappingVia = "alias" | "alias-trimmed" | "words" | "fuzzy" | "content" | "memory" | "override" | "none";

export interface ColumnMapping {
  /** Sheet column number (1-based) and letter. */
  col: number;
  letter: string;
  /** Header text as written in the source. */
  header: string;
  choice: MappingChoice;
  /** 1 for an exact alias, override or remembered mapping; lower for trimmed, word or fuzzy matches; 0 when unmapped. */
  confidence: number;
  via: MappingVia;
  /** The field the header looked like when it was not used (another column took the field first). */
  alsoLooksLike?: ImportField;
  /** A non-USD currency named in the header ("Coût (FCFA)"): the column's amounts are reported, not imported. */
  currency?: string;
  /** Why the column ended up as it did, in a sentence. */
  note?: string;
}

/** One value that reached the record in a different form than the source cell showed. */
export interface ValueChange {
  row: number;
  cell: string;
  field: ImportField;
  header: string;
  before: string;
  after: string;
  /** How the value was read when that took an assumption ("quarter 3 of 2025: its last day"). */
  reading?: string;
}

export type SkipReason =
  "blank" | "subtotal" | "totals" | "after-totals" | "no-activity" | "already-imported" | "duplicate";

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  /** In a sentence, for the preview. */
  message: string;
  /** The row's non-empty cells as "B7: text", so the original is never lost. */
  cells: string[];
}

export interface ImportedRow {
  /** Source sheet row. */
  row: number;
  record: ActivityRecord;
  /** True when the ID was made by the import (the source had none, or its ID was taken). */
  idGenerated: boolean;
}

export interface ImportResult {
  sheet: string;
  /** Source sheet row of the header row, or null when none was found (then nothing is imported). */
  headerRow: number | null;
  /** First and last source rows read as data (null when there are none). */
  dataRows: { first: number; last: number } | null;
  /** Fingerprint of the normalised header row: the key of the mapping memory. */
  fingerprint: string;
  /** True when the mapping came from the mapping memory. */
  fromMemory: boolean;
  columns: ColumnMapping[];
  rows: ImportedRow[];
  changes: ValueChange[];
  skipped: SkippedRow[];
  issues: Issue[];
}

export type DateOrder = "dmy" | "mdy";
