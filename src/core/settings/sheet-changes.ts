/**
 * Writing the Settings and Countries sheets as Excel tables. This repairs, never resets: every row and
 * value a user already has stays as it is, missing settings are appended, and the tables are resized
 * over the result. `current` gives the values of rows and tables that do not exist yet (a new
 * workbook, the sample plan); an explicit change of a value the user asked for (the pane's weights)
 * goes through settingValueChanges. Running it on its own output changes nothing.
 */
import { changeSet, type ChangeOp, type ChangeSet } from "../changeset";
import { cellAddress, cellAt, gridWidth, rangeAddress, type CellValue, type Grid } from "../grid";
import { SHEETS, TABLES } from "../layout/sheet-names";
import { COUNTRIES } from "../reference";
import { SETTING_DEFINITIONS, blankSetting, settingNameKey, DEFINITION_BY_NAME, type SettingKey } from "./definitions";
import { COUNTRY_HEADERS } from "./parse-countries-table";
import { findTable, headerKey } from "./table-grid";
import type { CountrySetting, Settings } from "./types";

export const SETTINGS_HEADERS = ["Setting", "Value", "Description"] as const;
/** Named ranges that feed the drop-downs of tblCountries. */
export const LIST_NAMES = { yesNo: "lstYesNo", oneToFive: "lstOneToFive" } as const;

const HEADER_STYLE = { bold: true, borderBottom: true } as const;

export interface ExistingSettingsSheets {
  settingsGrid?: Grid | null;
  countriesGrid?: Grid | null;
}

export function settingsSheetChanges(
  current?: Settings,
  existing: ExistingSettingsSheets = {},
  newValues?: ReadonlyMap<SettingKey, number | string>,
): ChangeSet {
  const valueFor = (key: SettingKey, fallback: number | string) =>
    newValues?.get(key) ?? (current ? valueOf(key, current) : fallback);
  return changeSet(
    settingsOps(valueFor, existing.settingsGrid ?? null),
    countriesOps(current, existing.countriesGrid ?? null),
  );
}

function valueOf(key: SettingKey, s: Settings): number | string {
  switch (key) {
    case "weightNeed":
      return s.weights.need;
    case "weightValueAdded":
      return s.weights.valueAdded;
    case "weightEngagement":
      return s.weights.engagement;
    case "priorityBonus":
      return s.weights.priorityBonus;
    case "engagementFloor":
      return s.engagementFloor;
    case "multiCountryEngagement":
      return s.multiCountryEngagement;
    case "bandHigh":
      return s.bands.high;
    case "bandMedium":
      return s.bands.medium;
    case "availableFundsUsd":
      return s.availableFundsUsd;
    case "periodMonths":
      return s.periodMonths;
    case "rankSensitivityPlaces":
      return s.rankSensitivityPlaces;
    case "importDateOrder":
      return s.importDateOrder;
  }
}

/** The last row, from `from` on, with anything in columns [left, right]; `from - 1` when none. */
function lastFilledRow(grid: Grid, from: number, left: number, right: number): number {
  let last = from - 1;
  for (let r = from; r < grid.top + grid.rows.length; r++) {
    for (let c = left; c <= right; c++) if (!blankSetting(cellAt(grid, r, c))) last = r;
  }
  return last;
}

/** Where a new table goes: A1 on an empty sheet, else two rows below what is there (nothing is overwritten). */
function newTableRow(grid: Grid | null): number {
  if (!grid) return 1;
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  const last = lastFilledRow(grid, grid.top, grid.left, grid.left + width - 1);
  return last < grid.top ? 1 : last + 2;
}

