/**
 * What every use case needs around the port: reading a sheet the plan can do without, turning a cancel
 * into the AbortError callers already know, and the rows validation says cannot be trusted. One copy,
 * so the surfaces behave the same on a cancel or a missing sheet.
 */
import type { FrameworkIndex } from "../core/framework";
import type { Grid } from "../core/grid";
import { validateActivities, type ValidationReport } from "../core/validate";
import { SheetNotFoundError, type WorkbookPort } from "../ports/workbook-port";

/** The signal's own reason when it is an Error, else an AbortError saying `what` was cancelled. */
export function abortError(signal: AbortSignal, what: string): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const e = new Error(`${what} was cancelled; nothing was written.`);
  e.name = "AbortError";
  return e;
}

export function checkAbort(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortError(signal, what);
}

/** A sheet the use case can do without (Settings, Countries, the state sheet): null when it is missing. */
export async function readOptional(port: WorkbookPort, names: readonly string[], sheet: string): Promise<Grid | null> {
  if (!names.includes(sheet)) return null;
  try {
    return await port.readSheet(sheet);
  } catch (e) {
    if (e instanceof SheetNotFoundError) return null;
    throw e;
  }
}

/** Sheet rows with at least one error-severity issue, each with its first error ("E7 End date is before ..."). */
export function invalidRowsOf(report: ValidationReport): Map<number, string> {
  const rows = new Map<number, string>();
  for (const i of report.issues) {
    if (i.severity === "error" && i.row !== null && i.sheet === report.parsed.sheet && !rows.has(i.row))
      rows.set(i.row, `${i.cell ?? ""} ${i.message}`.trim());
  }
  return rows;
}

/**
 * The validation report of `grid`: the caller's own when it has one for this sheet and as-of date
 * (annotate checks the sheet once and hands the report to score and summarise), else a fresh one.
 * A report made against another sheet or date is never reused: it is validated again instead.
 */
export function validationOf(
  grid: Grid,
  options: { asOf: string; framework: FrameworkIndex; validation?: ValidationReport | undefined },
): ValidationReport {
  const given = options.validation;
  if (given && given.parsed.sheet === grid.sheet && given.asOf === options.asOf) return given;
  return validateActivities(grid, { asOf: options.asOf, framework: options.framework });
}
