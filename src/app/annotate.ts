/**
 * Use case "Annotate": the donor workbook in one go. Set up (repair) the plan's sheets, validate and
 * annotate, score, summarise, and write a Cover sheet, all computed first and applied in one `apply`
 * call, so a failure or a cancel part way leaves the workbook exactly as it was.
 *
 * The validate, score and summarise steps are the other use cases themselves, run against a
 * recording port: they read the workbook as it is and their writes are collected instead of applied.
 * That keeps one definition of each step (the task pane runs the same ones) and still gives one write.
 */
import { isoToExcelSerial } from "../core/activity/dates";
import { changeSet, type ChangeKind, type ChangeOp, type ChangeSet } from "../core/changeset";
import { parseAddress, type CellValue, type Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import { activitiesTableOp, usedExtent } from "../core/layout/activities-sheet";
import { coverSheetChanges } from "../core/layout/cover-sheet";
import { defaultSetupData } from "../core/layout/plan-data";
import { planSetup } from "../core/layout/setup-changes";
import { SHEETS } from "../core/layout/sheet-names";
import { PLAN_2023_2026 } from "../core/framework";
import type { ScoreInfo } from "../core/summarize";
import type { ValidationReport, ValidationSummary } from "../core/validate";
import { SheetNotFoundError, type ApplyReport, type ProgressReport, type WorkbookPort } from "../ports/workbook-port";
import { readIfPresent } from "./setup";
import { scorePlan } from "./score";
import { scoreInfoById, summarizePlan } from "./summarize";
import { checkPlan } from "./validate";

export interface AnnotateOptions {
  /** "YYYY-MM-DD": the day overdue activities are judged against. */
  asOf: string;
  /** "YYYY-MM-DD": the date stamped on the Cover and the summaries (injected, so a re-run the same day is identical). */
  generatedOn: string;
  signal?: AbortSignal;
  onProgress?: (p: ProgressReport) => void;
  /**
   * Kinds of op the host is known to skip (the file host: "pivot" and "chart"), so the Cover can say
   * what the reader will not find and where to get it instead.
   */
  hostSkips?: readonly ChangeKind[];
}

export interface AnnotateResult {
  summary: ValidationSummary;
  /** Steps that ran, and those that did not with the reason. */
  steps: { name: string; ran: boolean; reason?: string }[];
  /** What the single apply did, including ops the host could not apply (e.g. PivotTables in a file). */
  apply: ApplyReport;
  /** Number of ops computed and handed to the host in one apply. */
  ops: number;
  /** Set-up problems (e.g. Activities data without a header row). */
  problems: Issue[];
}

/** The Activities sheet is there but holds nothing at all: there is no plan to annotate. */
export class EmptyActivitiesError extends Error {
  override readonly name = "EmptyActivitiesError";
  constructor(readonly sheet: string) {
    super(
      `The ${sheet} sheet is empty: add activities under the plan's headers (or run \`iccwc-plan init\` for a new plan) and annotate again.`,
    );
  }
}

/**
 * What a step gets besides the port. The validation report and the scores are computed once per
 * annotate and handed on, so no step parses, validates or scores the 100,000 rows of a large plan again.
 */
export interface AnnotateContext {
  asOf: string;
  generatedOn: string;
  signal?: AbortSignal;
  /** The validate step's report of Activities (the sheet as the one apply will leave it). */
  validation?: ValidationReport;
  /** Score and band by activity ID, once the score step has run. */
  scores?: ReadonlyMap<string, ScoreInfo>;
}

/** One step of annotate: another use case, run against the recording port. */
export interface AnnotateStep {
  name: string;
  run(
    port: WorkbookPort,
    ctx: AnnotateContext,
  ): Promise<{ scored?: number; scores?: ReadonlyMap<string, ScoreInfo> } | void>;
}

/**
 * A port whose reads go to the workbook and whose writes are kept for one apply at the end.
 *
 * Reads (and the list of sheets) are remembered: validate, score, summarise and set-up each read Activities, and the workbook
 * does not change until the one apply, so every step gets the same (read-only) grid instead of a fresh
 * copy of every cell. Writes keep the steps' op objects as they are (no copy of their values).
 */
function recordingPort(port: WorkbookPort): {
  port: WorkbookPort;
  ops: ChangeOp[];
  seed(name: string, grid: Grid): void;
} {
  const ops: ChangeOp[] = [];
  const reads = new Map<string, Promise<Grid>>();
  // Each step lists the sheets too; the file host measures every sheet's extent for that (a pass over
  // all its cells), and nothing changes before the one apply, so the list is asked for once.
  let sheets: ReturnType<WorkbookPort["listSheets"]> | undefined;
  return {
    ops,
    /** Plain reads of `name` return this grid (the sheet as the one apply will leave it). */
    seed: (name, grid) => void reads.set(`:${name}`, Promise.resolve(grid)),
    port: {
      listSheets: () => {
        if (!sheets) {
          sheets = port.listSheets();
          sheets.catch(() => (sheets = undefined));
        }
        return sheets;
      },
      readSheet: (name, options) => {
        const key = `${options?.formulas ? "f" : ""}${options?.numberFormats ? "n" : ""}:${name}`;
        let grid = reads.get(key);
        if (!grid) {
          grid = port.readSheet(name, options);
          reads.set(key, grid);
          // A failed read (a missing sheet) is not remembered: the next step gets the same error afresh.
          grid.catch(() => reads.delete(key));
        }
        return grid;
      },
      apply: async (changes: ChangeSet) => {
        // One push per op: spreading a change set of 100,000+ ops into push() overflows the call stack.
        const added = changes.ops;
        for (let i = 0; i < added.length; i++) ops.push(added[i]!);
        return { applied: changes.ops.length, skipped: [] };
      },
    },
  };
}

/** Steps after validation, each an existing use case, in the order their writes are applied. */
export const EXTRA_STEPS: AnnotateStep[] = [
  {
    name: "score",
    run: async (port, ctx) => {
      const out = await scorePlan(port, {
        asOf: ctx.asOf,
        writeColumns: true,
        // The columns write the one-line breakdown; the contributions behind it are not kept.
        keepContributions: false,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(ctx.validation ? { validation: ctx.validation } : {}),
      });
      // Only the scores and bands go on to the summaries: the full result (breakdowns, contributions)
      // is released here, before the summaries' working set is built.
      return {
        scored: out.result.activities.filter((a) => a.score !== null).length,
        scores: scoreInfoById(out.result),
      };
    },
  },
  {
    name: "summarize",
    run: async (port, ctx) => {
      await summarizePlan(port, {
        asOf: ctx.asOf,
        generatedOn: ctx.generatedOn,
        write: true,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(ctx.validation ? { validation: ctx.validation } : {}),
        ...(ctx.scores ? { scores: ctx.scores } : {}),
      });
    },
  },
];

export async function annotateWorkbook(
  port: WorkbookPort,
  options: AnnotateOptions,
  extraSteps: readonly AnnotateStep[] = EXTRA_STEPS,
): Promise<AnnotateResult> {
  const { signal, onProgress } = options;
  // Computed in a function of its own so that the grids, the validation report and the steps' results
  // are out of scope (free to collect) while the host applies and the file is written: only the ops stay.
  const planned = await planAnnotation(port, options, extraSteps);
  signal?.throwIfAborted();
  onProgress?.({ fraction: 0.7, message: "Writing the workbook" });
  const apply = await port.apply(changeSet(planned.ops), {
    ...(signal ? { signal } : {}),
    ...(onProgress
      ? { onProgress: (p: ProgressReport) => onProgress({ fraction: 0.7 + 0.3 * p.fraction, message: p.message }) }
      : {}),
  });
  onProgress?.({ fraction: 1, message: "Done" });
  return { summary: planned.summary, steps: planned.steps, apply, ops: planned.ops.length, problems: planned.problems };
}

interface PlannedAnnotation {
  ops: ChangeOp[];
  summary: ValidationSummary;
  steps: AnnotateResult["steps"];
  problems: Issue[];
}

async function planAnnotation(
  port: WorkbookPort,
  options: AnnotateOptions,
  extraSteps: readonly AnnotateStep[],
): Promise<PlannedAnnotation> {
  const { signal, onProgress } = options;
  const progress = (fraction: number, message: string) => onProgress?.({ fraction, message });
  signal?.throwIfAborted();

  progress(0, "Reading the workbook");
  const recorder = recordingPort(port);
  const sheets = (await recorder.port.listSheets()).map((s) => s.name);
  if (!sheets.includes(SHEETS.activities)) throw new SheetNotFoundError(SHEETS.activities);
  const activities = await recorder.port.readSheet(SHEETS.activities);
  if (usedExtent(activities).lastRow === 0) throw new EmptyActivitiesError(SHEETS.activities);
  const settingsGrid = await readIfPresent(recorder.port, sheets, SHEETS.settings);
  const countriesGrid = await readIfPresent(recorder.port, sheets, SHEETS.countries);

  // Set up first, on paper: when it adds plan headers the sheet lacks, the later steps must see the sheet
  // as it will be after the one apply, or a second run would report (and lay out) something different.
  const setup = planSetup(
    { sheets, activities, settings: settingsGrid, countries: countriesGrid },
    defaultSetupData({ settingsGrid, countriesGrid }),
  );
  const repaired = withValuesWritten(activities, setup.changes.ops);
  if (repaired !== activities) recorder.seed(SHEETS.activities, repaired);

  progress(0.1, "Checking every activity");
  const steps: AnnotateResult["steps"] = [{ name: "validate", ran: true }];
  const { summary, scored } = await runSteps(recorder.port, options, extraSteps, steps);

  progress(0.6, "Laying out the workbook");
  const ops: ChangeOp[] = [];
  // Indexed loops over the ops here and below: tens of thousands of them, and for-of allocates an
  // iterator result per op until the optimiser has compiled the loop.
  const setupOps = setup.changes.ops;
  for (let i = 0; i < setupOps.length; i++) ops.push(setupOps[i]!);
  for (let i = 0; i < recorder.ops.length; i++) ops.push(recorder.ops[i]!);
  recorder.ops.length = 0;
  widenActivitiesTable(ops, setup.activities.headerRow, setup.activities.lastCol, setup.activities.lastRow);

  const present = new Set(sheets);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.kind === "ensureSheet" || op.kind === "resetSheet") present.add(op.sheet);
  }
  present.add(SHEETS.cover);
  const cover = coverSheetChanges({
    planTitle: PLAN_2023_2026.framework.title,
    asOf: options.asOf,
    generatedOn: options.generatedOn,
    counts: { errors: summary.errors, warnings: summary.warnings, infos: summary.infos },
    rowsChecked: summary.rowsChecked,
    ...(scored !== undefined ? { scored } : {}),
    sheets: [...present],
    notApplied: hostOnlyOps(ops, options.hostSkips ?? []),
    toSerial: isoToExcelSerial,
  });
  for (const op of cover) ops.push(op);
  return { ops, summary, steps, problems: setup.problems };
}

