/**
 * Use case "Summaries": read Activities, Settings and Countries through the port, validate, score,
 * build the pivot-ready summaries and (when asked) write them in one change set. The task pane and
 * `iccwc-plan summarize` both call this.
 */
import type { ParsedActivities } from "../core/activity/parsed";
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import { SHEETS } from "../core/layout/sheet-names";
import { countryByIso3 } from "../core/reference";
import { scoreActivities } from "../core/score";
import { parseSettings, type Settings } from "../core/settings";
import {
  buildSummaries,
  summariesToJson as coreSummariesToJson,
  summaryChanges,
  summaryLayout,
  type ScoreInfo,
  type Summaries,
  type SummariesJson,
} from "../core/summarize";
import { PLAN_2023_2026, type FrameworkIndex } from "../core/framework";
import { validateActivities, type ValidationReport } from "../core/validate";
import { SheetNotFoundError, type ApplyReport, type WorkbookPort } from "../ports/workbook-port";

export interface SummarizePlanOptions {
  /** "YYYY-MM-DD": the day against which "overdue" is judged. */
  asOf: string;
  /** "YYYY-MM-DD": the stamp written on the Summaries sheet. */
  generatedOn: string;
  /** Write the Summaries sheet (and the Dashboard ops, which a file host skips). */
  write: boolean;
  signal?: AbortSignal;
  /** The plan to summarise against; the 2023-2026 plan by default. */
  framework?: FrameworkIndex;
  /** Leave tblFacts out above this many rows (reported; the roll-ups are still written). @default what a sheet holds */
  maxFactsRows?: number;
}

export interface SummarizePlanResult {
  summaries: Summaries;
  validation: ValidationReport;
  /** Settings problems and the summaries' own (a table too long for a sheet, a bad period length). */
  issues: Issue[];
  /** Present when write was true. */
  applyReport?: ApplyReport;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const e = new Error("Building the summaries was cancelled.");
  e.name = "AbortError";
  return e;
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** A sheet the summaries can do without (Settings, Countries): null when the workbook has none. */
async function readOptional(port: WorkbookPort, names: readonly string[], sheet: string): Promise<Grid | null> {
  if (!names.includes(sheet)) return null;
  try {
    return await port.readSheet(sheet);
  } catch (e) {
    if (e instanceof SheetNotFoundError) return null;
    throw e;
  }
}

/** Sheet rows with at least one validation error, with the first error's message (for the scorer). */
export function rowsWithErrors(report: ValidationReport): Map<number, string> {
  const rows = new Map<number, string>();
  for (const i of report.issues)
    if (i.severity === "error" && i.row !== null && i.sheet === report.parsed.sheet && !rows.has(i.row))
      rows.set(i.row, i.message);
  return rows;
}

/**
 * Adapter from the scoring engine to the summaries: score and band by activity ID. Sensitivity is
 * skipped (eight rescorings the summaries do not show). A row with errors is not scored.
 */
export function scoresForSummaries(
  parsed: ParsedActivities,
  settings: Settings,
  invalidRows: ReadonlyMap<number, string>,
): Map<string, ScoreInfo> {
  const result = scoreActivities(parsed, settings, { invalidRows, skipSensitivity: true });
  const scores = new Map<string, ScoreInfo>();
  for (const a of result.activities) if (a.id && !scores.has(a.id)) scores.set(a.id, { score: a.score, band: a.band });
  return scores;
}

/** Throws the port's SheetNotFoundError when Activities is missing (exit 2 in the CLI, "Run Set up" in the pane). */
export async function summarizePlan(port: WorkbookPort, options: SummarizePlanOptions): Promise<SummarizePlanResult> {
  const { signal } = options;
  checkAbort(signal);
  const names = (await port.listSheets()).map((s) => s.name);
  const activitiesGrid = await port.readSheet(SHEETS.activities);
  const settingsGrid = await readOptional(port, names, SHEETS.settings);
  const countriesGrid = await readOptional(port, names, SHEETS.countries);
  checkAbort(signal);

  const framework = options.framework ?? PLAN_2023_2026;
  const validation = validateActivities(activitiesGrid, { asOf: options.asOf, framework });
  const invalid = rowsWithErrors(validation);
  const { settings, issues: settingIssues } = parseSettings(settingsGrid, countriesGrid);
  const scores = scoresForSummaries(validation.parsed, settings, invalid);
  checkAbort(signal);

  const summaries = buildSummaries({
    activities: validation.parsed.rows.map((r) => ({ row: r.row, record: r.record })),
    rowsWithErrors: new Set(invalid.keys()),
    scores,
    periodMonths: settings.periodMonths,
    countries: settings.countries.map((c) => ({ iso3: c.iso3, name: c.name, region: c.region, priority: c.priority })),
    describeCountry: (iso3) => {
      const c = countryByIso3(iso3);
      return c ? { name: c.nameEn, region: c.region } : undefined;
    },
    framework,
    asOf: options.asOf,
    generatedOn: options.generatedOn,
  });
  const issues = [...settingIssues, ...summaries.issues, ...summaryLayout(summaries).issues];
  if (!options.write) return { summaries, validation, issues };

  checkAbort(signal);
  const applyReport = await port.apply(
    summaryChanges(summaries, { generatedOn: options.generatedOn }),
    signal ? { signal } : {},
  );
  return { summaries, validation, issues, applyReport };
}

/** `iccwc-plan summarize --json`: every table keyed by its Excel table name, rows keyed by header. */
export function summariesToJson(s: Summaries): SummariesJson {
  return coreSummariesToJson(s);
}
