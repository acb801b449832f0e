/**
 * The change set that appends imported records below the last row of Activities. Values ops write new
 * rows only; existing rows are never touched. Values are written as the set-up writes them: codes as
 * text, agencies and countries joined with "; ", dates as Excel serials with a date format, progress as
 * a fraction with a percent format. Records whose ID is already in Activities are left out, so that
 * applying the same import twice appends once.
 */
import { ACTIVITY_COLUMNS, ACTIVITY_HEADERS, type ActivityKey } from "../activity/columns";
import type { ActivityRecord } from "../activity/record";
import { changeSet, type ChangeOp, type ChangeSet } from "../changeset";
import { cellAddress, parseAddress, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { activitiesLayout, activitiesTableOp, FORMATS, SHEETS } from "../layout";
import { isoToExcelSerial } from "../activity/dates";
import { existingActivities } from "./existing";
import type { ImportResult } from "./types";

const FORMAT_OF: Partial<Record<ActivityKey, string>> = {
  id: FORMATS.text,
  outcome: FORMATS.text,
  subOutcome: FORMATS.text,
  approach: FORMATS.text,
  startDate: FORMATS.date,
  endDate: FORMATS.date,
  budgetUsd: FORMATS.usd,
  fundedUsd: FORMATS.usd,
  progress: FORMATS.percent,
  need: FORMATS.wholeNumber,
  valueAdded: FORMATS.wholeNumber,
  engagement: FORMATS.wholeNumber,
};

const KEY_OF_HEADER: ReadonlyMap<string, ActivityKey> = new Map(ACTIVITY_COLUMNS.map((c) => [c.header, c.key]));

/** The cell value the Activities sheet holds for a field. */
export function cellValueOf(record: ActivityRecord, key: ActivityKey): CellValue {
  switch (key) {
    case "leadAgencies":
    case "countries":
      return record[key].length > 0 ? record[key].join("; ") : null;
    case "startDate":
    case "endDate": {
      const iso = record[key];
      return iso ? isoToExcelSerial(iso) : null;
    }
    default: {
      const v = record[key];
      return v === "" || v === null ? null : v;
    }
  }
}

export interface AppendPlan {
  changes: ChangeSet;
  /** Sheet rows the records go to (null when nothing is appended). */
  rows: { first: number; last: number } | null;
  appended: number;
  /** IDs left out because Activities already has them. */
  alreadyPresent: string[];
  problems: Issue[];
}

export function importAppendPlan(result: ImportResult, activitiesGrid: Grid | null): AppendPlan {
  const layout = activitiesLayout(activitiesGrid, { appendedRows: 0 });
  if (layout.headerRow === null) {
    return { changes: changeSet([]), rows: null, appended: 0, alreadyPresent: [], problems: layout.problems };
  }
  const present = new Set(existingActivities(activitiesGrid).keys());
  const records: ActivityRecord[] = [];
  const alreadyPresent: string[] = [];
  for (const r of result.rows) {
    if (present.has(r.record.id)) alreadyPresent.push(r.record.id);
    else {
      present.add(r.record.id);
      records.push(r.record);
    }
  }
  if (records.length === 0) return { changes: changeSet([]), rows: null, appended: 0, alreadyPresent, problems: [] };

  // Missing sheet or headers: the set-up layout creates or repairs them first (header row only).
  const full = activitiesLayout(activitiesGrid, { appendedRows: records.length });
  const ops: ChangeOp[] = [];
  if (full.fresh || full.added.length > 0) for (const op of full.ops) ops.push(op); // no spread: may be long

  const firstRow = full.lastRow + 1;
  const cols = ACTIVITY_HEADERS.map((h) => full.columnOf[h]).filter((c): c is number => typeof c === "number");
  const firstCol = Math.min(...cols);
  const lastCol = Math.max(...cols);
  const keyAt: (ActivityKey | null)[] = [];
  for (let c = firstCol; c <= lastCol; c++) keyAt.push(null);
  for (const h of ACTIVITY_HEADERS) {
    const c = full.columnOf[h];
    const key = KEY_OF_HEADER.get(h);
    if (typeof c === "number" && key) keyAt[c - firstCol] = key;
  }
  const values: CellValue[][] = records.map((rec) => keyAt.map((k) => (k ? cellValueOf(rec, k) : null)));
  const formats = keyAt.map((k) => (k ? (FORMAT_OF[k] ?? null) : null));
  ops.push({ kind: "values", sheet: SHEETS.activities, at: cellAddress(firstRow, firstCol), values, formats });
  if (!full.fresh && full.added.length === 0) {
    const tableOp = full.ops.find((op) => op.kind === "table");
    if (tableOp)
      ops.push(activitiesTableOp(full.headerRow!, firstColOf(tableOp), full.lastCol, full.lastRow + records.length));
  }
  return {
    changes: changeSet(ops),
    rows: { first: firstRow, last: firstRow + records.length - 1 },
    appended: records.length,
    alreadyPresent,
    problems: [],
  };
}

export function importAppendChanges(result: ImportResult, activitiesGrid: Grid | null): ChangeSet {
  return importAppendPlan(result, activitiesGrid).changes;
}

function firstColOf(op: ChangeOp): number {
  return op.kind === "table" ? parseAddress(op.range.split(":")[0]!).col : 1;
}
