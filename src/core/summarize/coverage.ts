/**
 * The plan's coverage: approaches and priority countries that no activity serves. An activity counts
 * when it has no validation errors and is not cancelled: a cancelled or broken row covers nothing yet.
 */
import { fitCellText } from "../cell-text";
import type { ActivityDigest } from "./digest";
import type { CountryInfo, FrameworkLike } from "./input";

export const COVERAGE_KINDS = {
  approach: "Approach with no activity",
  country: "Priority country with no activity",
} as const;

export interface CoverageRow {
  kind: (typeof COVERAGE_KINDS)[keyof typeof COVERAGE_KINDS];
  code: string;
  name: string;
  /** Where it sits (outcome and sub-outcome, or region), and rows that would count once fixed. */
  detail: string;
}

function counts(d: ActivityDigest): boolean {
  return !d.hasErrors && d.status !== "Cancelled";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function coverageRows(
  digests: readonly ActivityDigest[],
  framework: FrameworkLike,
  countries: readonly CountryInfo[],
): CoverageRow[] {
  const approachCovered = new Set<string>();
  const countryCovered = new Set<string>();
  const approachPending = new Map<string, number>();
  const countryPending = new Map<string, number>();
  for (let i = 0; i < digests.length; i++) {
    const d = digests[i]!;
    if (counts(d)) {
      approachCovered.add(d.approach);
      for (const c of d.countries) countryCovered.add(c);
    } else {
      approachPending.set(d.approach, (approachPending.get(d.approach) ?? 0) + 1);
      for (const c of d.countries) countryPending.set(c, (countryPending.get(c) ?? 0) + 1);
    }
  }
  const pendingNote = (n: number | undefined) => (n ? `; ${plural(n, "activity")} with errors or cancelled` : "");
  const rows: CoverageRow[] = [];
  for (const a of framework.approaches) {
    if (approachCovered.has(a.code)) continue;
    const sub = a.subOutcome ?? a.code.split(".").slice(0, 2).join(".");
    const out = a.outcome ?? a.code.split(".")[0]!;
    rows.push({
      kind: COVERAGE_KINDS.approach,
      code: a.code,
      name: a.title,
      detail: fitCellText(`Outcome ${out}, sub-outcome ${sub}${pendingNote(approachPending.get(a.code))}`),
    });
  }
  const priority = countries.filter((c) => c.priority).sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  const seen = new Set<string>();
  for (const c of priority) {
    const iso3 = c.iso3.toUpperCase();
    if (seen.has(iso3) || countryCovered.has(iso3)) continue;
    seen.add(iso3);
    rows.push({
      kind: COVERAGE_KINDS.country,
      code: iso3,
      name: c.name || iso3,
      // The region is the user's text and may be as long as a cell allows: the note after it must fit too.
      detail: fitCellText(`${c.region || "Region not set"}${pendingNote(countryPending.get(iso3))}`),
    });
  }
  return rows;
}
