/**
 * Structure: is this sheet laid out as the Activities sheet? These rules look at the header row only,
 * and report once per sheet or per column, never once per row.
 */
import { ACTIVITY_COLUMNS, type ActivityHeader } from "../../activity/columns";
import { cellAt, isBlank } from "../../grid";
import { showValue } from "../../issues";
import { NONE, orList, sheetIssue } from "../issue-at";
import type { SheetRule } from "../types";

/**
 * Columns a row cannot be summarised or scored without. Need, Value added and Engagement may be left
 * out because the Countries sheet supplies them; Notes is free text.
 */
export const OPTIONAL_HEADERS: readonly ActivityHeader[] = ["Need", "Value added", "Engagement", "Notes"];

export const headerMissing: SheetRule = {
  code: "header-missing",
  severity: "error",
  family: "structure",
  scope: "sheet",
  columns: [],
  meaning:
    "No row of the sheet looks like the Activities header (ID, Activity, Outcome, ...), so no row can be checked.",
  fix: "Put the headers ID, Activity, Outcome, Sub-outcome, Approach, ... in the first row, or run Set up / `iccwc-plan init` to get a correct sheet.",
  check(parsed, ctx) {
    if (parsed.headerRow !== null) return NONE;
    const empty = ctx.grid.rows.every((r) => r.every((v) => isBlank(v)));
    return [
      sheetIssue(ctx, {
        code: this.code,
        severity: this.severity,
        message: empty
          ? `The sheet "${ctx.sheet}" is empty. Add the header row (ID, Activity, Outcome, Sub-outcome, Approach, ...) and one row per activity.`
          : `No header row was found on "${ctx.sheet}". Put the headers ID, Activity, Outcome, Sub-outcome, Approach, ... in row 1 so that the rows can be checked.`,
      }),
    ];
  },
};

export const headerNotFirstRow: SheetRule = {
  code: "header-not-row-1",
  severity: "warning",
  family: "structure",
  scope: "sheet",
  columns: [],
  meaning: "The header row was found below row 1; rows above it are ignored.",
  fix: "Delete the rows above the header (titles, blank rows) so that the header is on row 1; Excel tables and filters expect it there.",
  check(parsed, ctx) {
    const h = parsed.headerRow;
    if (h === null || h === 1) return NONE;
    const firstCol = Math.min(
      ...Object.values(parsed.columnOf).filter((c): c is number => typeof c === "number"),
      Number.MAX_SAFE_INTEGER,
    );
    const col = firstCol === Number.MAX_SAFE_INTEGER ? ctx.grid.left : firstCol;
    return [
      sheetIssue(ctx, {
        code: this.code,
        severity: this.severity,
        row: h,
        col,
        column: showValue(cellAt(ctx.grid, h, col)) || null,
        value: showValue(cellAt(ctx.grid, h, col)),
        message: `The header row is on row ${h}, not row 1. The rows above it are ignored; delete them so that the header is on row 1.`,
      }),
    ];
  },
};

export const columnMissing: SheetRule = {
  code: "column-missing",
  severity: "error",
  family: "structure",
  scope: "sheet",
  columns: [],
  meaning: "A required column is not in the header row, so that value cannot be read for any row.",
  fix: 'Add the column with exactly the header shown (for example "Approach"), or rename the column that holds it.',
  check(parsed, ctx) {
    if (parsed.headerRow === null) return NONE;
    return parsed.missingColumns
      .filter((h) => !OPTIONAL_HEADERS.includes(h))
      .map((h) =>
        sheetIssue(ctx, {
          code: this.code,
          severity: this.severity,
          column: h,
          suggestion: h,
          message: `The required column "${h}" is missing from the header row ${parsed.headerRow}. Add a column headed "${h}" (or rename the column that holds it) so that every row can be checked.`,
        }),
      );
  },
};

