/**
 * The Summaries sheet (and the Excel Dashboard) as a change set. The sheet belongs to the add-in: it is
 * reset and rebuilt on every run, so a table never duplicates and a row that disappeared leaves nothing
 * behind. Tables are stacked, each under a title row and followed by a blank row, never side by side:
 * filtering a table hides whole sheet rows, which would hide rows of a neighbouring table.
 */
import type { ChangeOp, ChangeSet } from "../changeset";
import { cellAddress, columnLetters, rangeAddress, type CellValue } from "../grid";
import type { Issue } from "../issues";
import { SHEETS, TABLES } from "../layout/sheet-names";
import type { Summaries } from "./build";
import { dayNumber, excelSerialOfDay } from "./periods";
import { FORMATS, summaryTables, type PendingTable } from "./tables";

/** Excel's last row. A table that would run past it is not written (see summaryLayout's issues). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const TABLE_STYLE = "TableStyleMedium2";
export const PIVOT_NAME = "ptFactsByOutcome";
export const CHART_NAME = "chBudgetByOutcome";
const HEADER_ROWS = 4;
const TITLE_STYLE = { bold: true, fontSize: 12 } as const;

export interface PlacedTable {
  table: PendingTable;
  /** Sheet row of the title line, of the header row, and of the last data row. */
  titleRow: number;
  headerRow: number;
  lastRow: number;
  /** False when the table would run past Excel's last row: only its title and a message are written. */
  written: boolean;
}

export interface SummaryLayout {
  tables: PlacedTable[];
  /** Column widths of the sheet (the widest need of any table in each column). */
  widths: number[];
  issues: Issue[];
}

export interface SummaryLayoutOptions {
  /**
   * Write tblFacts only up to this many rows (a host or command with a memory budget may lower it);
   * beyond it the table is left out and reported, and the roll-ups are still written.
   * @default EXCEL_MAX_ROWS (what a sheet holds)
   */
  maxFactsRows?: number;
}

/** Where every table goes. Pure, so the use case can report what the change set will do. */
export function summaryLayout(s: Summaries, options: SummaryLayoutOptions = {}): SummaryLayout {
  const maxFactsRows = options.maxFactsRows ?? EXCEL_MAX_ROWS;
  const tables: PlacedTable[] = [];
  const issues: Issue[] = [];
  const widths: number[] = [16, 12, 10, 12, 18, 12];
  let row = HEADER_ROWS + 1;
  for (const table of summaryTables(s)) {
    const titleRow = row;
    const headerRow = row + 1;
    // An Excel table needs at least one data row: an empty table keeps one empty row.
    const lastRow = headerRow + Math.max(table.rowCount, 1);
    const overLimit = table.name === TABLES.facts && table.rowCount > maxFactsRows;
    const written = lastRow <= EXCEL_MAX_ROWS && !overLimit;
    if (!written) {
      const why = overLimit
        ? `more than the ${maxFactsRows} rows this command writes`
        : "more than an Excel sheet holds";
      issues.push({
        code: "summary-table-too-long",
        severity: "warning",
        sheet: SHEETS.summaries,
        row: titleRow,
        column: null,
        cell: cellAddress(titleRow, 1),
        value: String(table.rowCount),
        message: `${table.name} would need ${table.rowCount} rows, ${why}, so it was not written (the roll-ups were). Set a longer reporting period (Period months) in Settings, or use summarize --json.`,
      });
    }
    tables.push({ table, titleRow, headerRow, lastRow: written ? lastRow : headerRow, written });
    table.widths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
    row = (written ? lastRow : headerRow) + 2;
  }
  return { tables, widths, issues };
}

function serialOf(iso: string): CellValue {
  const day = dayNumber(iso);
  return day === null ? iso : excelSerialOfDay(day);
}

function periodText(months: number): string {
  if (months === 3) return "Quarters";
  if (months === 12) return "Years";
  return months === 1 ? "Months" : `${months} months`;
}

export interface SummaryChangeOptions extends SummaryLayoutOptions {
  /** "YYYY-MM-DD", stamped on the sheet. */
  generatedOn: string;
  /** Add the Dashboard (PivotTable and chart, Excel only). @default true */
  dashboard?: boolean;
}

