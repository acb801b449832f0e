/**
 * Use case "Prioritise": read Activities, Settings and Countries through the port, validate the rows
 * (a row with any error is not scored, and says why), score, and (when asked) write the score columns
 * beside the activities in one apply. The task pane and `iccwc-plan score` both call this.
 */
import { PLAN_2023_2026, type FrameworkIndex } from "../core/framework";
import type { Issue } from "../core/issues";
import { SHEETS } from "../core/layout/sheet-names";
import { countryByIso3 } from "../core/reference";
import {
  scoreActivities,
  scoreColumnsChanges,
  scoreResultToJson as coreScoreResultToJson,
  type Rollups,
  type ScoreJson,
  type ScoreResult,
} from "../core/score";
import { parseSettings, type Settings } from "../core/settings";
import type { ValidationReport } from "../core/validate";
import type { ApplyReport, ProgressReport, WorkbookPort } from "../ports/workbook-port";
import { checkAbort, invalidRowsOf, readOptional, validationOf } from "./use-case-support";

export interface ScorePlanOptions {
  /** "YYYY-MM-DD": the day validation judges "past its end date" against. */
  asOf: string;
  /** Write the score columns (SCORE_HEADERS) beside the activities. */
  writeColumns: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ProgressReport) => void;
  framework?: FrameworkIndex;
  /**
   * The validation report of this Activities sheet at this as-of date, when the caller already has it
   * (annotate checks once for every step): scoring then neither parses nor validates the rows again.
   * It must be made against the same plan (framework); a report of another sheet or date is ignored.
   */
  validation?: ValidationReport;
  /**
   * Keep every activity's contributions in the result (the JSON shows them). False leaves them empty
   * and keeps the one-line breakdown, which is all the score columns write. @default true
   */
  keepContributions?: boolean;
}

export interface ScorePlanResult {
  result: ScoreResult;
  settings: Settings;
  /** Problems in the Settings and Countries sheets (each names its cell, and the default used). */
  settingsIssues: Issue[];
  validation: ValidationReport;
  /** Present when writeColumns was true. */
  applyReport?: ApplyReport;
}

const WHAT = "Scoring";

/** Kept as an export of this use case: the task pane and tests call it from here. */
export { invalidRowsOf };

/** Titles for the roll-up keys: outcome, sub-outcome and approach titles from the plan, country names. */
function rollupLabeller(framework: FrameworkIndex, settings: Settings): (d: keyof Rollups, key: string) => string {
  const names = new Map(settings.countries.map((c) => [c.iso3, c.name] as const));
  return (d, key) => {
    if (d === "outcome" || d === "subOutcome" || d === "approach") return framework.title(key) ?? key;
    if (d === "country") return names.get(key) ?? countryByIso3(key)?.nameEn ?? key;
    return key;
  };
}

/** Throws the port's SheetNotFoundError when Activities is missing (exit 2 in the CLI, "Run Set up" in the pane). */
export async function scorePlan(port: WorkbookPort, options: ScorePlanOptions): Promise<ScorePlanResult> {
  const { signal, onProgress } = options;
  checkAbort(signal, WHAT);
  const names = (await port.listSheets()).map((s) => s.name);
  const activitiesGrid = await port.readSheet(SHEETS.activities);
  const settingsGrid = await readOptional(port, names, SHEETS.settings);
  const countriesGrid = await readOptional(port, names, SHEETS.countries);
  checkAbort(signal, WHAT);
  onProgress?.({ fraction: 0.3, message: "Checking the activities" });

  const framework = options.framework ?? PLAN_2023_2026;
  const validation = validationOf(activitiesGrid, { asOf: options.asOf, framework, validation: options.validation });
  const { settings, issues: settingsIssues } = parseSettings(settingsGrid, countriesGrid);
  checkAbort(signal, WHAT);
  onProgress?.({ fraction: 0.5, message: "Scoring" });
  const result = scoreActivities(validation.parsed, settings, {
    invalidRows: invalidRowsOf(validation),
    rollupLabel: rollupLabeller(framework, settings),
    ...(options.keepContributions === false ? { keepContributions: false } : {}),
  });
  if (!options.writeColumns) return { result, settings, settingsIssues, validation };

  // Everything is computed before the one write: a cancel or a failure leaves the workbook untouched.
  checkAbort(signal, WHAT);
  onProgress?.({ fraction: 0.8, message: "Writing the score columns" });
  const applyReport = await port.apply(
    scoreColumnsChanges(result, validation.parsed, activitiesGrid),
    signal ? { signal } : {},
  );
  onProgress?.({ fraction: 1, message: "Done" });
  return { result, settings, settingsIssues, validation, applyReport };
}

/** `iccwc-plan score --json`: `{ activities: [{ id, score, rank, band, breakdown, funding, sensitivity, reason }], rollups, ... }`. */
export function scoreResultToJson(result: ScoreResult): ScoreJson {
  return coreScoreResultToJson(result);
}