export const optionalColumnMissing: SheetRule = {
  code: "column-missing-optional",
  severity: "info",
  family: "structure",
  scope: "sheet",
  columns: [],
  meaning: "An optional column (Need, Value added, Engagement, Notes) is not in the header row.",
  fix: "Nothing is needed: scores then come from the Countries sheet. Add the column to score activities one by one.",
  check(parsed, ctx) {
    if (parsed.headerRow === null) return NONE;
    return parsed.missingColumns
      .filter((h) => OPTIONAL_HEADERS.includes(h))
      .map((h) =>
        sheetIssue(ctx, {
          code: this.code,
          severity: this.severity,
          column: h,
          message: `The optional column "${h}" is not in the sheet. That is fine; add it if you want to record it activity by activity.`,
        }),
      );
  },
};

export const headerDuplicate: SheetRule = {
  code: "header-duplicate",
  severity: "error",
  family: "structure",
  scope: "sheet",
  columns: [],
  meaning: "Two columns carry the same header, so it is unclear which one holds the value; only the first is read.",
  fix: "Rename or delete the second column so that each header appears once.",
  check(parsed, ctx) {
    const h = parsed.headerRow;
    if (h === null) return NONE;
    const out = [];
    for (const d of parsed.duplicateHeaders) {
      const [first, ...others] = d.cols;
      for (const col of others) {
        out.push(
          sheetIssue(ctx, {
            code: this.code,
            severity: this.severity,
            row: h,
            col,
            column: d.header,
            value: showValue(cellAt(ctx.grid, h, col)),
            message: `The header "${d.header}" appears more than once; only the first one (column ${first ?? "?"}) is read. Rename or delete this column.`,
          }),
        );
      }
    }
    return out;
  },
};

export const columnUnknown: SheetRule = {
  code: "column-unknown",
  severity: "info",
  family: "structure",
  scope: "sheet",
  columns: [],
  meaning: "A column that is not part of the Activities layout. It is kept as it is and not checked.",
  fix: "Nothing is needed. If it was meant to be one of the plan's columns, rename it to that header.",
  check(parsed, ctx) {
    const h = parsed.headerRow;
    if (h === null) return NONE;
    return parsed.extraColumns.map((x) =>
      sheetIssue(ctx, {
        code: this.code,
        severity: this.severity,
        row: h,
        col: x.col,
        column: x.header,
        value: x.header,
        message: `The column "${x.header}" is not one of the plan's columns (${orList(ACTIVITY_COLUMNS.slice(0, 3).map((c) => c.header))}, ...). It is kept as it is and not checked.`,
      }),
    );
  },
};

export const rowsBlank: SheetRule = {
  code: "rows-blank",
  severity: "info",
  family: "structure",
  scope: "sheet",
  columns: [],
  meaning: "Entirely blank rows between activities: they are skipped, not errors.",
  fix: "Nothing is needed; delete them if you want a tidy table.",
  check(parsed, ctx) {
    if (parsed.blankRows.length === 0) return NONE;
    return [
      sheetIssue(ctx, {
        code: this.code,
        severity: this.severity,
        value: compactRows(parsed.blankRows),
        message: `${parsed.blankRows.length} blank row(s) between activities were skipped (rows ${compactRows(parsed.blankRows)}).`,
      }),
    ];
  },
};

/** [3, 4, 5, 9] -> "3-5, 9", at most 20 runs, so that the message stays readable. */
export function compactRows(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: string[] = [];
  let i = 0;
  while (i < sorted.length && runs.length < 20) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) end = sorted[++i]!;
    runs.push(start === end ? `${start}` : `${start}-${end}`);
    i++;
  }
  return i < sorted.length ? `${runs.join(", ")}, ...` : runs.join(", ");
}

export const STRUCTURE_RULES: readonly SheetRule[] = [
  headerMissing,
  headerNotFirstRow,
  columnMissing,
  optionalColumnMissing,
  headerDuplicate,
  columnUnknown,
  rowsBlank,
];