/**
 * Validate, then the extra steps, sharing one validation report and one scoring. Its own function so
 * that the report (every parsed row and issue) and the scores are released as soon as the steps are
 * done: only the summary and the count of scored rows come out.
 */
async function runSteps(
  port: WorkbookPort,
  options: AnnotateOptions,
  extraSteps: readonly AnnotateStep[],
  steps: AnnotateResult["steps"],
): Promise<{ summary: ValidationSummary; scored: number | undefined }> {
  const { signal, onProgress } = options;
  const ctx: AnnotateContext = {
    asOf: options.asOf,
    generatedOn: options.generatedOn,
    ...(signal ? { signal } : {}),
    validation: (await checkPlan(port, { asOf: options.asOf, annotate: true, ...(signal ? { signal } : {}) })).report,
  };
  let scored: number | undefined;
  for (const [i, step] of extraSteps.entries()) {
    signal?.throwIfAborted();
    onProgress?.({ fraction: 0.2 + (0.4 * i) / Math.max(1, extraSteps.length), message: `Running ${step.name}` });
    const out = await step.run(port, ctx);
    if (out && out.scored !== undefined) scored = out.scored;
    if (out && out.scores !== undefined) ctx.scores = out.scores;
    steps.push({ name: step.name, ran: true });
  }
  return { summary: ctx.validation!.summary, scored };
}

