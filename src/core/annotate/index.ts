/**
 * annotationChanges: the validation report as a change set for the hosts. A note and a fill on each
 * flagged cell, an Issues sheet with a link per issue, and the hidden state that lets the next run
 * remove exactly these annotations. It never writes a value to the checked sheet: user data is never
 * touched. Applying the change set twice gives the same workbook as applying it once, because every
 * previously annotated cell is cleared first and then annotated again from this report.
 */
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp, type ChangeSet } from "../changeset";
import { cellAddress, parseAddress, rangeAddress, type CellValue, type Grid } from "../grid";
import { SEVERITY_ORDER, type Issue, type Severity } from "../issues";
import { SHEETS, TABLES } from "../layout/sheet-names";
import { issuesToTable, ISSUE_TABLE_HEADERS, type ValidationReport } from "../validate";
import { readState, stateRows, type AnnotatedCell } from "./state-sheet";

export interface AnnotateOptions {
  /** The date shown in "No issues found on ..."; defaults to the report's as-of date. */
  date?: string;
  /**
   * Sheets the workbook has now. Previous annotations on a sheet that is gone are dropped instead of
   * cleared (a host cannot clear a note on a sheet that does not exist).
   */
  existingSheets?: readonly string[];
}

/** Excel keeps up to 32,767 characters in a note; a readable note is far shorter. */
const NOTE_MAX = 2000;
const ALL_FILLS = Object.values(SEVERITY_FILLS);
const SEVERITY_WORD: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };
const ISSUE_WIDTHS = [10, 24, 14, 7, 18, 8, 24, 90, 20, 14];

/** The cell a row issue is shown on: its own cell, or the row's ID cell for an issue with no column. */
function targetOf(issue: Issue, idCol: number | undefined): string | null {
  if (issue.cell !== null) return issue.cell;
  if (issue.row !== null && idCol !== undefined) return cellAddress(issue.row, idCol);
  return null;
}

function noteText(issues: readonly Issue[]): string {
  const lines = issues.map((i) => `${SEVERITY_WORD[i.severity]} (${i.code}): ${i.message}`);
  const text = ANNOTATION_MARK + (lines.length === 1 ? lines[0]! : `${lines.length} issues\n${lines.join("\n")}`);
  return text.length > NOTE_MAX ? `${text.slice(0, NOTE_MAX - 1)}…` : text;
}

export function annotationChanges(
  report: ValidationReport,
  previousState: Grid | null,
  options: AnnotateOptions = {},
): ChangeSet {
  const sheet = report.parsed.sheet;
  const previous = readState(previousState);
  const existing = options.existingSheets ? new Set(options.existingSheets) : null;
  const ops: ChangeOp[] = [];

  // 1. Remove last run's annotations first, so a fixed cell loses its note and fill.
  for (const c of previous.cells) {
    if (existing && !existing.has(c.sheet)) continue;
    ops.push(
      { kind: "clearNote", sheet: c.sheet, cell: c.cell },
      { kind: "clearFill", sheet: c.sheet, range: c.cell, colors: [...ALL_FILLS] },
    );
  }

  // 2. Group this run's issues by the cell that shows them, keeping report order within a cell.
  const idCol = report.parsed.columnOf.id;
  const byCell = new Map<string, Issue[]>();
  const allIssues = report.issues;
  for (let n = 0; n < allIssues.length; n++) {
    const issue = allIssues[n]!;
    if (issue.sheet !== sheet) continue;
    const target = targetOf(issue, idCol);
    if (target === null) continue;
    const list = byCell.get(target);
    if (list) list.push(issue);
    else byCell.set(target, [issue]);
  }
  const annotated: AnnotatedCell[] = [];
  const ordered = [...byCell.entries()].map(([cell, issues]) => ({ cell, issues, at: parseAddress(cell) }));
  ordered.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  for (let n = 0; n < ordered.length; n++) {
    const { cell, issues } = ordered[n]!;
    const worst = issues.reduce<Severity>(
      (w, i) => (SEVERITY_ORDER[i.severity] < SEVERITY_ORDER[w] ? i.severity : w),
      "info",
    );
    ops.push(
      { kind: "note", sheet, cell, text: noteText(issues) },
      { kind: "fill", sheet, range: cell, color: SEVERITY_FILLS[worst] },
    );
    annotated.push({ sheet, cell });
  }

  // 3. The Issues sheet, rebuilt from scratch: the add-in owns it.
  const issueOps = issuesSheetOps(report, options.date ?? report.asOf ?? "");
  for (let n = 0; n < issueOps.length; n++) ops.push(issueOps[n]!); // no spread: 100,000s of ops

  // 4. The state for the next run (previous cells on other sheets that still exist are already cleared).
  const state = stateRows(annotated, previous.otherRows);
  ops.push(
    { kind: "ensureSheet", sheet: SHEETS.state, hidden: true },
    { kind: "resetSheet", sheet: SHEETS.state },
    { kind: "ensureSheet", sheet: SHEETS.state, hidden: true },
    { kind: "values", sheet: SHEETS.state, at: "A1", values: state },
  );
  return { ops };
}

function issuesSheetOps(report: ValidationReport, date: string): ChangeOp[] {
  const s = SHEETS.issues;
  const ops: ChangeOp[] = [
    { kind: "ensureSheet", sheet: s },
    { kind: "resetSheet", sheet: s },
  ];
  let table: CellValue[][];
  if (report.issues.length === 0) {
    const line: CellValue[] = ISSUE_TABLE_HEADERS.map(() => null);
    line[2] = report.parsed.sheet;
    line[7] = date ? `No issues found on ${date}.` : "No issues found.";
    table = [[...ISSUE_TABLE_HEADERS], line];
  } else {
    table = issuesToTable(report.issues);
  }
  ops.push({ kind: "values", sheet: s, at: "A1", values: table });
  // The Cell column links to the flagged cell, so an officer goes from the list to the cell in one click.
  const cellCol = ISSUE_TABLE_HEADERS.indexOf("Cell") + 1;
  report.issues.forEach((i, n) => {
    if (i.cell !== null)
      ops.push({
        kind: "link",
        sheet: s,
        cell: cellAddress(n + 2, cellCol),
        text: i.cell,
        toSheet: i.sheet,
        toCell: i.cell,
      });
  });
  const width = ISSUE_TABLE_HEADERS.length;
  ops.push(
    // The table gives the autofilter and banded rows; a pivot or filter can start from tblIssues.
    {
      kind: "table",
      sheet: s,
      name: TABLES.issues,
      range: rangeAddress(1, 1, table.length, width),
      style: "TableStyleMedium2",
    },
    { kind: "freeze", sheet: s, rows: 1, cols: 0 },
    { kind: "columns", sheet: s, widths: ISSUE_WIDTHS },
    {
      kind: "style",
      sheet: s,
      range: rangeAddress(2, 8, Math.max(table.length - 1, 1), 1),
      style: { wrap: true, vertical: "top" },
    },
  );
  return ops;
}

export { readState, stateRows, STATE_HEADERS, VALIDATE_FEATURE } from "./state-sheet";
export type { AnnotatedCell, StateContents } from "./state-sheet";