function settingsOps(
  valueFor: (key: SettingKey, fallback: number | string) => number | string,
  grid: Grid | null,
): ChangeOp[] {
  const sheet = SHEETS.settings;
  const ops: ChangeOp[] = [{ kind: "ensureSheet", sheet }];
  const found = grid ? findTable(grid, ["Setting", "Value"]) : null;
  let headerRow: number;
  let left: number;
  let width = SETTINGS_HEADERS.length;
  let lastRow: number;
  if (!found || !grid) {
    headerRow = newTableRow(grid);
    left = 1;
    const rows: CellValue[][] = [[...SETTINGS_HEADERS]];
    SETTING_DEFINITIONS.forEach((d) => rows.push([d.name, valueFor(d.key, d.defaultValue), d.description]));
    ops.push({ kind: "values", sheet, at: cellAddress(headerRow, left), values: rows });
    SETTING_DEFINITIONS.forEach(
      (d, i) =>
        d.format &&
        ops.push({ kind: "numberFormat", sheet, range: cellAddress(headerRow + 1 + i, left + 1), format: d.format }),
    );
    lastRow = headerRow + SETTING_DEFINITIONS.length;
  } else {
    headerRow = found.headerRow;
    const nameCol = found.columns.get(headerKey("Setting"))!;
    const valueCol = found.columns.get(headerKey("Value"))!;
    let descCol = found.columns.get(headerKey("Description"));
    if (descCol === undefined) {
      descCol = valueCol + 1;
      if (blankSetting(cellAt(grid, headerRow, descCol)))
        ops.push({ kind: "values", sheet, at: cellAddress(headerRow, descCol), values: [["Description"]] });
    }
    // Users may have moved the columns around; the table spans whatever they span.
    left = Math.min(nameCol, valueCol, descCol);
    width = Math.max(nameCol, valueCol, descCol) - left + 1;
    lastRow = lastFilledRow(grid, found.firstDataRow, left, left + width - 1);
    const present = new Set<SettingKey>();
    for (let r = found.firstDataRow; r <= lastRow; r++) {
      const name = cellAt(grid, r, nameCol);
      const def = typeof name === "string" ? DEFINITION_BY_NAME.get(settingNameKey(name)) : undefined;
      if (!def || present.has(def.key)) continue;
      present.add(def.key);
      // The user's value is never touched here (settingValueChanges is the explicit way); a blank
      // description is only the add-in's text that went missing.
      if (blankSetting(cellAt(grid, r, descCol)))
        ops.push({ kind: "values", sheet, at: cellAddress(r, descCol), values: [[def.description]] });
    }
    for (const d of SETTING_DEFINITIONS) {
      if (present.has(d.key)) continue;
      lastRow += 1;
      const row: CellValue[] = [];
      row[nameCol - left] = d.name;
      row[valueCol - left] = valueFor(d.key, d.defaultValue);
      row[descCol - left] = d.description;
      ops.push({ kind: "values", sheet, at: cellAddress(lastRow, left), values: [Array.from(row, (v) => v ?? null)] });
      if (d.format) ops.push({ kind: "numberFormat", sheet, range: cellAddress(lastRow, valueCol), format: d.format });
    }
  }
  ops.push(
    { kind: "style", sheet, range: rangeAddress(headerRow, left, 1, width), style: HEADER_STYLE },
    {
      kind: "table",
      sheet,
      name: TABLES.settings,
      range: rangeAddress(headerRow, left, lastRow - headerRow + 1, width),
    },
  );
  if (width === SETTINGS_HEADERS.length) ops.push({ kind: "columns", sheet, widths: [34, 14, 90], from: left });
  // The two short lists behind the Countries drop-downs, one empty column right of the settings table,
  // or, when the user has put something there, right of everything on the sheet: never over a user cell.
  let listCol = left + width + 1;
  if (grid && !listsFit(grid, headerRow, listCol)) listCol = grid.left + gridWidth(grid) + 1;
  ops.push(
    {
      kind: "values",
      sheet,
      at: cellAddress(headerRow, listCol),
      values: [...LIST_BLOCK.map((r) => [...r])],
    },
    { kind: "style", sheet, range: rangeAddress(headerRow, listCol, 1, 2), style: HEADER_STYLE },
    { kind: "name", name: LIST_NAMES.yesNo, sheet, range: rangeAddress(headerRow + 1, listCol, 2, 1) },
    { kind: "name", name: LIST_NAMES.oneToFive, sheet, range: rangeAddress(headerRow + 1, listCol + 1, 5, 1) },
  );
  return ops;
}

const LIST_BLOCK: readonly (readonly CellValue[])[] = [
  ["Y/N list", "1-5 list"],
  ["Y", 1],
  ["N", 2],
  [null, 3],
  [null, 4],
  [null, 5],
];

/** The list block can go at (row, col): every cell there is empty or already holds the list's own value. */
function listsFit(grid: Grid, row: number, col: number): boolean {
  return LIST_BLOCK.every((r, i) =>
    r.every((want, j) => {
      const have = cellAt(grid, row + i, col + j);
      return blankSetting(have) || have === want;
    }),
  );
}

function countryRow(
  c: Pick<CountrySetting, "iso3" | "name" | "region" | "priority" | "need" | "engagement">,
): CellValue[] {
  return [c.iso3, c.name, c.region, c.priority ? "Y" : "N", c.need, c.engagement];
}

function defaultCountries(): CountrySetting[] {
  return [...COUNTRIES]
    .sort((a, b) => (a.nameEn < b.nameEn ? -1 : a.nameEn > b.nameEn ? 1 : 0))
    .map((c) => ({
      iso3: c.iso3,
      name: c.nameEn,
      region: c.region,
      priority: false,
      need: null,
      engagement: null,
      row: null,
    }));
}

