/**
 * The bundled sample plan (samples/sample-plan.json) as rows of the Activities sheet. Values are
 * written as an officer would type them (joint leads and several countries as text in one cell), so
 * that the sample exercises the same parsing and checks as a real plan, planted problems included.
 */
import { z } from "zod";
import { ACTIVITY_COLUMNS, type ActivityKey } from "../activity/columns";
import type { ChangeOp } from "../changeset";
import { cellAddress, type CellValue } from "../grid";
import { ACTIVITY_COLUMN_SPECS } from "./column-specs";
import { COUNTRIES } from "../reference";
import { DEFAULT_SETTINGS, type Settings } from "../settings";
import { SHEETS } from "./sheet-names";

const text = z.string();
const optionalNumber = z.number().finite().nullable().optional();

export const sampleRowSchema = z.object({
  id: text,
  title: text,
  outcome: text.optional(),
  subOutcome: text.optional(),
  approach: text,
  /** As typed in the cell: "INTERPOL; WCO". */
  leadAgencies: text,
  level: text,
  /** As typed in the cell: "Kenya; Tanzania"; "" for a global activity. */
  countries: text,
  stage: text,
  status: text,
  /** "YYYY-MM-DD" (written as an Excel date), or any other text (written as text). */
  startDate: text.nullable(),
  endDate: text.nullable(),
  budgetUsd: optionalNumber,
  fundedUsd: optionalNumber,
  progress: optionalNumber,
  need: optionalNumber,
  valueAdded: optionalNumber,
  engagement: optionalNumber,
  notes: text.optional(),
});
export type SampleRow = z.infer<typeof sampleRowSchema>;

export const samplePlanSchema = z.object({
  title: text,
  suggestedAsOf: text.optional(),
  activities: z.array(sampleRowSchema),
  /** The deliberate problems: the activity ID, the columns where a check should point, and why. */
  plantedProblems: z.array(
    z.object({ id: text, occurrence: z.number().int().positive().optional(), columns: z.array(text), problem: text }),
  ),
  settings: z.object({ availableFundsUsd: z.number().nonnegative().optional() }).default({}),
  countries: z
    .array(
      z.object({
        iso3: z.string().length(3),
        priority: z.boolean(),
        need: z.number().int().min(1).max(5),
        engagement: z.number().int().min(1).max(5),
      }),
    )
    .default([]),
});
export type SamplePlan = z.infer<typeof samplePlanSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Values ops that append the sample rows below `afterRow`, in the sheet's own column order.
 * `toSerial` turns "YYYY-MM-DD" into an Excel serial (dates travel as serials, see core/changeset).
 */
export function sampleActivityChanges(
  rows: readonly SampleRow[],
  columnOf: Partial<Record<string, number>>,
  afterRow: number,
  toSerial: (iso: string) => number | null,
): ChangeOp[] {
  if (rows.length === 0) return [];
  const cols = ACTIVITY_COLUMNS.map((c) => ({
    key: c.key as ActivityKey,
    col: columnOf[c.header],
    format: ACTIVITY_COLUMN_SPECS[c.header].format ?? null,
  }));
  const placed = cols.filter((c): c is { key: ActivityKey; col: number; format: string | null } => c.col !== undefined);
  const first = Math.min(...placed.map((c) => c.col));
  const last = Math.max(...placed.map((c) => c.col));
  const formats: (string | null)[] = new Array<string | null>(last - first + 1).fill(null);
  for (const c of placed) formats[c.col - first] = c.format;
  const values = rows.map((r) => {
    const line: CellValue[] = new Array<CellValue>(last - first + 1).fill(null);
    for (const c of placed) line[c.col - first] = cellFor(r, c.key, toSerial);
    return line;
  });
  return [{ kind: "values", sheet: SHEETS.activities, at: cellAddress(afterRow + 1, first), values, formats }];
}

function cellFor(r: SampleRow, key: ActivityKey, toSerial: (iso: string) => number | null): CellValue {
  const v = r[key];
  if (v === undefined || v === null || v === "") return null;
  if ((key === "startDate" || key === "endDate") && typeof v === "string" && ISO_DATE.test(v)) return toSerial(v) ?? v;
  return v;
}

/**
 * The sample's Settings: defaults, the sample's available funds, and every country with the sample's
 * priority countries, need and engagement filled in (the others blank, as in a new plan).
 */
export function sampleSettings(plan: SamplePlan): Settings {
  const override = new Map(plan.countries.map((c) => [c.iso3, c]));
  const countries = [...COUNTRIES]
    .sort((a, b) => a.nameEn.localeCompare(b.nameEn, "en"))
    .map((c) => {
      const o = override.get(c.iso3);
      return {
        iso3: c.iso3,
        name: c.nameEn,
        region: c.region,
        priority: o?.priority ?? false,
        need: o?.need ?? null,
        engagement: o?.engagement ?? null,
        row: null,
      };
    });
  return {
    ...DEFAULT_SETTINGS,
    availableFundsUsd: plan.settings.availableFundsUsd ?? DEFAULT_SETTINGS.availableFundsUsd,
    countries,
  };
}
