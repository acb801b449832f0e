/**
 * Reading tblSettings (Setting | Value | Description). A bad value is reported at its cell and the
 * setting falls back to its default, and the issue says so: a setting is never replaced silently.
 */
import { cellAt, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { SHEETS } from "../layout/sheet-names";
import {
  DEFINITION_BY_NAME,
  SETTING_DEFINITIONS,
  blankSetting,
  definitionFor,
  settingNameKey,
  type SettingKey,
} from "./definitions";
import { defaultSettingValues, type SettingValues } from "./defaults";
import { settingsIssue } from "./issue";
import { findTable, headerKey } from "./table-grid";

/** Where each setting was read from, so later checks (weights, bands) can point at the cell. */
export type SettingCells = Map<SettingKey, { row: number; col: number; raw: CellValue }>;

export interface SettingsTableResult {
  values: SettingValues;
  cells: SettingCells;
  issues: Issue[];
}

/** Settings whose blank cell is a meaningful choice, not a gap worth an info issue. */
const BLANK_IS_A_CHOICE: ReadonlySet<SettingKey> = new Set<SettingKey>(["importDateOrder"]);

export function parseSettingsTable(grid: Grid | null): SettingsTableResult {
  const values = defaultSettingValues();
  const cells: SettingCells = new Map();
  const issues: Issue[] = [];
  const sheet = grid?.sheet ?? SHEETS.settings;
  if (!grid) {
    issues.push(
      settingsIssue(
        "settings-sheet-missing",
        "info",
        sheet,
        null,
        "",
        `There is no ${SHEETS.settings} sheet, so every setting has its default. Run "Set up" (or \`iccwc-plan init\`) to add it and tune the weights.`,
      ),
    );
    return { values, cells, issues };
  }
  const table = findTable(grid, ["Setting", "Value"]);
  if (!table) {
    issues.push(
      settingsIssue(
        "settings-table-missing",
        "warning",
        sheet,
        null,
        "",
        `The ${sheet} sheet has no header row with "Setting" and "Value", so every setting has its default. Run "Set up" to repair the sheet.`,
      ),
    );
    return { values, cells, issues };
  }
  const nameCol = table.columns.get(headerKey("Setting"))!;
  const valueCol = table.columns.get(headerKey("Value"))!;
  for (let row = table.firstDataRow; row <= table.lastRow; row++) {
    const nameCell = cellAt(grid, row, nameCol);
    const raw = cellAt(grid, row, valueCol);
    if (blankSetting(nameCell) && blankSetting(raw)) continue;
    const name = typeof nameCell === "string" ? nameCell.trim() : String(nameCell ?? "");
    const def = DEFINITION_BY_NAME.get(settingNameKey(name));
    const at = { row, col: valueCol, column: "Value" };
    if (!def) {
      const known = SETTING_DEFINITIONS.map((d) => `"${d.name}"`).join(", ");
      issues.push(
        settingsIssue(
          "setting-unknown",
          "info",
          sheet,
          { row, col: nameCol, column: "Setting" },
          nameCell,
          `"${name}" is not a setting the add-in reads, so it is ignored. The settings are ${known}.`,
        ),
      );
      continue;
    }
    if (cells.has(def.key)) {
      const first = cells.get(def.key)!;
      issues.push(
        settingsIssue(
          "setting-duplicate",
          "warning",
          sheet,
          at,
          raw,
          `"${def.name}" appears again here; the first one (row ${first.row}) is used. Delete one of the two rows.`,
        ),
      );
      continue;
    }
    cells.set(def.key, { row, col: valueCol, raw });
    if (blankSetting(raw)) {
      if (!BLANK_IS_A_CHOICE.has(def.key)) {
        issues.push(
          settingsIssue(
            "setting-blank",
            "info",
            sheet,
            at,
            raw,
            `"${def.name}" is blank, so its default ${JSON.stringify(def.defaultValue)} is used. Enter ${def.expected} to change it.`,
          ),
        );
      }
      continue;
    }
    const parsed = def.schema.safeParse(raw);
    if (parsed.success) {
      values[def.key] = parsed.data as number | string;
    } else {
      issues.push(
        settingsIssue(
          "setting-invalid",
          "warning",
          sheet,
          at,
          raw,
          `"${def.name}" must be ${def.expected}; the default ${JSON.stringify(def.defaultValue)} is used until the cell is corrected.`,
          String(def.defaultValue),
        ),
      );
    }
  }
  for (const d of SETTING_DEFINITIONS) {
    if (!cells.has(d.key)) {
      issues.push(
        settingsIssue(
          "setting-missing",
          "info",
          sheet,
          null,
          "",
          `The ${sheet} sheet has no "${d.name}" row, so its default ${JSON.stringify(d.defaultValue)} is used. Run "Set up" to add the row.`,
        ),
      );
    }
  }
  checkTogether(values, cells, sheet, issues);
  return { values, cells, issues };
}

/** Rules that involve two settings at once; each falls back to the defaults and says so. */
function checkTogether(values: SettingValues, cells: SettingCells, sheet: string, issues: Issue[]): void {
  const at = (key: SettingKey) => {
    const c = cells.get(key);
    return c ? { row: c.row, col: c.col, column: "Value" } : null;
  };
  const weightKeys: SettingKey[] = ["weightNeed", "weightValueAdded", "weightEngagement"];
  if (weightKeys.every((k) => Number(values[k]) === 0)) {
    const defaults = defaultSettingValues();
    for (const k of weightKeys) values[k] = defaults[k];
    issues.push(
      settingsIssue(
        "settings-weights-zero",
        "warning",
        sheet,
        at("weightNeed"),
        0,
        `The three weights (need, value added, engagement) are all 0, so no activity could be told apart; the default weights ${weightKeys.map((k) => defaults[k]).join(", ")} are used. Give at least one weight a value above 0.`,
      ),
    );
  }
  if (Number(values.bandMedium) >= Number(values.bandHigh)) {
    const defaults = defaultSettingValues();
    const shown = `${values.bandMedium} / ${values.bandHigh}`;
    values.bandHigh = defaults.bandHigh;
    values.bandMedium = defaults.bandMedium;
    issues.push(
      settingsIssue(
        "settings-bands-order",
        "warning",
        sheet,
        at("bandMedium"),
        shown,
        `"${definitionFor("bandMedium").name}" must be below "${definitionFor("bandHigh").name}"; the default bands (Medium from ${defaults.bandMedium}, High from ${defaults.bandHigh}) are used until they are corrected.`,
      ),
    );
  }
  const funds = cells.get("availableFundsUsd");
  // Only an explicit 0: a blank, missing or invalid cell already has its own issue.
  if (funds && !blankSetting(funds.raw) && Number(values.availableFundsUsd) === 0 && def0(funds.raw)) {
    issues.push(
      settingsIssue(
        "funds-zero",
        "info",
        sheet,
        at("availableFundsUsd"),
        0,
        `Available funds are 0, so the funding line recommends no activity. Enter the money available (USD) in "${definitionFor("availableFundsUsd").name}".`,
      ),
    );
  }
}

/** The cell really says 0 (not an invalid value that fell back to the default 0). */
function def0(raw: CellValue): boolean {
  return definitionFor("availableFundsUsd").schema.safeParse(raw).success;
}
