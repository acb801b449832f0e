/**
 * The summary tables as sheet tables: names (TABLES), titles, column headers, number formats and
 * widths, and each typed row turned into cell values. Headers here are the stable column names that
 * PivotTables, Power Query and Power BI bind to: change one and every report built on it breaks.
 */
import type { CellValue } from "../grid";
import { TABLES } from "../layout/sheet-names";
import type { Summaries } from "./build";
import type { CoverageRow } from "./coverage";
import { factCells, factSourceOf, type FactRow } from "./facts";
import type { AgencyRollupRow, CountryRollupRow, HierarchyRollupRow, Measures, YearRollupRow } from "./rollups";

export const FORMATS = {
  usd: "#,##0.00",
  percent: "0.0%",
  share: "0.000000",
  date: "yyyy-mm-dd",
  score: "0.0",
  count: "0",
  text: "@",
} as const;

export interface ColumnSpec<R> {
  header: string;
  value: (r: R) => CellValue;
  format: string | null;
  /** Width in characters. */
  width: number;
  /**
   * The value is the same on every fact row of one activity (its ID, codes, status, score...): tblFacts
   * computes it once per activity and copies it to the activity's other rows.
   */
  perActivity?: boolean;
}

export interface TableSpec<R> {
  name: string;
  title: string;
  columns: readonly ColumnSpec<R>[];
}

export interface RenderedTable {
  name: string;
  title: string;
  headers: string[];
  formats: (string | null)[];
  widths: number[];
  rows: CellValue[][];
}

/** Empty text is an empty cell, never a zero-length string a pivot would show as a separate item. */
const text = (s: string): CellValue => (s === "" ? null : s);

function col<R>(header: string, value: (r: R) => CellValue, format: string | null, width: number): ColumnSpec<R> {
  return { header, value, format, width };
}

/** A facts column whose value depends on the activity alone (see ColumnSpec.perActivity). */
function act(
  header: string,
  value: (r: FactRow) => CellValue,
  format: string | null,
  width: number,
): ColumnSpec<FactRow> {
  return { header, value, format, width, perActivity: true };
}

export const FACT_COLUMNS: readonly ColumnSpec<FactRow>[] = [
  act("ID", (r) => text(r.id), FORMATS.text, 12),
  act("Activity", (r) => text(r.activity), null, 40),
  act("Outcome", (r) => text(r.outcome), FORMATS.text, 9),
  act("Outcome title", (r) => text(r.outcomeTitle), null, 32),
  act("Sub-outcome", (r) => text(r.subOutcome), FORMATS.text, 12),
  act("Sub-outcome title", (r) => text(r.subOutcomeTitle), null, 32),
  act("Approach", (r) => text(r.approach), FORMATS.text, 10),
  act("Approach title", (r) => text(r.approachTitle), null, 40),
  col("Lead agency", (r) => text(r.leadAgency), null, 18),
  act("Level", (r) => text(r.level), null, 13),
  col("Country (ISO3)", (r) => text(r.country), FORMATS.text, 14),
  col("Country name", (r) => text(r.countryName), null, 24),
  col("Region", (r) => text(r.region), null, 16),
  act("Status", (r) => text(r.status), null, 12),
  act("Stage", (r) => text(r.stage), null, 15),
  col("Period", (r) => r.period, FORMATS.text, 10),
  col("Period start", (r) => r.periodStart, FORMATS.date, 12),
  col("Year", (r) => r.year, FORMATS.count, 7),
  act("Score", (r) => r.score, FORMATS.score, 8),
  act("Band", (r) => r.band, null, 9),
  act("Has errors", (r) => r.hasErrors, null, 10),
  col("Activity share", (r) => r.activityShare, FORMATS.share, 14),
  col("Budget share (USD)", (r) => r.budgetShare, FORMATS.usd, 18),
  col("Funded share (USD)", (r) => r.fundedShare, FORMATS.usd, 18),
  col("Gap share (USD)", (r) => r.gapShare, FORMATS.usd, 16),
  act("Progress", (r) => r.progress, FORMATS.percent, 10),
];

/** The measure columns shared by the roll-ups (money headers depend on whether money is split). */
function statusColumns<R extends Measures>(): ColumnSpec<R>[] {
  return [
    col("With errors", (r) => r.withErrors, FORMATS.count, 11),
    col("Completed", (r) => r.completed, FORMATS.count, 11),
    col("In progress", (r) => r.inProgress, FORMATS.count, 11),
    col("Delayed", (r) => r.delayed, FORMATS.count, 9),
    col("Overdue", (r) => r.overdue, FORMATS.count, 9),
  ];
}

