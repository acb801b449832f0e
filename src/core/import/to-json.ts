/**
 * The JSON that `iccwc-plan import --json` prints: { mapping, activities, skipped, issues }. Plain
 * data in a fixed key order, so two runs on the same file print the same text.
 */
import type { ActivityRecord } from "../activity/record";
import type { Issue } from "../issues";
import type { ColumnMapping, SkippedRow, ValueChange } from "./types";
import type { ImportResult } from "./types";

export interface ImportJson {
  mapping: {
    sheet: string;
    headerRow: number | null;
    dataRows: { first: number; last: number } | null;
    fingerprint: string;
    fromMemory: boolean;
    columns: ColumnMapping[];
    changes: ValueChange[];
  };
  activities: ActivityRecord[];
  skipped: SkippedRow[];
  issues: Issue[];
}

export function importResultToJson(result: ImportResult): ImportJson {
  return {
    mapping: {
      sheet: result.sheet,
      headerRow: result.headerRow,
      dataRows: result.dataRows,
      fingerprint: result.fingerprint,
      fromMemory: result.fromMemory,
      columns: result.columns,
      changes: result.changes,
    },
    activities: result.rows.map((r) => r.record),
    skipped: result.skipped,
    issues: result.issues,
  };
}
