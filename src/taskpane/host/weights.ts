/**
 * The Prioritise panel's weights, bound to the Settings sheet: read them (with the sheet's own problems)
 * and write back only the weight cells the user saved. Other settings and every other cell stay as typed.
 */
import { SHEETS } from "../../core/layout/sheet-names";
import { parseSettings, settingValueChanges, type SettingKey, type Weights } from "../../core/settings";
import type { ApplyOptions, ApplyReport, WorkbookPort } from "../../ports/workbook-port";
import type { WeightsState } from "./plan-host";

/** Which Settings row holds each weight. */
export const WEIGHT_SETTING: Readonly<Record<keyof Weights, SettingKey>> = {
  need: "weightNeed",
  valueAdded: "weightValueAdded",
  engagement: "weightEngagement",
  priorityBonus: "priorityBonus",
};

async function readSettingsGrid(port: WorkbookPort) {
  const names = (await port.listSheets()).map((s) => s.name);
  return names.includes(SHEETS.settings) ? port.readSheet(SHEETS.settings) : null;
}

export async function readWeights(port: WorkbookPort): Promise<WeightsState> {
  const grid = await readSettingsGrid(port);
  const { settings, issues } = parseSettings(grid, null);
  return {
    weights: { ...settings.weights },
    issues: issues.filter((i) => i.sheet === SHEETS.settings),
    fromSheet: grid !== null,
  };
}

export async function saveWeights(
  port: WorkbookPort,
  weights: Weights,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const grid = await readSettingsGrid(port);
  const updates = new Map<SettingKey, number>();
  for (const key of Object.keys(WEIGHT_SETTING) as (keyof Weights)[]) updates.set(WEIGHT_SETTING[key], weights[key]);
  return port.apply(settingValueChanges(grid, updates), options);
}