function hierarchyColumns(level: "outcome" | "subOutcome" | "approach"): ColumnSpec<HierarchyRollupRow>[] {
  const name = { outcome: "Outcome", subOutcome: "Sub-outcome", approach: "Approach" }[level];
  const parents: ColumnSpec<HierarchyRollupRow>[] = [];
  if (level === "approach") parents.push(col("Sub-outcome", (r) => text(r.subOutcome), FORMATS.text, 12));
  if (level !== "outcome") parents.push(col("Outcome", (r) => text(r.outcome), FORMATS.text, 9));
  return [
    col(name, (r) => r.code, FORMATS.text, 12),
    col(`${name} title`, (r) => text(r.title), null, 40),
    // Money right after the title so that title-to-gap is one block a chart can take as it is.
    col("Budget (USD)", (r) => r.budgetUsd, FORMATS.usd, 16),
    col("Funded (USD)", (r) => r.fundedUsd, FORMATS.usd, 16),
    col("Gap (USD)", (r) => r.gapUsd, FORMATS.usd, 16),
    ...parents,
    col("Activities", (r) => r.activities, FORMATS.count, 10),
    ...statusColumns<HierarchyRollupRow>().slice(0, 2),
    col("Completed %", (r) => r.completedPct, FORMATS.percent, 12),
    ...statusColumns<HierarchyRollupRow>().slice(2),
    col("Cancelled", (r) => r.cancelled, FORMATS.count, 10),
    col("Progress (by budget)", (r) => r.progressByBudget, FORMATS.percent, 12),
    col("Progress (by count)", (r) => r.progressByCount, FORMATS.percent, 12),
    col("Mean score", (r) => r.meanScore, FORMATS.score, 10),
  ];
}

function shareColumns<R extends Measures>(): ColumnSpec<R>[] {
  return [
    col("Activities", (r) => r.activities, FORMATS.count, 10),
    col("Activity share", (r) => r.activityShare, FORMATS.share, 14),
    col("Budget share (USD)", (r) => r.budgetUsd, FORMATS.usd, 18),
    col("Funded share (USD)", (r) => r.fundedUsd, FORMATS.usd, 18),
    col("Gap share (USD)", (r) => r.gapUsd, FORMATS.usd, 16),
  ];
}

function tailColumns<R extends Measures>(): ColumnSpec<R>[] {
  return [
    col("Progress (by budget)", (r) => r.progressByBudget, FORMATS.percent, 12),
    col("Mean score", (r) => r.meanScore, FORMATS.score, 10),
  ];
}

export const BY_OUTCOME: TableSpec<HierarchyRollupRow> = {
  name: TABLES.byOutcome,
  title: "By outcome",
  columns: hierarchyColumns("outcome"),
};
export const BY_SUB_OUTCOME: TableSpec<HierarchyRollupRow> = {
  name: TABLES.bySubOutcome,
  title: "By sub-outcome",
  columns: hierarchyColumns("subOutcome"),
};
export const BY_APPROACH: TableSpec<HierarchyRollupRow> = {
  name: TABLES.byApproach,
  title: "By approach",
  columns: hierarchyColumns("approach"),
};

export const BY_AGENCY: TableSpec<AgencyRollupRow> = {
  name: TABLES.byAgency,
  title: "By lead agency (joint activities count for each lead; money and shares split between them)",
  columns: [
    col("Lead agency", (r) => r.agency, null, 18),
    ...shareColumns<AgencyRollupRow>(),
    ...statusColumns<AgencyRollupRow>(),
    ...tailColumns<AgencyRollupRow>(),
  ],
};

export const BY_COUNTRY: TableSpec<CountryRollupRow> = {
  name: TABLES.byCountry,
  title: "By country (multi-country activities count for each country; money and shares split between them)",
  columns: [
    col("Country (ISO3)", (r) => r.iso3, FORMATS.text, 14),
    col("Country name", (r) => text(r.name), null, 24),
    col("Region", (r) => text(r.region), null, 16),
    col("Priority", (r) => r.priority, null, 9),
    ...shareColumns<CountryRollupRow>(),
    ...statusColumns<CountryRollupRow>(),
    ...tailColumns<CountryRollupRow>(),
  ],
};

export const BY_YEAR: TableSpec<YearRollupRow> = {
  name: TABLES.byYear,
  title: "By year (an activity counts in every year it runs; money split by its days in each year)",
  columns: [
    col("Year", (r) => r.year, FORMATS.count, 10),
    ...shareColumns<YearRollupRow>(),
    ...tailColumns<YearRollupRow>(),
  ],
};

