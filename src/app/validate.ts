/**
 * Use case "Check plan": read the Activities sheet through the port, validate it, and (when asked)
 * apply the annotations in one round trip. The task pane and the CLI both call this, so the two
 * surfaces cannot disagree about what a check does.
 */
import { annotationChanges } from "../core/annotate";
import { SHEETS } from "../core/layout/sheet-names";
import { validateActivities, type ValidationReport } from "../core/validate";
import type { ApplyReport, WorkbookPort } from "../ports/workbook-port";
import { checkAbort, readOptional } from "./use-case-support";

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

const WHAT = "The check";

/**
 * Throws the port's SheetNotFoundError when the sheet to check is missing (the CLI maps it to exit 2,
 * the task pane to "Run Set up first").
 */
export async function checkPlan(port: WorkbookPort, options: CheckPlanOptions): Promise<CheckPlanResult> {
  const { signal } = options;
  const sheet = options.sheet ?? SHEETS.activities;
  checkAbort(signal, WHAT);
  const grid = await port.readSheet(sheet);
  checkAbort(signal, WHAT);
  const report = validateActivities(grid, { asOf: options.asOf });
  if (!options.annotate) return { report };

  const sheets = (await port.listSheets()).map((s) => s.name);
  // The previous annotation state, or null on a first run.
  const previous = await readOptional(port, sheets, SHEETS.state);
  checkAbort(signal, WHAT);
  const changes = annotationChanges(report, previous, { date: options.asOf, existingSheets: sheets });
  const applyReport = await port.apply(changes, signal ? { signal } : {});
  return { report, applyReport };
}
