/**
 * buildSummaries: the facts table, the roll-ups and the coverage, from the minimal input of input.ts.
 * Pure and total: bad input becomes an Issue, never an exception.
 */
import type { Issue } from "../issues";
import { coverageRows, type CoverageRow } from "./coverage";
import { buildLookups, digestActivity, type ActivityDigest } from "./digest";
import { appendFacts, type FactRow } from "./facts";
import type { SummaryInput } from "./input";
import { DEFAULT_PERIOD_MONTHS, dayNumber, isValidPeriodMonths } from "./periods";
import {
  agencyRollup,
  countryRollup,
  hierarchyRollup,
  yearRollup,
  type AgencyRollupRow,
  type CountryRollupRow,
  type HierarchyRollupRow,
  type YearRollupRow,
} from "./rollups";

export interface Summaries {
  asOf: string;
  generatedOn: string;
  periodMonths: number;
  facts: FactRow[];
  byOutcome: HierarchyRollupRow[];
  bySubOutcome: HierarchyRollupRow[];
  byApproach: HierarchyRollupRow[];
  byAgency: AgencyRollupRow[];
  byCountry: CountryRollupRow[];
  byYear: YearRollupRow[];
  coverage: CoverageRow[];
  /** Problems with the inputs of the summaries themselves (not the activity rows: see validation). */
  issues: Issue[];
}

function settingIssue(code: string, value: string, message: string): Issue {
  return { code, severity: "warning", sheet: "Settings", row: null, column: null, cell: null, value, message };
}

/** The digests (one per activity) and the facts, for callers that need no roll-ups (the bench, tests). */
export function buildFacts(input: SummaryInput): { facts: FactRow[]; digests: ActivityDigest[]; issues: Issue[] } {
  const issues: Issue[] = [];
  let periodMonths = input.periodMonths;
  if (!isValidPeriodMonths(periodMonths)) {
    issues.push(
      settingIssue(
        "summary-period-invalid",
        String(periodMonths),
        `The reporting period length must be a whole number of months from 1 to 12; the summaries used ${DEFAULT_PERIOD_MONTHS} (quarters). Fix Period months in Settings.`,
      ),
    );
    periodMonths = DEFAULT_PERIOD_MONTHS;
  }
  let asOfDay = dayNumber(input.asOf);
  if (asOfDay === null) {
    issues.push(
      settingIssue(
        "summary-as-of-invalid",
        input.asOf,
        `The as-of date "${input.asOf}" is not a date written YYYY-MM-DD, so no activity is counted as overdue. Give --as-of as YYYY-MM-DD.`,
      ),
    );
    asOfDay = null;
  }
  const lookups = buildLookups(input.framework, input);
  const adjusted = { ...input, periodMonths };
  const digests = input.activities.map((a) => digestActivity(a, adjusted, lookups, asOfDay));
  const facts: FactRow[] = [];
  for (const d of digests) appendFacts(d, lookups, facts);
  return { facts, digests, issues };
}

export function buildSummaries(input: SummaryInput): Summaries {
  const { facts, digests, issues } = buildFacts(input);
  const lookups = buildLookups(input.framework, input);
  return {
    asOf: input.asOf,
    generatedOn: input.generatedOn,
    periodMonths: isValidPeriodMonths(input.periodMonths) ? input.periodMonths : DEFAULT_PERIOD_MONTHS,
    facts,
    byOutcome: hierarchyRollup("outcome", digests, input.framework),
    bySubOutcome: hierarchyRollup("subOutcome", digests, input.framework),
    byApproach: hierarchyRollup("approach", digests, input.framework),
    byAgency: agencyRollup(digests, facts),
    byCountry: countryRollup(digests, facts, lookups.country),
    byYear: yearRollup(digests, facts),
    coverage: coverageRows(digests, input.framework, input.countries),
    issues,
  };
}