export const COVERAGE: TableSpec<CoverageRow> = {
  name: TABLES.coverage,
  title:
    "Coverage: approaches and priority countries with no activity (rows with errors and cancelled rows do not count)",
  columns: [
    col("Kind", (r) => r.kind, null, 32),
    col("Code", (r) => r.code, FORMATS.text, 10),
    col("Name", (r) => r.name, null, 48),
    col("Detail", (r) => r.detail, null, 40),
  ],
};

export const FACTS: TableSpec<FactRow> = {
  name: TABLES.facts,
  title: "Facts: one row per activity x country x lead agency x period (the source for Insert > PivotTable)",
  columns: FACT_COLUMNS,
};

/** One row's cells: a fresh array per row (the values op keeps it), strings and numbers as the row has them. */
function cellsOf<R>(cols: readonly ColumnSpec<R>[], r: R): CellValue[] {
  const cells: CellValue[] = new Array(cols.length);
  for (let j = 0; j < cols.length; j++) cells[j] = cols[j]!.value(r);
  return cells;
}

function rendered<R>(spec: TableSpec<R>, rows: CellValue[][]): RenderedTable {
  const cols = spec.columns;
  return {
    name: spec.name,
    title: spec.title,
    headers: cols.map((c) => c.header),
    formats: cols.map((c) => c.format),
    widths: cols.map((c) => c.width),
    rows,
  };
}

export function renderTable<R>(spec: TableSpec<R>, rows: readonly R[]): RenderedTable {
  const out: CellValue[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = cellsOf(spec.columns, rows[i]!);
  return rendered(spec, out);
}

/** A table not yet turned into cells: layout needs only its spec and row count. */
export interface PendingTable {
  name: string;
  title: string;
  headers: string[];
  widths: number[];
  rowCount: number;
  render: () => RenderedTable;
}

function pending<R>(spec: TableSpec<R>, rows: readonly R[]): PendingTable {
  return {
    name: spec.name,
    title: spec.title,
    headers: spec.columns.map((c) => c.header),
    widths: spec.columns.map((c) => c.width),
    rowCount: rows.length,
    render: () => renderTable(spec, rows),
  };
}

/** Every table, in the order they appear on the Summaries sheet (facts last: it is the long one). */
export function summaryTables(s: Summaries): PendingTable[] {
  return [
    pending(BY_OUTCOME, s.byOutcome),
    pending(BY_SUB_OUTCOME, s.bySubOutcome),
    pending(BY_APPROACH, s.byApproach),
    pending(BY_AGENCY, s.byAgency),
    pending(BY_COUNTRY, s.byCountry),
    pending(BY_YEAR, s.byYear),
    pending(COVERAGE, s.coverage),
    factsTable(s),
  ];
}

/**
 * tblFacts, made straight from the summaries' digests when they have them (buildSummaries): one array
 * of cells per row, each row object dropped as soon as its cells are read, so the values block is the
 * only copy of the ~650,000 rows of a 100,000-activity plan. A Summaries put together by hand (tests)
 * has no source and renders its own `facts`.
 */
function factsTable(s: Summaries): PendingTable {
  const source = factSourceOf(s);
  if (!source) return pending(FACTS, s.facts);
  return {
    ...pending(FACTS, []),
    rowCount: source.count,
    render: () => rendered(FACTS, factCells(source, factRowCells())),
  };
}

/**
 * One fact row's cells, the columns that depend on the activity alone (perActivity) computed on its
 * first row and copied to its other rows: an activity has ~5 rows and 15 of the 26 columns are its own.
 */
function factRowCells(): (row: FactRow, first: boolean) => CellValue[] {
  const cols = FACTS.columns;
  const own = cols.flatMap((c, j) => (c.perActivity ? [] : [j]));
  const shared = cols.flatMap((c, j) => (c.perActivity ? [j] : []));
  let template: CellValue[] = new Array<CellValue>(cols.length).fill(null);
  return (row, first) => {
    if (first) {
      template = new Array<CellValue>(cols.length).fill(null);
      for (const j of shared) template[j] = cols[j]!.value(row);
    }
    const cells = template.slice();
    for (const j of own) cells[j] = cols[j]!.value(row);
    return cells;
  };
}

export function renderSummaries(s: Summaries): RenderedTable[] {
  return summaryTables(s).map((t) => t.render());
}
