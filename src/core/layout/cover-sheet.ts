/**
 * The Cover sheet of the annotated (donor) workbook: what the plan is, when it was checked, how many
 * problems of each severity were found, what each colour means and where to look, readable in plain
 * Excel or LibreOffice with no add-in. Generated: reset and rewritten on every annotate.
 */
import { SEVERITY_FILLS, type ChangeOp } from "../changeset";
import type { CellValue } from "../grid";
import { FORMATS } from "./column-specs";
import { SHEETS } from "./sheet-names";

export interface CoverData {
  planTitle: string;
  /** "YYYY-MM-DD": the date overdue activities were judged against. */
  asOf: string;
  /** "YYYY-MM-DD": the day the workbook was annotated. */
  generatedOn: string;
  counts: { errors: number; warnings: number; infos: number };
  /** Activity rows checked. */
  rowsChecked: number;
  /** Scored activities, when scoring ran. */
  scored?: number;
  /** Sheets present in the annotated workbook, so the guide lists only what is there. */
  sheets: readonly string[];
  /** What the host could not apply (e.g. PivotTables in a file), shown so nobody looks for it. */
  notApplied?: readonly string[];
  /** Excel serial of a YYYY-MM-DD date, null when it is not one (injected: core/activity/dates). */
  toSerial: (iso: string) => number | null;
}

/** One line per sheet the workbook may hold, in tab order. */
export const SHEET_GUIDE: readonly { sheet: string; holds: string }[] = [
  {
    sheet: SHEETS.cover,
    holds: "This page: the plan, the date of the check, the counts and how to read the workbook.",
  },
  {
    sheet: SHEETS.activities,
    holds:
      "The activities, one row each, as entered by the programme officers. Coloured cells carry a note (hover or select the cell) saying what is wrong; the columns from Score onward are the prioritisation scores.",
  },
  {
    sheet: SHEETS.issues,
    holds: "Every problem found, one row each, with a link to its cell. Filter by Severity or Code.",
  },
  {
    sheet: SHEETS.summaries,
    holds:
      "Pivot-ready tables: the facts table (one row per activity, country and period) and roll-ups by outcome, sub-outcome, approach, agency, country and year. Select a table and use Insert > PivotTable.",
  },
  { sheet: SHEETS.dashboard, holds: "A PivotTable and chart built from the facts table (made by the Excel add-in)." },
  { sheet: SHEETS.settings, holds: "Scoring weights, score bands, available funds and the reporting period." },
  {
    sheet: SHEETS.countries,
    holds: "Countries with their region, priority status (roadmap), need and engagement, used for scoring.",
  },
  {
    sheet: SHEETS.framework,
    holds:
      "The ICCWC Strategic Action Plan 2023-2026: every outcome, sub-outcome and approach with its code and title (read-only).",
  },
  {
    sheet: SHEETS.lists,
    holds:
      "The lists behind the drop-downs in Activities (agencies, levels, stages, statuses, codes, countries). Generated; read-only.",
  },
];

const SEVERITY_TEXT = {
  error:
    "Error: the row cannot be trusted in the summaries until this is fixed (an unknown code, an impossible date or amount).",
  warning: "Warning: a person should look (for example an activity past its end date that is not completed).",
  info: "Information: kept as is, for the record (for example an extra column the plan does not use).",
} as const;

export function coverSheetChanges(d: CoverData): ChangeOp[] {
  const sheet = SHEETS.cover;
  const rows: CellValue[][] = [];
  const formats: Record<number, string> = {};
  const styles: ChangeOp[] = [];
  const fills: ChangeOp[] = [];
  const push = (...cells: CellValue[]) => rows.push([cells[0] ?? null, cells[1] ?? null]);
  const row = () => rows.length; // the sheet row of the last pushed line

  push(d.planTitle);
  styles.push({ kind: "style", sheet, range: "A1:A1", style: { bold: true, fontSize: 16 } });
  push("Annotated activity workbook: checked, scored and summarised by the ICCWC Action Plan Workbench.");
  push();
  push("Checked as of", d.toSerial(d.asOf) ?? d.asOf);
  formats[row()] = FORMATS.date;
  push("Generated on", d.toSerial(d.generatedOn) ?? d.generatedOn);
  formats[row()] = FORMATS.date;
  push("Activities checked", d.rowsChecked);
  if (d.scored !== undefined) push("Activities scored", d.scored);
  push();
  push("Problems found", "Count");
  styles.push({ kind: "style", sheet, range: `A${row()}:B${row()}`, style: { bold: true, borderBottom: true } });
  push("Errors", d.counts.errors);
  fills.push({ kind: "fill", sheet, range: `A${row()}:A${row()}`, color: SEVERITY_FILLS.error });
  push("Warnings", d.counts.warnings);
  fills.push({ kind: "fill", sheet, range: `A${row()}:A${row()}`, color: SEVERITY_FILLS.warning });
  push("Information", d.counts.infos);
  fills.push({ kind: "fill", sheet, range: `A${row()}:A${row()}`, color: SEVERITY_FILLS.info });
  push();
  push("What the colours mean");
  styles.push({ kind: "style", sheet, range: `A${row()}:A${row()}`, style: { bold: true } });
  for (const sev of ["error", "warning", "info"] as const) {
    push(sev === "info" ? "Information" : sev === "error" ? "Error" : "Warning", SEVERITY_TEXT[sev]);
    fills.push({ kind: "fill", sheet, range: `A${row()}:A${row()}`, color: SEVERITY_FILLS[sev] });
  }
  push();
  push("What each sheet holds");
  styles.push({ kind: "style", sheet, range: `A${row()}:A${row()}`, style: { bold: true } });
  const present = new Set(d.sheets);
  for (const g of SHEET_GUIDE) if (present.has(g.sheet)) push(g.sheet, g.holds);
  push();
  push("How to read it without the add-in");
  styles.push({ kind: "style", sheet, range: `A${row()}:A${row()}`, style: { bold: true } });
  push(
    "1.",
    "Start with the counts above, then open Issues: each row names the sheet, the cell, the value and what to do. The Cell column links to the cell.",
  );
  push(
    "2.",
    'In Activities, a coloured cell has a note that starts with "ICCWC check:". Your own notes and colours are left as they were.',
  );
  push(
    "3.",
    "Filter Activities by Band or sort by Rank to see the priorities; the Score breakdown column shows how each score was made.",
  );
  push(
    "4.",
    "For progress reports, select a table on Summaries and use Insert > PivotTable (or Data > Pivot Table in LibreOffice).",
  );
  push(
    "5.",
    "Nothing here was changed in the activities you entered: the add-in adds notes, colours and its own columns and sheets only.",
  );
  if (d.notApplied && d.notApplied.length > 0) {
    push();
    push("Not included in this file", d.notApplied.join("; "));
  }

  const ops: ChangeOp[] = [
    { kind: "ensureSheet", sheet, position: 0 },
    { kind: "resetSheet", sheet },
    { kind: "values", sheet, at: "A1", values: rows },
    ...Object.entries(formats).map(([r, format]): ChangeOp => ({
      kind: "numberFormat",
      sheet,
      range: `B${r}:B${r}`,
      format,
    })),
    { kind: "columns", sheet, widths: [26, 140], from: 1 },
    // No wrap: a file carries no row heights for wrapped text, so LibreOffice and older Excel would draw
    // wrapped lines over the next row. One line per row, running on into the empty cells to the right.
    { kind: "style", sheet, range: `B1:B${rows.length}`, style: { wrap: false, vertical: "top", horizontal: "left" } },
    ...styles,
    ...fills,
  ];
  return ops;
}