/**
 * The score step writes its columns in the header row beside the activities; the table must cover
 * them, so its range is widened to the rightmost header any step writes (same name: resized, not added).
 */
function widenActivitiesTable(ops: ChangeOp[], headerRow: number | null, lastCol: number, lastRow: number): void {
  if (headerRow === null) return;
  const i = ops.findIndex((op) => op.kind === "table" && op.sheet === SHEETS.activities);
  const table = ops[i];
  if (!table || table.kind !== "table") return;
  const first = parseAddress(table.range.split(":")[0]!);
  let right = lastCol;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.kind !== "values" || op.sheet !== SHEETS.activities) continue;
    const at = parseAddress(op.at);
    if (at.row > headerRow || at.row + op.values.length - 1 < headerRow) continue;
    const header = op.values[headerRow - at.row] ?? [];
    right = Math.max(right, at.col + header.length - 1);
  }
  // Move the table op after every write, so the host sees the headers before it builds the table.
  ops.splice(i, 1);
  ops.push(activitiesTableOp(headerRow, first.col, right, lastRow));
}

/** Ops only the Excel host can apply, named for the Cover so nobody looks for them in a file. */
function hostOnlyOps(ops: readonly ChangeOp[], skips: readonly ChangeKind[]): string[] {
  const kinds = new Set<ChangeKind>();
  for (let i = 0; i < ops.length; i++) if (skips.includes(ops[i]!.kind)) kinds.add(ops[i]!.kind);
  const out: string[] = [];
  if (kinds.has("pivot") || kinds.has("chart"))
    out.push(
      "the PivotTable and chart on Dashboard are made by the Excel add-in; in this file, select tblFacts on Summaries and use Insert > PivotTable",
    );
  return out;
}

/** Today as "YYYY-MM-DD" in UTC, for callers that have no date to inject. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The grid with the `values` ops on its sheet written in (rows copied only where written). Returns the
 * same grid when no op touches it.
 */
export function withValuesWritten(grid: Grid, ops: readonly ChangeOp[]): Grid {
  let rows: (readonly CellValue[])[] | null = null;
  for (const op of ops) {
    if (op.kind !== "values" || op.sheet !== grid.sheet) continue;
    const at = parseAddress(op.at);
    rows ??= [...grid.rows];
    op.values.forEach((values, i) => {
      const r = at.row - grid.top + i;
      if (r < 0) return;
      while (rows!.length <= r) rows!.push([]);
      const row = [...(rows![r] ?? [])];
      values.forEach((v, j) => {
        const c = at.col - grid.left + j;
        if (c < 0) return;
        while (row.length < c) row.push(null);
        row[c] = v;
      });
      rows![r] = row;
    });
  }
  return rows ? { ...grid, rows } : grid;
}