export function summaryChanges(s: Summaries, options: SummaryChangeOptions): ChangeSet {
  const sheet = SHEETS.summaries;
  const layout = summaryLayout(s, options.maxFactsRows !== undefined ? { maxFactsRows: options.maxFactsRows } : {});
  const ops: ChangeOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "resetSheet", sheet },
  ];
  ops.push(
    { kind: "values", sheet, at: "A1", values: [["ICCWC Strategic Action Plan: progress summaries"]] },
    { kind: "style", sheet, range: "A1", style: { bold: true, fontSize: 14 } },
    {
      kind: "values",
      sheet,
      at: "A2",
      values: [
        [
          "Generated on",
          serialOf(options.generatedOn),
          "As of",
          serialOf(s.asOf),
          "Periods",
          periodText(s.periodMonths),
        ],
      ],
      formats: [null, FORMATS.date, null, FORMATS.date, null, null],
    },
    { kind: "style", sheet, range: "A2:F2", style: { italic: true } },
    {
      kind: "values",
      sheet,
      at: "A3",
      values: [
        [
          "Rebuilt on every run: do not type here. Select a table (tblFacts for the detail) and use Insert > PivotTable. Rows with validation errors are counted but their money is not: see Has errors.",
        ],
      ],
    },
  );
  for (const placed of layout.tables) {
    ops.push({ kind: "values", sheet, at: cellAddress(placed.titleRow, 1), values: [[placed.table.title]] });
    ops.push({ kind: "style", sheet, range: cellAddress(placed.titleRow, 1), style: TITLE_STYLE });
    if (!placed.written) {
      const message = `Not written: ${placed.table.rowCount} rows is too many for this sheet (see the command's messages). Set a longer reporting period in Settings, or use summarize --json.`;
      ops.push({ kind: "values", sheet, at: cellAddress(placed.headerRow, 1), values: [[message]] });
      continue;
    }
    const t = placed.table.render();
    const body: CellValue[][] = t.rows.length > 0 ? t.rows : [t.headers.map(() => null)];
    // The header row, then the body's rows (copied by index: a spread of tblFacts's rows goes through
    // the iterator protocol row by row).
    const values = new Array<CellValue[]>(body.length + 1);
    values[0] = t.headers;
    for (let i = 0; i < body.length; i++) values[i + 1] = body[i]!;
    ops.push({
      kind: "values",
      sheet,
      at: cellAddress(placed.headerRow, 1),
      values,
      formats: t.formats,
    });
    ops.push({
      kind: "table",
      sheet,
      name: t.name,
      range: rangeAddress(placed.headerRow, 1, placed.lastRow - placed.headerRow + 1, t.headers.length),
      style: TABLE_STYLE,
    });
  }
  ops.push({ kind: "columns", sheet, widths: layout.widths, from: 1 });
  ops.push({ kind: "freeze", sheet, rows: 2, cols: 0 });
  if (options.dashboard ?? true) ops.push(...dashboardOps(layout));
  return { ops };
}

/**
 * Excel only: a PivotTable of tblFacts by outcome and a chart of money by outcome. A file host skips
 * the pivot and chart ops, so the sheet then carries only the line saying how to build them by hand.
 */
function dashboardOps(layout: SummaryLayout): ChangeOp[] {
  const sheet = SHEETS.dashboard;
  const ops: ChangeOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "resetSheet", sheet },
    { kind: "values", sheet, at: "A1", values: [["Dashboard"]] },
    { kind: "style", sheet, range: "A1", style: { bold: true, fontSize: 14 } },
    {
      kind: "values",
      sheet,
      at: "A2",
      values: [
        [
          "In Excel the add-in builds a PivotTable of tblFacts by outcome and a chart of tblByOutcome here. Elsewhere: select tblFacts on the Summaries sheet and use Insert > PivotTable.",
        ],
      ],
    },
  ];
  const facts = layout.tables.find((p) => p.table.name === TABLES.facts);
  if (facts?.written) {
    ops.push({
      kind: "pivot",
      name: PIVOT_NAME,
      sourceTable: TABLES.facts,
      sheet,
      at: "A4",
      rows: ["Outcome"],
      values: [
        { field: "Budget share (USD)", summary: "sum", name: "Budget (USD)" },
        { field: "Funded share (USD)", summary: "sum", name: "Funded (USD)" },
        { field: "Gap share (USD)", summary: "sum", name: "Gap (USD)" },
      ],
    });
  }
  const byOutcome = layout.tables.find((p) => p.table.name === TABLES.byOutcome);
  if (byOutcome?.written) {
    const titleCol = byOutcome.table.headers.indexOf("Outcome title") + 1;
    const gapCol = byOutcome.table.headers.indexOf("Gap (USD)") + 1;
    ops.push({
      kind: "chart",
      name: CHART_NAME,
      sheet,
      sourceSheet: SHEETS.summaries,
      sourceRange: `${columnLetters(titleCol)}${byOutcome.headerRow}:${columnLetters(gapCol)}${byOutcome.lastRow}`,
      type: "barClustered",
      at: "F4",
      title: "Budget, funded and gap by outcome (USD)",
    });
  }
  return ops;
}
