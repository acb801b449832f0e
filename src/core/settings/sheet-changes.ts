/**
 * Writing the Settings and Countries sheets as Excel tables. This repairs, never resets: every row a
 * user already has stays as it is (a value changes only when `current` says so, i.e. the user changed
 * it in the task pane), missing settings are appended, and the tables are resized over the result.
 * Running it on its own output changes nothing.
 */
import { changeSet, type ChangeOp, type ChangeSet } from "../changeset";
import { cellAddress, cellAt, rangeAddress, type CellValue, type Grid } from "../grid";
import { SHEETS, TABLES } from "../layout/sheet-names";
import { COUNTRIES } from "../reference";
import { SETTING_DEFINITIONS, blankSetting, settingNameKey, DEFINITION_BY_NAME, type SettingKey } from "./definitions";
import { COUNTRY_HEADERS } from "./parse-countries-table";
import { parseSettingsTable } from "./parse-settings-table";
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

export function settingsSheetChanges(current?: Settings, existing: ExistingSettingsSheets = {}): ChangeSet {
  return changeSet(settingsOps(current, existing.settingsGrid ?? null), countriesOps(current, existing.countriesGrid ?? null));
}

function valueOf(key: SettingKey, s: Settings): number | string {
  switch (key) {
    case "weightNeed": return s.weights.need;
    case "weightValueAdded": return s.weights.valueAdded;
    case "weightEngagement": return s.weights.engagement;
    case "priorityBonus": return s.weights.priorityBonus;
    case "engagementFloor": return s.engagementFloor;
    case "multiCountryEngagement": return s.multiCountryEngagement;
    case "bandHigh": return s.bands.high;
    case "bandMedium": return s.bands.medium;
    case "availableFundsUsd": return s.availableFundsUsd;
    case "periodMonths": return s.periodMonths;
    case "rankSensitivityPlaces": return s.rankSensitivityPlaces;
    case "importDateOrder": return s.importDateOrder;
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

function settingsOps(current: Settings | undefined, grid: Grid | null): ChangeOp[] {
  const sheet = SHEETS.settings;
  const ops: ChangeOp[] = [{ kind: "ensureSheet", sheet }];
  const found = grid ? findTable(grid, ["Setting", "Value"]) : null;
  let headerRow: number;
  let left: number;
  let lastRow: number;
  if (!found || !grid) {
    headerRow = newTableRow(grid);
    left = 1;
    const rows: CellValue[][] = [[...SETTINGS_HEADERS]];
    SETTING_DEFINITIONS.forEach((d) => rows.push([d.name, current ? valueOf(d.key, current) : d.defaultValue, d.description]));
    ops.push({ kind: "values", sheet, at: cellAddress(headerRow, left), values: rows });
    SETTING_DEFINITIONS.forEach((d, i) => d.format && ops.push({ kind: "numberFormat", sheet, range: cellAddress(headerRow + 1 + i, left + 1), format: d.format }));
    lastRow = headerRow + SETTING_DEFINITIONS.length;
  } else {
    headerRow = found.headerRow;
    const nameCol = found.columns.get(headerKey("Setting"))!;
    const valueCol = found.columns.get(headerKey("Value"))!;
    left = nameCol;
    let descCol = found.columns.get(headerKey("Description"));
    if (descCol === undefined) {
      descCol = valueCol + 1;
      if (blankSetting(cellAt(grid, headerRow, descCol))) ops.push({ kind: "values", sheet, at: cellAddress(headerRow, descCol), values: [["Description"]] });
    }
    lastRow = lastFilledRow(grid, found.firstDataRow, Math.min(nameCol, valueCol), Math.max(valueCol, descCol));
    const present = new Set<SettingKey>();
    const parsed = parseSettingsTable(grid);
    for (let r = found.firstDataRow; r <= lastRow; r++) {
      const name = cellAt(grid, r, nameCol);
      const def = typeof name === "string" ? DEFINITION_BY_NAME.get(settingNameKey(name)) : undefined;
      if (!def || present.has(def.key)) continue;
      present.add(def.key);
      if (blankSetting(cellAt(grid, r, descCol))) ops.push({ kind: "values", sheet, at: cellAddress(r, descCol), values: [[def.description]] });
      // The user's value stays unless the caller passes a different one on purpose (the pane's weights).
      if (current) {
        const want = valueOf(def.key, current);
        if (parsed.values[def.key] !== want || parsed.issues.some((i) => i.row === r && i.code === "setting-invalid")) {
          ops.push({ kind: "values", sheet, at: cellAddress(r, valueCol), values: [[want]] });
        }
      }
    }
    for (const d of SETTING_DEFINITIONS) {
      if (present.has(d.key)) continue;
      lastRow += 1;
      const row: CellValue[] = [];
      row[nameCol - left] = d.name;
      row[valueCol - left] = current ? valueOf(d.key, current) : d.defaultValue;
      row[descCol - left] = d.description;
      ops.push({ kind: "values", sheet, at: cellAddress(lastRow, left), values: [Array.from(row, (v) => v ?? null)] });
      if (d.format) ops.push({ kind: "numberFormat", sheet, range: cellAddress(lastRow, valueCol), format: d.format });
    }
  }
  ops.push(
    { kind: "style", sheet, range: rangeAddress(headerRow, left, 1, 3), style: HEADER_STYLE },
    { kind: "table", sheet, name: TABLES.settings, range: rangeAddress(headerRow, left, lastRow - headerRow + 1, 3) },
    { kind: "columns", sheet, widths: [34, 14, 90], from: left },
    { kind: "style", sheet, range: rangeAddress(headerRow + 1, left + 2, Math.max(1, lastRow - headerRow), 1), style: { wrap: true } },
  );
  // The two short lists behind the Countries drop-downs, beside the settings table.
  const listCol = left + 4;
  ops.push(
    { kind: "values", sheet, at: cellAddress(headerRow, listCol), values: [["Y/N list", "1-5 list"], ["Y", 1], ["N", 2], [null, 3], [null, 4], [null, 5]] },
    { kind: "style", sheet, range: rangeAddress(headerRow, listCol, 1, 2), style: HEADER_STYLE },
    { kind: "name", name: LIST_NAMES.yesNo, sheet, range: rangeAddress(headerRow + 1, listCol, 2, 1) },
    { kind: "name", name: LIST_NAMES.oneToFive, sheet, range: rangeAddress(headerRow + 1, listCol + 1, 5, 1) },
  );
  return ops;
}

function countryRow(c: Pick<CountrySetting, "iso3" | "name" | "region" | "priority" | "need" | "engagement">): CellValue[] {
  return [c.iso3, c.name, c.region, c.priority ? "Y" : "N", c.need, c.engagement];
}

function defaultCountries(): CountrySetting[] {
  return [...COUNTRIES]
    .sort((a, b) => (a.nameEn < b.nameEn ? -1 : a.nameEn > b.nameEn ? 1 : 0))
    .map((c) => ({ iso3: c.iso3, name: c.nameEn, region: c.region, priority: false, need: null, engagement: null, row: null }));
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
    ops.push({ kind: "values", sheet, at: cellAddress(headerRow, left), values: [[...COUNTRY_HEADERS], ...list.map(countryRow)] });
    lastRow = headerRow + list.length;
  } else {
    headerRow = found.headerRow;
    left = found.columns.get(headerKey("ISO3"))!;
    // Missing headers are written only into blank header cells, in the canonical order.
    COUNTRY_HEADERS.forEach((h, i) => {
      if (!found.columns.has(headerKey(h)) && blankSetting(cellAt(grid, headerRow, left + i))) ops.push({ kind: "values", sheet, at: cellAddress(headerRow, left + i), values: [[h]] });
    });
    lastRow = lastFilledRow(grid, found.firstDataRow, left, left + width - 1);
    if (current) {
      // Only what the caller changed on purpose: rows for countries that the table does not have yet.
      const have = new Set<string>();
      for (let r = found.firstDataRow; r <= lastRow; r++) {
        const v = cellAt(grid, r, left);
        if (typeof v === "string") have.add(v.trim().toUpperCase());
      }
      const add = current.countries.filter((c) => !have.has(c.iso3));
      if (add.length > 0) {
        ops.push({ kind: "values", sheet, at: cellAddress(lastRow + 1, left), values: add.map(countryRow) });
        lastRow += add.length;
      }
    }
  }
  const dataRows = Math.max(1, lastRow - headerRow);
  ops.push(
    { kind: "style", sheet, range: rangeAddress(headerRow, left, 1, width), style: HEADER_STYLE },
    { kind: "table", sheet, name: TABLES.countries, range: rangeAddress(headerRow, left, lastRow - headerRow + 1, width) },
    { kind: "columns", sheet, widths: [8, 36, 28, 22, 12, 16], from: left },
    { kind: "freeze", sheet, rows: headerRow, cols: 0 },
    { kind: "numberFormat", sheet, range: rangeAddress(headerRow + 1, left + 4, dataRows, 2), format: "0" },
    listValidation(sheet, rangeAddress(headerRow + 1, left + 3, dataRows, 1), LIST_NAMES.yesNo, "Y for a priority country with an ICCWC roadmap, N otherwise."),
    listValidation(sheet, rangeAddress(headerRow + 1, left + 4, dataRows, 2), LIST_NAMES.oneToFive, "A whole number from 1 (lowest) to 5 (highest), or blank."),
  );
  return ops;
}

function listValidation(sheet: string, range: string, name: string, prompt: string): ChangeOp {
  return { kind: "listValidation", sheet, range, source: `=${name}`, allowBlank: true, errorStyle: "stop", prompt, error: prompt };
}
