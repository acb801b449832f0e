/**
 * Settings and Countries: parsed with zod at the edge, every field with a documented default
 * (docs/scoring.md), every fallback reported as an Issue at its cell.
 */
import type { Grid } from "../grid";
import type { Issue } from "../issues";
import { settingsFromValues } from "./defaults";
import { parseCountriesTable } from "./parse-countries-table";
import { parseSettingsTable } from "./parse-settings-table";
import type { Settings } from "./types";

export type {
  Settings,
  Weights,
  WeightKey,
  Bands,
  CountrySetting,
  MultiCountryEngagement,
  ImportDateOrder,
} from "./types";
export { DEFAULT_SETTINGS } from "./defaults";
export { SETTING_DEFINITIONS, type SettingDefinition, type SettingKey } from "./definitions";
export { COUNTRY_HEADERS } from "./parse-countries-table";
export { settingsSheetChanges, settingValueChanges, SETTINGS_HEADERS, LIST_NAMES } from "./sheet-changes";

export function parseSettings(
  settingsGrid: Grid | null,
  countriesGrid: Grid | null,
): { settings: Settings; issues: Issue[] } {
  const table = parseSettingsTable(settingsGrid);
  const countries = parseCountriesTable(countriesGrid);
  return {
    settings: settingsFromValues(table.values, countries.countries),
    issues: [...table.issues, ...countries.issues],
  };
}
