/** The settings used when a workbook has no Settings sheet: every field at its documented default. */
import { SETTING_DEFINITIONS, type SettingKey } from "./definitions";
import type { ImportDateOrder, MultiCountryEngagement, Settings } from "./types";

/** Values by setting key, built from the definitions so the defaults live in one place. */
export type SettingValues = { [K in SettingKey]: number | string };

export function defaultSettingValues(): SettingValues {
  const out = Object.create(null) as SettingValues;
  for (const d of SETTING_DEFINITIONS) out[d.key] = d.defaultValue;
  return out;
}

/** Assemble the Settings object from one value per setting key (already validated). */
export function settingsFromValues(v: SettingValues, countries: Settings["countries"]): Settings {
  return {
    weights: {
      need: Number(v.weightNeed),
      valueAdded: Number(v.weightValueAdded),
      engagement: Number(v.weightEngagement),
      priorityBonus: Number(v.priorityBonus),
    },
    engagementFloor: Number(v.engagementFloor),
    multiCountryEngagement: v.multiCountryEngagement as MultiCountryEngagement,
    bands: { high: Number(v.bandHigh), medium: Number(v.bandMedium) },
    availableFundsUsd: Number(v.availableFundsUsd),
    periodMonths: Number(v.periodMonths),
    rankSensitivityPlaces: Number(v.rankSensitivityPlaces),
    importDateOrder: v.importDateOrder as ImportDateOrder,
    countries,
  };
}

export const DEFAULT_SETTINGS: Settings = settingsFromValues(defaultSettingValues(), []);
