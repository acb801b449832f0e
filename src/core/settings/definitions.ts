/**
 * The rows of tblSettings: one definition per setting, each with its zod schema, its default and the
 * description written beside it in the sheet. Adding a setting is adding a row here (and a field in
 * Settings); the parser and the sheet writer read this list and nothing else.
 */
import { z } from "zod";
import type { CellValue } from "../grid";

export type SettingKey =
  | "weightNeed"
  | "weightValueAdded"
  | "weightEngagement"
  | "engagementFloor"
  | "multiCountryEngagement"
  | "priorityBonus"
  | "bandHigh"
  | "bandMedium"
  | "availableFundsUsd"
  | "periodMonths"
  | "rankSensitivityPlaces"
  | "importDateOrder";

export interface SettingDefinition {
  key: SettingKey;
  /** The text in the Setting column, exactly as written into the sheet. */
  name: string;
  /** Other spellings accepted when reading (compared after lower-casing and dropping punctuation). */
  aliases: string[];
  schema: z.ZodTypeAny;
  /** The value used when the cell is blank or invalid; also the value written into a new row. */
  defaultValue: number | string;
  description: string;
  /** Number format of the Value cell, when it is a number. */
  format?: string;
  /** What a valid value looks like, for the issue message. */
  expected: string;
}

/** Excel hands percentages over as fractions (40% -> 0.4); typed text "40%" or "0,4" is read the same way. */
function numberFromCell(v: unknown): unknown {
  if (typeof v === "number") return v;
  if (typeof v === "boolean" || v === null || v === undefined) return v;
  if (typeof v !== "string") return v;
  const t = v
    .trim()
    .replace(/[\s\u00a0,](?=\d{3}(\D|$))/g, "")
    .replace(/^(USD|US\$|\$)\s*/i, "");
  const pct = /^(-?\d+(?:[.,]\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]!.replace(",", ".")) / 100;
  if (/^-?\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  return v;
}

const num = (min: number, max: number) => z.preprocess(numberFromCell, z.number().finite().min(min).max(max));
const int = (min: number, max: number) => z.preprocess(numberFromCell, z.number().int().min(min).max(max));
const choice = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(values));

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: "weightNeed",
    name: "Weight: need",
    aliases: ["need weight", "weightneed"],
    schema: num(0, 100),
    defaultValue: 0.4,
    format: "0.00",
    expected: "a number from 0 to 100 (weights are relative: each is divided by the sum of the three)",
    description: "How much the greatest need counts (relative to the other two weights).",
  },
  {
    key: "weightValueAdded",
    name: "Weight: value added",
    aliases: ["value added weight", "weightvalueadded"],
    schema: num(0, 100),
    defaultValue: 0.35,
    format: "0.00",
    expected: "a number from 0 to 100 (weights are relative: each is divided by the sum of the three)",
    description: "How much the value ICCWC can add counts (relative to the other two weights).",
  },
  {
    key: "weightEngagement",
    name: "Weight: engagement",
    aliases: ["engagement weight", "weightengagement"],
    schema: num(0, 100),
    defaultValue: 0.25,
    format: "0.00",
    expected: "a number from 0 to 100 (weights are relative: each is divided by the sum of the three)",
    description: "How much the country's engagement and commitment counts (relative to the other two weights).",
  },
  {
    key: "engagementFloor",
    name: "Engagement multiplier at 1/5",
    aliases: ["engagement floor", "engagementfloor"],
    schema: num(0, 1),
    defaultValue: 0.4,
    format: "0.00",
    expected: "a number from 0 to 1",
    description:
      "The whole score is multiplied by this when engagement is 1/5, rising in equal steps to 1 at 5/5, so high need never hides low engagement.",
  },
  {
    key: "multiCountryEngagement",
    name: "Engagement of several countries",
    aliases: ["multi-country engagement", "multicountryengagement"],
    schema: choice(["minimum", "mean"] as const),
    defaultValue: "minimum",
    expected: '"minimum" or "mean"',
    description:
      'For an activity in several countries: "minimum" takes the least engaged country (default), "mean" their average. Need is always the mean.',
  },
  {
    key: "priorityBonus",
    name: "Priority country bonus (points)",
    aliases: ["priority bonus", "prioritybonus"],
    schema: num(0, 50),
    defaultValue: 10,
    format: "0.0",
    expected: "a number of points from 0 to 50",
    description:
      "Points out of 100 added when the activity serves at least one priority country with a roadmap (the other criteria share the rest).",
  },
  {
    key: "bandHigh",
    name: "Band: High from",
    aliases: ["high band", "bandhigh", "high"],
    schema: num(0, 100),
    defaultValue: 70,
    format: "0.0",
    expected: "a score from 0 to 100, above the Medium threshold",
    description: "A score at or above this is High.",
  },
  {
    key: "bandMedium",
    name: "Band: Medium from",
    aliases: ["medium band", "bandmedium", "medium"],
    schema: num(0, 100),
    defaultValue: 45,
    format: "0.0",
    expected: "a score from 0 to 100, below the High threshold",
    description: "A score at or above this (and below High) is Medium; below it, Low.",
  },
  {
    key: "availableFundsUsd",
    name: "Available funds (USD)",
    aliases: ["available funds", "funds", "availablefundsusd"],
    schema: num(0, 1e13),
    defaultValue: 0,
    format: "#,##0",
    expected: "an amount in USD, 0 or more",
    description:
      "Money available to close funding gaps; the funding line recommends the activities that give the highest total score within it.",
  },
  {
    key: "periodMonths",
    name: "Reporting period (months)",
    aliases: ["period months", "reporting period", "periodmonths"],
    schema: z.preprocess(
      numberFromCell,
      z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(12)]),
    ),
    defaultValue: 3,
    format: "0",
    expected: "1, 2, 3, 4, 6 or 12",
    description: "Length of a reporting period in the summaries: 3 means quarters.",
  },
  {
    key: "rankSensitivityPlaces",
    name: "Rank sensitivity (places)",
    aliases: ["rank sensitivity", "ranksensitivityplaces"],
    schema: int(0, 1_000_000),
    defaultValue: 5,
    format: "0",
    expected: "a whole number of places, 0 or more",
    description:
      "An activity whose rank moves by more than this many places when any weight moves by 20% is marked sensitive.",
  },
  {
    key: "importDateOrder",
    name: "Import date order",
    aliases: ["date order", "importdateorder"],
    schema: choice(["day-first", "month-first", ""] as const),
    defaultValue: "",
    expected: '"day-first", "month-first" or blank',
    description:
      'How the import reads dates such as 03/04/2024: "day-first", "month-first", or blank to report them instead of guessing.',
  },
];

/** Lower-case, no punctuation or spaces: "Weight: Need" and "weight need" meet. */
export function settingNameKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Setting name -> definition. A Map, so a name such as "__proto__" finds nothing instead of Object.prototype. */
export const DEFINITION_BY_NAME: ReadonlyMap<string, SettingDefinition> = (() => {
  const m = new Map<string, SettingDefinition>();
  for (const d of SETTING_DEFINITIONS) {
    m.set(settingNameKey(d.name), d);
    for (const a of d.aliases) m.set(settingNameKey(a), d);
  }
  return m;
})();

export function definitionFor(key: SettingKey): SettingDefinition {
  const d = SETTING_DEFINITIONS.find((x) => x.key === key);
  if (!d) throw new Error(`no setting definition for ${key}`); // a programming error, caught by the tests
  return d;
}

/** Is the cell empty, as far as a setting is concerned. */
export function blankSetting(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}
