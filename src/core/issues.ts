/**
 * Issues in the manner of Frictionless Data: a stable machine code per kind of problem, a human
 * message, the exact location and the offending value. Every feature (parse, validate, settings,
 * import) reports through this one shape.
 */
export type Severity = "error" | "warning" | "info";

export interface Issue {
  /** Stable machine code, kebab-case, e.g. "approach-unknown". Documented in docs/validation-rules.md. */
  code: string;
  severity: Severity;
  sheet: string;
  /** The sheet's row number (1-based), or null for a sheet-level issue. */
  row: number | null;
  /** The header text of the column, or null. */
  column: string | null;
  /** A1 address of the cell, or null for a sheet-level issue. */
  cell: string | null;
  /** The offending value as text ("" for an empty cell). */
  value: string;
  /** What is wrong and how to fix it, in a sentence a programme officer can act on. */
  message: string;
  /** A suggested value, where there is one. */
  suggestion?: string;
  /** The activity ID of the row, when known. */
  activityId?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Render any cell value as the text an officer would see in the message. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return isNaN(v.getTime()) ? "Invalid date" : v.toISOString().slice(0, 10);
  if (typeof v === "object" && typeof (v as { error?: unknown }).error === "string")
    return (v as { error: string }).error;
  const s = String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
