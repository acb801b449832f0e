/** Build ParsedActivities for scoring tests without the parser: one record per activity row. */
import { ACTIVITY_COLUMNS, type ActivityKey } from "../../src/core/activity/columns";
import type { ParsedActivities, ParsedCell, ParsedRow } from "../../src/core/activity/parsed";
import type { ActivityRecord } from "../../src/core/activity/record";
import { DEFAULT_SETTINGS, type CountrySetting, type Settings } from "../../src/core/settings";

export function record(p: Partial<ActivityRecord>): ActivityRecord {
  return {
    id: "A-1",
    title: "Activity",
    outcome: "1",
    subOutcome: "1.1",
    approach: "1.1.1",
    leadAgencies: ["UNODC"],
    level: "National",
    countries: [],
    stage: "Planning",
    status: "Planned",
    startDate: "2024-01-01",
    endDate: "2024-12-31",
    budgetUsd: null,
    fundedUsd: null,
    progress: 0,
    need: null,
    valueAdded: null,
    engagement: null,
    notes: "",
    ...p,
  };
}

/** Activities on sheet rows 2, 3, ... under a header on row 1 with the canonical columns A..S. */
export function parsedOf(records: Partial<ActivityRecord>[], firstRow = 2): ParsedActivities {
  const columnOf: Partial<Record<ActivityKey, number>> = {};
  ACTIVITY_COLUMNS.forEach((c, i) => (columnOf[c.key] = i + 1));
  const rows: ParsedRow[] = records.map((p, i) => {
    const cells = {} as Record<ActivityKey, ParsedCell>;
    ACTIVITY_COLUMNS.forEach((c, j) => (cells[c.key] = { raw: null, col: j + 1, address: null, problem: null }));
    return { row: firstRow + i, cells, record: record({ id: `A-${i + 1}`, ...p }) };
  });
  return {
    sheet: "Activities",
    headerRow: firstRow - 1,
    columnOf,
    missingColumns: [],
    extraColumns: [],
    duplicateHeaders: [],
    rows,
    blankRows: [],
    problems: [],
  };
}

export function country(iso3: string, name: string, p: Partial<CountrySetting> = {}): CountrySetting {
  return { iso3, name, region: "", priority: false, need: null, engagement: null, row: null, ...p };
}

export function settings(p: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...p,
    weights: { ...DEFAULT_SETTINGS.weights, ...(p.weights ?? {}) },
    bands: { ...DEFAULT_SETTINGS.bands, ...(p.bands ?? {}) },
  };
}
