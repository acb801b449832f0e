/**
 * Need, value added and engagement for one activity: the row's own value when filled, otherwise the
 * values of its countries in tblCountries.
 *
 * Several countries combine this way (docs/scoring.md):
 * - need: the mean of the countries that have one, because the activity serves all of them;
 * - engagement: the minimum by default (Settings can say "mean"), because a multi-country activity
 *   goes only as far as its least committed partner allows, and a mean would let one very engaged
 *   country hide another that is not;
 * - value added: only from the row (the Countries table has no value added: it depends on the activity).
 */
import type { ActivityRecord } from "../activity/record";
import type { CountrySetting, Settings } from "../settings/types";
import type { ResolvedInput, ScoreInputs } from "./types";

/** A Map keyed by ISO3, so a code such as "__proto__" is only ever a key, never a prototype. */
export type CountryIndex = ReadonlyMap<string, CountrySetting>;

export function indexCountries(countries: readonly CountrySetting[]): CountryIndex {
  const m = new Map<string, CountrySetting>();
  for (const c of countries) if (!m.has(c.iso3)) m.set(c.iso3, c);
  return m;
}

function oneToFive(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) && v >= 1 && v <= 5 ? v : null;
}

/** 4 -> "4", 3.5 -> "3.5", 3.6667 -> "3.67": enough digits for a reader to redo the arithmetic. */
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

function fromCountries(
  codes: readonly string[],
  index: CountryIndex,
  pick: (c: CountrySetting) => number | null,
  combine: "mean" | "minimum",
): ResolvedInput | null {
  const found: { name: string; value: number }[] = [];
  for (const code of codes) {
    const c = index.get(code);
    const v = c ? oneToFive(pick(c)) : null;
    if (c && v !== null) found.push({ name: c.name, value: v });
  }
  if (found.length === 0) return null;
  if (found.length === 1) return { value: found[0]!.value, source: found[0]!.name };
  const values = found.map((f) => f.value);
  const value = combine === "minimum" ? Math.min(...values) : values.reduce((a, b) => a + b, 0) / values.length;
  const list = found.map((f) => `${f.name} ${fmt(f.value)}`).join(", ");
  return { value, source: `${combine === "minimum" ? "lowest" : "mean"} of ${list}` };
}

export function resolveInputs(record: ActivityRecord, index: CountryIndex, settings: Settings): ScoreInputs {
  const row = (v: number | null): ResolvedInput | null => {
    const x = oneToFive(v);
    return x === null ? null : { value: x, source: "this row" };
  };
  const priorityCountries: string[] = [];
  for (const code of record.countries) {
    const c = index.get(code);
    if (c?.priority) priorityCountries.push(c.name);
  }
  return {
    need: row(record.need) ?? fromCountries(record.countries, index, (c) => c.need, "mean"),
    valueAdded: row(record.valueAdded),
    engagement:
      row(record.engagement) ??
      fromCountries(record.countries, index, (c) => c.engagement, settings.multiCountryEngagement),
    priorityCountries,
  };
}

export { fmt as formatScoreInput };
