/**
 * buildSummaries: the facts table, the roll-ups and the coverage, from the minimal input of input.ts.
 * Pure and total: bad input becomes an Issue, never an exception.
 */
import type { Issue } from "../issues";
import { coverageRows, type CoverageRow } from "./coverage";
import { buildLookups, digestActivity, type ActivityDigest, type Lookups } from "./digest";
import { appendFacts, factCountOf, setFactSource, type FactRow } from "./facts";
import type { SummaryInput } from "./input";
import { DEFAULT_PERIOD_MONTHS, dayNumber, isValidPeriodMonths } from "./periods";
import {
  factMoney,
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

/** Excel's last row: a facts table longer than this is never written, so its split is not kept. */
const MAX_RECORDED_FACTS = 1_048_576;

function settingIssue(code: string, value: string, message: string): Issue {
  return { code, severity: "warning", sheet: "Settings", row: null, column: null, cell: null, value, message };
}

interface Digested {
  digests: ActivityDigest[];
  lookups: Lookups;
  issues: Issue[];
}

/** One digest per activity, with the settings problems found on the way. */
function digestAll(input: SummaryInput): Digested {
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
  return { digests, lookups, issues };
}

/** The digests (one per activity) and the facts, for callers that need no roll-ups (the bench, tests). */
export function buildFacts(input: SummaryInput): { facts: FactRow[]; digests: ActivityDigest[]; issues: Issue[] } {
  const { digests, lookups, issues } = digestAll(input);
  const facts: FactRow[] = [];
  for (const d of digests) appendFacts(d, lookups, facts);
  return { facts, digests, issues };
}

/**
 * The summaries. `facts` is made on first read and kept: the sheet and the JSON make their cells
 * straight from the digests (see factCells), so a run that only writes the sheet never holds the
 * ~650,000 row objects of a 100,000-activity plan beside its cells.
 */
export function buildSummaries(input: SummaryInput): Summaries {
  const { digests, lookups, issues } = digestAll(input);
  let count = 0;
  for (const d of digests) count += factCountOf(d);
  // The roll-ups split every activity; the split is kept for the facts table's cells (24 bytes a row),
  // unless the table is too long for any sheet and will not be written.
  const splits = count <= MAX_RECORDED_FACTS ? new Float64Array(count * 3) : undefined;
  const money = factMoney(digests, splits);
  let facts: FactRow[] | undefined;
  const summaries: Summaries = {
    asOf: input.asOf,
    generatedOn: input.generatedOn,
    periodMonths: isValidPeriodMonths(input.periodMonths) ? input.periodMonths : DEFAULT_PERIOD_MONTHS,
    get facts(): FactRow[] {
      if (!facts) {
        facts = [];
        for (const d of digests) appendFacts(d, lookups, facts);
      }
      return facts;
    },
    byOutcome: hierarchyRollup("outcome", digests, input.framework),
    bySubOutcome: hierarchyRollup("subOutcome", digests, input.framework),
    byApproach: hierarchyRollup("approach", digests, input.framework),
    byAgency: agencyRollup(digests, money),
    byCountry: countryRollup(digests, money, lookups.country),
    byYear: yearRollup(digests, money),
    coverage: coverageRows(digests, input.framework, input.countries),
    issues,
  };
  setFactSource(summaries, { digests, lookups, count, ...(splits ? { splits } : {}) });
  return summaries;
}
