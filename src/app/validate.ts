/**
 * Use case "Check plan": read the Activities sheet through the port, validate it, and (when asked)
 * apply the annotations in one round trip. The task pane and the CLI both call this, so the two
 * surfaces cannot disagree about what a check does.
 */
import { annotationChanges } from "../core/annotate";
import type { Grid } from "../core/grid";
import { SHEETS } from "../core/layout/sheet-names";
import { validateActivities, type ValidationReport } from "../core/validate";
import { SheetNotFoundError, type ApplyReport, type WorkbookPort } from "../ports/workbook-port";

export interface CheckPlanOptions {
  /** "YYYY-MM-DD": the day against which "past its end date" is judged. */
  asOf: string;
  /** The sheet to check (default "Activities"). */
  sheet?: string;
  /** Write notes, fills, the Issues sheet and the state sheet into the workbook. */
  annotate: boolean;
  signal?: AbortSignal;
}

export interface CheckPlanResult {
  report: ValidationReport;
  /** Present when annotate was true. */
  applyReport?: ApplyReport;
}

/** The AbortError that fetch and friends throw, so callers can treat a cancel the same way everywhere. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const e = new Error("The check was cancelled.");
  e.name = "AbortError";
  return e;
}

/** The previous annotation state, or null when the workbook has none yet (first run). */
async function readPreviousState(port: WorkbookPort, sheetNames: readonly string[]): Promise<Grid | null> {
  if (!sheetNames.includes(SHEETS.state)) return null;
  try {
    return await port.readSheet(SHEETS.state);
  } catch (e) {
    if (e instanceof SheetNotFoundError) return null;
    throw e;
  }
}

/**
 * Throws the port's SheetNotFoundError when the sheet to check is missing (the CLI maps it to exit 2,
 * the task pane to "Run Set up first").
 */
export async function checkPlan(port: WorkbookPort, options: CheckPlanOptions): Promise<CheckPlanResult> {
  const { signal } = options;
  const sheet = options.sheet ?? SHEETS.activities;
  if (signal?.aborted) throw abortError(signal);
  const grid = await port.readSheet(sheet);
  if (signal?.aborted) throw abortError(signal);
  const report = validateActivities(grid, { asOf: options.asOf });
  if (!options.annotate) return { report };

  const sheets = (await port.listSheets()).map((s) => s.name);
  const previous = await readPreviousState(port, sheets);
  if (signal?.aborted) throw abortError(signal);
  const changes = annotationChanges(report, previous, { date: options.asOf, existingSheets: sheets });
  const applyReport = await port.apply(changes, signal ? { signal } : {});
  return { report, applyReport };
}
