/** Shared test helpers: whole-record expectations, so every field of an imported activity is asserted. */
import type { ActivityRecord } from "../../src/core/activity/record";
import { emptyRecord, type ImportResult } from "../../src/core/import";

/** The record a careful person would have typed: every field not given is empty. */
export function typed(fields: Partial<ActivityRecord>): ActivityRecord {
  return { ...emptyRecord(), ...fields };
}

export function recordAt(result: ImportResult, sourceRow: number): ActivityRecord {
  const r = result.rows.find((x) => x.row === sourceRow);
  if (!r)
    throw new Error(
      `no activity imported from row ${sourceRow}; imported rows: ${result.rows.map((x) => x.row).join(", ")}`,
    );
  return r.record;
}

export function issuesAt(
  result: ImportResult,
  cell: string,
): { code: string; severity: string; message: string; suggestion?: string }[] {
  return result.issues
    .filter((i) => i.cell === cell)
    .map((i) => ({
      code: i.code,
      severity: i.severity,
      message: i.message,
      ...(i.suggestion ? { suggestion: i.suggestion } : {}),
    }));
}

/** Deep-freeze a fixture so that any write to the source grid throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
