/**
 * Use case "Set up": create or repair the plan's sheets (Activities with drop-downs, Framework, Lists,
 * Settings, Countries) without losing a row, optionally filling a new plan with the bundled sample.
 * Reads through the port, computes one change set, applies it in one call.
 */
import { isoToExcelSerial } from "../core/activity/dates";
import { changeSet } from "../core/changeset";
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import { SHEETS } from "../core/layout/sheet-names";
import { defaultSetupData } from "../core/layout/plan-data";
import { sampleActivityChanges, type SampleRow } from "../core/layout/sample";
import { planSetup } from "../core/layout/setup-changes";
import type { Settings } from "../core/settings";
import type { ApplyOptions, ApplyReport, WorkbookPort } from "../ports/workbook-port";

export interface SetUpOptions extends ApplyOptions {
  /** Rows to append below the existing activities (the bundled sample plan). */
  sample?: readonly SampleRow[];
  /**
   * Settings to write into Settings and Countries when the workbook has neither yet (the sample's
   * funds and priority countries). Existing settings tables are repaired, never overwritten.
   */
  sampleSettings?: Settings;
}

export interface SetUpResult {
  apply: ApplyReport;
  /** Sheets that did not exist before. */
  created: string[];
  /** Headers added to an existing Activities sheet. */
  addedHeaders: string[];
  sampleRows: number;
  /** What set up could not do (for example Activities data without a header row). */
  problems: Issue[];
}

/** Read a sheet if the workbook has it. */
export async function readIfPresent(port: WorkbookPort, sheets: readonly string[], name: string): Promise<Grid | null> {
  return sheets.includes(name) ? port.readSheet(name) : null;
}

export async function setUpPlan(port: WorkbookPort, options: SetUpOptions = {}): Promise<SetUpResult> {
  options.signal?.throwIfAborted();
  const sheets = (await port.listSheets()).map((s) => s.name);
  const activities = await readIfPresent(port, sheets, SHEETS.activities);
  const settingsGrid = await readIfPresent(port, sheets, SHEETS.settings);
  const countriesGrid = await readIfPresent(port, sheets, SHEETS.countries);
  const fresh = settingsGrid === null && countriesGrid === null;
  const data = defaultSetupData({
    settingsGrid,
    countriesGrid,
    ...(options.sampleSettings && fresh ? { settings: options.sampleSettings } : {}),
  });
  const sample = options.sample ?? [];
  const plan = planSetup(
    { sheets, activities, settings: settingsGrid, countries: countriesGrid },
    { ...data, appendedActivityRows: sample.length },
  );
  const sampleOps =
    sample.length > 0 && plan.activities.headerRow !== null
      ? sampleActivityChanges(sample, plan.activities.columnOf, plan.activities.lastRow, isoToExcelSerial)
      : [];
  const ops = [...plan.changes.ops, ...sampleOps];
  options.signal?.throwIfAborted();
  const apply = await port.apply(changeSet(ops), {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const created = [...new Set(ops.filter((op) => op.kind === "ensureSheet").map((op) => op.sheet))].filter(
    (s) => !sheets.includes(s),
  );
  return {
    apply,
    created,
    addedHeaders: [...plan.activities.added],
    sampleRows: sampleOps.length > 0 ? sample.length : 0,
    problems: plan.problems,
  };
}