function countriesOps(current: Settings | undefined, grid: Grid | null): ChangeOp[] {
  const sheet = SHEETS.countries;
  const ops: ChangeOp[] = [{ kind: "ensureSheet", sheet }];
  const found = grid ? findTable(grid, ["ISO3"]) : null;
  const width = COUNTRY_HEADERS.length;
  let headerRow: number;
  let left: number;
  let lastRow: number;
  if (!found || !grid) {
    headerRow = newTableRow(grid);
    left = 1;
    const list = current && current.countries.length > 0 ? current.countries : defaultCountries();
    ops.push({
      kind: "values",
      sheet,
      at: cellAddress(headerRow, left),
      values: [[...COUNTRY_HEADERS], ...list.map(countryRow)],
    });
    lastRow = headerRow + list.length;
  } else {
    headerRow = found.headerRow;
    left = found.columns.get(headerKey("ISO3"))!;
    // Missing headers are written only into blank header cells, in the canonical order.
    COUNTRY_HEADERS.forEach((h, i) => {
      if (!found.columns.has(headerKey(h)) && blankSetting(cellAt(grid, headerRow, left + i)))
        ops.push({ kind: "values", sheet, at: cellAddress(headerRow, left + i), values: [[h]] });
    });
    lastRow = lastFilledRow(grid, found.firstDataRow, left, left + width - 1);
    // An existing table is the user's list: rows are never added to or removed from it here.
  }
  const dataRows = Math.max(1, lastRow - headerRow);
  ops.push(
    { kind: "style", sheet, range: rangeAddress(headerRow, left, 1, width), style: HEADER_STYLE },
    {
      kind: "table",
      sheet,
      name: TABLES.countries,
      range: rangeAddress(headerRow, left, lastRow - headerRow + 1, width),
    },
    { kind: "columns", sheet, widths: [8, 36, 28, 22, 12, 16], from: left },
    { kind: "freeze", sheet, rows: headerRow, cols: 0 },
    { kind: "numberFormat", sheet, range: rangeAddress(headerRow + 1, left + 4, dataRows, 2), format: "0" },
    listValidation(
      sheet,
      rangeAddress(headerRow + 1, left + 3, dataRows, 1),
      LIST_NAMES.yesNo,
      "Y for a priority country with an ICCWC roadmap, N otherwise.",
    ),
    listValidation(
      sheet,
      rangeAddress(headerRow + 1, left + 4, dataRows, 2),
      LIST_NAMES.oneToFive,
      "A whole number from 1 (lowest) to 5 (highest), or blank.",
    ),
  );
  return ops;
}

function listValidation(sheet: string, range: string, name: string, prompt: string): ChangeOp {
  return {
    kind: "listValidation",
    sheet,
    range,
    source: `=${name}`,
    allowBlank: true,
    errorStyle: "stop",
    prompt,
    error: prompt,
  };
}

/**
 * The user changed settings on purpose (the task pane's weights): write those values into their cells of
 * tblSettings, appending a row for a setting the table lacks. Other cells are left alone.
 */
export function settingValueChanges(
  settingsGrid: Grid | null,
  updates: ReadonlyMap<SettingKey, number | string>,
): ChangeSet {
  const sheet = SHEETS.settings;
  const found = settingsGrid ? findTable(settingsGrid, ["Setting", "Value"]) : null;
  if (!settingsGrid || !found) {
    // No table yet: build it with the defaults, then the updates land on the new rows.
    const values = new Map(SETTING_DEFINITIONS.map((d) => [d.key, updates.get(d.key) ?? d.defaultValue] as const));
    return settingsSheetChanges(undefined, { settingsGrid, countriesGrid: null }, values);
  }
  const nameCol = found.columns.get(headerKey("Setting"))!;
  const valueCol = found.columns.get(headerKey("Value"))!;
  const ops: ChangeOp[] = [];
  const done = new Set<SettingKey>();
  for (let r = found.firstDataRow; r <= found.lastRow; r++) {
    const name = cellAt(settingsGrid, r, nameCol);
    const def = typeof name === "string" ? DEFINITION_BY_NAME.get(settingNameKey(name)) : undefined;
    if (!def || done.has(def.key)) continue;
    done.add(def.key);
    const v = updates.get(def.key);
    if (v !== undefined) ops.push({ kind: "values", sheet, at: cellAddress(r, valueCol), values: [[v]] });
  }
  const missing = SETTING_DEFINITIONS.filter((d) => !done.has(d.key) && updates.has(d.key));
  if (missing.length === 0) return changeSet(ops);
  // Rows the table lacks: the repair appends them, carrying the updated values.
  const values = new Map(SETTING_DEFINITIONS.map((d) => [d.key, updates.get(d.key) ?? d.defaultValue] as const));
  return changeSet(
    ops,
    settingsSheetChanges(undefined, { settingsGrid, countriesGrid: null }, values).ops.filter(
      (o) => o.sheet !== SHEETS.countries,
    ),
  );
}
