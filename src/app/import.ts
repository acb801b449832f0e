/**
 * Use cases "Import": preview a country team's sheet (read only: the source is never written), then
 * append the checked records to Activities in one apply. The task pane and the CLI call these two.
 */
import {
  importAppendPlan,
  importRows,
  existingActivities,
  type ImportOptions,
  type ImportResult,
} from "../core/import";
import type { Issue } from "../core/issues";
import { SHEETS } from "../core/layout/sheet-names";
import type { ApplyOptions, ApplyReport, WorkbookPort } from "../ports/workbook-port";
import { SheetNotFoundError } from "../ports/workbook-port";

export interface PreviewImportOptions extends Omit<ImportOptions, "existingIds" | "existingTitles"> {
  /** The source sheet to import. */
  sheet: string;
  signal?: AbortSignal;
}

async function readActivities(port: WorkbookPort, name: string) {
  const sheets = (await port.listSheets()).map((s) => s.name);
  return sheets.includes(name) ? port.readSheet(name) : null;
}

/** Read the source sheet (with formulas and number formats) and return what an import would bring in. */
export async function previewImport(port: WorkbookPort, options: PreviewImportOptions): Promise<ImportResult> {
  options.signal?.throwIfAborted();
  const { sheet, signal: _signal, ...importOptions } = options;
  void _signal;
  const activitiesSheet = SHEETS.activities;
  const sheets = (await port.listSheets()).map((s) => s.name);
  if (!sheets.includes(sheet)) throw new SheetNotFoundError(sheet);
  const source = await port.readSheet(sheet, { formulas: true, numberFormats: true });
  const activities = sheets.includes(activitiesSheet) ? await port.readSheet(activitiesSheet) : null;
  const existing = existingActivities(activities);
  options.signal?.throwIfAborted();
  return importRows(source, { ...importOptions, existingIds: existing.keys(), existingTitles: existing });
}

export interface AppendImportResult {
  /** The host's report, or null when there was nothing to write (no apply call was made). */
  apply: ApplyReport | null;
  appended: number;
  /** Activities rows the records went to. */
  rows: { first: number; last: number } | null;
  /** IDs that Activities gained since the preview (left out, so an import is never appended twice). */
  alreadyPresent: string[];
  problems: Issue[];
}

/**
 * Append a previewed import below the last Activities row, in one apply. A cancelled signal before the
 * write appends nothing; the host applies the single change set or fails as a whole.
 */
export async function appendImport(
  port: WorkbookPort,
  result: ImportResult,
  options: ApplyOptions = {},
): Promise<AppendImportResult> {
  options.signal?.throwIfAborted();
  const activities = await readActivities(port, SHEETS.activities);
  const plan = importAppendPlan(result, activities);
  if (plan.appended === 0)
    return { apply: null, appended: 0, rows: null, alreadyPresent: plan.alreadyPresent, problems: plan.problems };
  options.signal?.throwIfAborted();
  const apply = await port.apply(plan.changes, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    apply,
    appended: plan.appended,
    rows: plan.rows,
    alreadyPresent: plan.alreadyPresent,
    problems: plan.problems,
  };
}
