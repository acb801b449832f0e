/**
 * Use case "Summaries": read Activities, Settings and Countries through the port, validate, score,
 * build the pivot-ready summaries and (when asked) write them in one change set. The task pane and
 * `iccwc-plan summarize` both call this.
 */
import type { ParsedActivities } from "../core/activity/parsed";
import type { Issue } from "../core/issues";
import { SHEETS } from "../core/layout/sheet-names";
import { countryByIso3 } from "../core/reference";
import { scoreActivities, type ScoreResult } from "../core/score";
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
import type { ValidationReport } from "../core/validate";
import type { ApplyReport, WorkbookPort } from "../ports/workbook-port";
import { checkAbort, invalidRowsOf, readOptional, validationOf } from "./use-case-support";

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
  /**
   * The validation report of this Activities sheet at this as-of date, when the caller already has it
   * (annotate checks once for every step): the rows are then neither parsed nor validated again. It
   * must be made against the same plan (framework); a report of another sheet or date is ignored.
   */
  validation?: ValidationReport;
  /**
   * Score and band by activity ID, when the caller has scored this plan already with these settings
   * (annotate's score step): the summaries then do not score again. See scoresForSummaries.
   */
  scores?: ReadonlyMap<string, ScoreInfo>;
}

export interface SummarizePlanResult {
  summaries: Summaries;
  validation: ValidationReport;
  /** Settings problems and the summaries' own (a table too long for a sheet, a bad period length). */
  issues: Issue[];
  /** Present when write was true. */
  applyReport?: ApplyReport;
}

const WHAT = "Building the summaries";

/**
 * Adapter from the scoring engine to the summaries: score and band by activity ID. Sensitivity is
 * skipped (eight rescorings the summaries do not show). A row with errors is not scored.
 */
export function scoresForSummaries(
  parsed: ParsedActivities,
  settings: Settings,
  invalidRows: ReadonlyMap<number, string>,
): Map<string, ScoreInfo> {
  return scoreInfoById(scoreActivities(parsed, settings, { invalidRows, skipSensitivity: true }));
}

/**
 * Score and band by activity ID from a scoring result (the first row of a duplicated ID wins). The
 * sensitivity analysis changes neither, so a full result (annotate's score step) gives the same map.
 */
export function scoreInfoById(result: ScoreResult): Map<string, ScoreInfo> {
  const scores = new Map<string, ScoreInfo>();
  for (const a of result.activities) if (a.id && !scores.has(a.id)) scores.set(a.id, { score: a.score, band: a.band });
  return scores;
}

/** Throws the port's SheetNotFoundError when Activities is missing (exit 2 in the CLI, "Run Set up" in the pane). */
export async function summarizePlan(port: WorkbookPort, options: SummarizePlanOptions): Promise<SummarizePlanResult> {
  const { signal } = options;
  checkAbort(signal, WHAT);
  const names = (await port.listSheets()).map((s) => s.name);
  const activitiesGrid = await port.readSheet(SHEETS.activities);
  const settingsGrid = await readOptional(port, names, SHEETS.settings);
  const countriesGrid = await readOptional(port, names, SHEETS.countries);
  checkAbort(signal, WHAT);

  const framework = options.framework ?? PLAN_2023_2026;
  const validation = validationOf(activitiesGrid, { asOf: options.asOf, framework, validation: options.validation });
  const invalid = invalidRowsOf(validation);
  const { settings, issues: settingIssues } = parseSettings(settingsGrid, countriesGrid);
  const scores = options.scores ?? scoresForSummaries(validation.parsed, settings, invalid);
  checkAbort(signal, WHAT);

  const summaries = buildSummaries({
    // The parsed rows are already { row, record }: no copy of 100,000 small objects.
    activities: validation.parsed.rows,
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
  const limit = options.maxFactsRows !== undefined ? { maxFactsRows: options.maxFactsRows } : {};
  const issues = [...settingIssues, ...summaries.issues, ...summaryLayout(summaries, limit).issues];
  if (!options.write) return { summaries, validation, issues };

  checkAbort(signal, WHAT);
  const applyReport = await port.apply(
    summaryChanges(summaries, { generatedOn: options.generatedOn, ...limit }),
    signal ? { signal } : {},
  );
  return { summaries, validation, issues, applyReport };
}

/** `iccwc-plan summarize --json`: every table keyed by its Excel table name, rows keyed by header. */
export function summariesToJson(s: Summaries): SummariesJson {
  return coreSummariesToJson(s);
}
