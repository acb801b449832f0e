/**
 * Setting up (or repairing) an action-plan workbook, as one change set: Activities (table, drop-downs,
 * formats), Framework, Lists, and Settings and Countries when they are missing. Pure: the caller reads
 * the existing sheets and applies the result.
 */
import { changeSet, type ChangeOp, type ChangeSet } from "../changeset";
import type { Grid } from "../grid";
import type { Issue } from "../issues";
import { activitiesLayout, type ActivitiesLayout } from "./activities-sheet";
import { frameworkSheetChanges, type FrameworkSheetData } from "./framework-sheet";
import { listsSheetChanges, type ListsData } from "./lists-sheet";
import { defaultSetupData } from "./plan-data";
import { SHEETS } from "./sheet-names";

export interface ExistingWorkbook {
  /** Names of the sheets the workbook has now. */
  sheets: readonly string[];
  /** The Activities sheet's grid, when the sheet exists. */
  activities?: Grid | null;
  /** Other sheets may be passed; set up reads only whether they exist. */
  lists?: Grid | null;
  settings?: Grid | null;
  countries?: Grid | null;
}

export interface SetupData {
  framework: FrameworkSheetData;
  lists: ListsData;
  /**
   * The Settings and Countries sheets (from core/settings): created with defaults when missing, and
   * repaired (never overwritten) when present, so an officer's tuned weights stay as they are.
   */
  settingsSheet?: (missing: { settings: boolean; countries: boolean }) => ChangeOp[];
  /** Extra headers another step of the same change set writes beside the activities (score columns). */
  extraActivityHeaders?: readonly string[];
  /** Rows another step of the same change set appends below the activities (the sample). */
  appendedActivityRows?: number;
}

export interface SetupPlan {
  changes: ChangeSet;
  activities: ActivitiesLayout;
  /** What set up could not do, as issues (never an exception). */
  problems: Issue[];
}

export function planSetup(existing: ExistingWorkbook, data: SetupData): SetupPlan {
  const has = new Set(existing.sheets);
  const activities = activitiesLayout(existing.activities ?? null, {
    extraHeaders: data.extraActivityHeaders ?? [],
    appendedRows: data.appendedActivityRows ?? 0,
  });
  const missing = { settings: !has.has(SHEETS.settings), countries: !has.has(SHEETS.countries) };
  const settingsOps = data.settingsSheet ? data.settingsSheet(missing) : [];
  const changes = changeSet(
    activities.ops,
    frameworkSheetChanges(data.framework),
    listsSheetChanges(data.lists),
    settingsOps,
  );
  return { changes, activities, problems: [...activities.problems] };
}

/** The set-up change set alone (see planSetup for what it could not do). */
export function setupChanges(
  existing: ExistingWorkbook,
  data: SetupData = defaultSetupData({
    settingsGrid: existing.settings ?? null,
    countriesGrid: existing.countries ?? null,
  }),
): ChangeSet {
  return planSetup(existing, data).changes;
}
