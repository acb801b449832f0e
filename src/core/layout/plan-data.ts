/**
 * The data set up writes, from the loaded 2023-2026 plan and the reference lists. Kept apart from the
 * sheet builders so a test (or the 2027-2030 plan) can pass other data to them.
 */
import type { ChangeOp } from "../changeset";
import type { FrameworkIndex } from "../framework";
import { PLAN_2023_2026 } from "../framework";
import type { Grid } from "../grid";
import { AGENCIES, COUNTRIES, LEVELS, STAGES, STATUSES } from "../reference";
import { settingsSheetChanges, type Settings } from "../settings";
import type { FrameworkSheetData } from "./framework-sheet";
import type { ListsData } from "./lists-sheet";
import type { SetupData } from "./setup-changes";

export function frameworkSheetData(plan: FrameworkIndex = PLAN_2023_2026): FrameworkSheetData {
  const f = plan.framework;
  return {
    title: f.title,
    vision: f.vision,
    impact: f.impact,
    outcomes: f.outcomes,
    subOutcomes: f.subOutcomes,
    approaches: f.approaches,
  };
}

export function listsData(plan: FrameworkIndex = PLAN_2023_2026): ListsData {
  const byName = [...COUNTRIES].sort((a, b) => a.nameEn.localeCompare(b.nameEn, "en"));
  return {
    agencies: [...AGENCIES],
    levels: [...LEVELS],
    stages: [...STAGES],
    statuses: [...STATUSES],
    outcomes: plan.outcomes.map((o) => ({ code: o.code, title: o.title })),
    subOutcomes: plan.subOutcomes.map((o) => ({ code: o.code, title: o.title })),
    approaches: plan.approaches.map((o) => ({ code: o.code, title: o.title })),
    countries: byName.map((c) => ({ name: c.nameEn, iso3: c.iso3 })),
  };
}

/**
 * Everything set up needs for the 2023-2026 plan. `settings` (e.g. the sample's priority countries)
 * is written only into Settings or Countries tables that do not exist yet; existing ones are repaired.
 */
export function defaultSetupData(
  options: {
    settings?: Settings;
    settingsGrid?: Grid | null;
    countriesGrid?: Grid | null;
    extraActivityHeaders?: readonly string[];
  } = {},
): SetupData {
  const settingsSheet = (): ChangeOp[] => [
    ...settingsSheetChanges(options.settings, {
      settingsGrid: options.settingsGrid ?? null,
      countriesGrid: options.countriesGrid ?? null,
    }).ops,
  ];
  return {
    framework: frameworkSheetData(),
    lists: listsData(),
    settingsSheet,
    ...(options.extraActivityHeaders ? { extraActivityHeaders: options.extraActivityHeaders } : {}),
  };
}
