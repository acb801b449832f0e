/**
 * parseActivities: an Activities grid, as a host hands it over, into canonical records plus field
 * problems with their cell addresses. It converts and normalises; it does not judge (existence of codes,
 * ranges, dates inside the plan period are validation's). It never throws, whatever the grid holds.
 */
import { cellAddress, cellAt, isBlank, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { showValue } from "../issues";
import { PLAN_2023_2026, type FrameworkIndex } from "../framework";
import { ACTIVITY_COLUMNS, type ActivityKey } from "./columns";
import type { ParsedActivities, ParsedCell, ParsedRow } from "./parsed";
import type { ActivityRecord } from "./record";
import { convertField, NOTE_SEVERITY } from "./normalize-fields";
import { mapHeaders } from "./normalize-header";

export { findHeaderRow, mapHeaders, HEADER_SEARCH_ROWS } from "./normalize-header";
export { NOTE_CODES, NOTE_SEVERITY } from "./normalize-fields";

function emptyRecord(): ActivityRecord {
  return {
    id: "",
    title: "",
    outcome: "",
    subOutcome: "",
    approach: "",
    leadAgencies: [],
    level: "",
    countries: [],
    stage: "",
    status: "",
    startDate: null,
    endDate: null,
    budgetUsd: null,
    fundedUsd: null,
    progress: null,
    need: null,
    valueAdded: null,
    engagement: null,
    notes: "",
  };
}

/** A row is blank when every cell the user owns is blank (the add-in's score columns do not count). */
function isBlankRow(row: readonly CellValue[] | undefined, scoreOffsets: ReadonlySet<number>): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!scoreOffsets.has(i) && !isBlank(row[i])) return false;
  return true;
}

/**
 * @param plan the framework whose titles resolve codes typed as titles (default: the 2023-2026 plan).
 */
export function parseActivities(grid: Grid, plan: FrameworkIndex = PLAN_2023_2026): ParsedActivities {
  const header = mapHeaders(grid);
  const result: ParsedActivities = {
    sheet: grid.sheet,
    headerRow: header.headerRow,
    columnOf: header.columnOf,
    missingColumns: header.missingColumns,
    extraColumns: header.extraColumns,
    duplicateHeaders: header.duplicateHeaders,
    rows: [],
    blankRows: [],
    problems: [],
  };
  if (header.headerRow === null) return result;

  const memo = new ConversionMemo();
  const scoreOffsets = new Set(header.scoreColumns.map((c) => c - grid.left));
  const firstData = header.headerRow - grid.top + 1;
  let pendingBlanks: number[] = [];
  for (let r = firstData; r < grid.rows.length; r++) {
    const sheetRow = grid.top + r;
    if (isBlankRow(grid.rows[r], scoreOffsets)) {
      pendingBlanks.push(sheetRow);
      continue;
    }
    // Blank rows count only between data rows; trailing blank rows are the end of the table.
    result.blankRows.push(...pendingBlanks);
    pendingBlanks = [];
    const parsed = parseRow(grid, sheetRow, header.columnOf, plan, memo);
    result.rows.push(parsed);
    for (const c of ACTIVITY_COLUMNS) {
      const cell = parsed.cells[c.key];
      if (!cell.problem || cell.address === null) continue;
      result.problems.push(toIssue(grid.sheet, sheetRow, c.header, cell, parsed.record.id));
    }
  }
  return result;
}

/**
 * Columns such as Status, Countries or Approach repeat a few values over thousands of rows; converting
 * each distinct value once per column makes a 100,000-row sheet several times faster. Free-text columns
 * (ID, Activity, Notes) are unique per row and are not memoised. Bounded so memory stays flat.
 */
const UNMEMOISED = new Set<ActivityKey>(["id", "title", "notes"]);
const MEMO_LIMIT = 20_000;
type Conversion = ReturnType<typeof convertField>;

class ConversionMemo {
  private readonly byKey = new Map<ActivityKey, Map<string, Conversion>>();

  convert(key: ActivityKey, raw: CellValue, plan: FrameworkIndex): Conversion {
    const memoKey = UNMEMOISED.has(key) ? null : keyOf(raw);
    if (memoKey === null) return convertField(key, raw, plan);
    let column = this.byKey.get(key);
    if (!column) this.byKey.set(key, (column = new Map()));
    const hit = column.get(memoKey);
    if (hit) return Array.isArray(hit.value) ? { value: [...hit.value], problem: hit.problem } : hit;
    const fresh = convertField(key, raw, plan);
    // Problems are shared by every cell with the same value: frozen, so no consumer can edit them for all.
    if (fresh.problem) Object.freeze(Object.freeze(fresh.problem).suggestions);
    if (column.size >= MEMO_LIMIT) column.clear();
    column.set(memoKey, Array.isArray(fresh.value) ? { value: [...fresh.value], problem: fresh.problem } : fresh);
    return fresh;
  }
}

function keyOf(raw: CellValue): string | null {
  if (typeof raw === "string") return raw.length <= 200 ? `s${raw}` : null;
  if (typeof raw === "number") return `n${raw}`;
  if (raw instanceof Date) return `d${raw.getTime()}`;
  if (raw === null) return "z";
  return null;
}

function parseRow(
  grid: Grid,
  sheetRow: number,
  columnOf: Partial<Record<ActivityKey, number>>,
  plan: FrameworkIndex,
  memo: ConversionMemo,
): ParsedRow {
  const record = emptyRecord();
  const cells = {} as Record<ActivityKey, ParsedCell>;
  for (const c of ACTIVITY_COLUMNS) {
    const col = columnOf[c.key];
    if (col === undefined) {
      cells[c.key] = { raw: null, col: null, address: null, problem: null };
      continue;
    }
    const raw = cellAt(grid, sheetRow, col);
    let converted;
    try {
      converted = memo.convert(c.key, raw, plan);
    } catch (e) {
      // Converters are written not to throw; this keeps the promise of the core if one ever does.
      converted = {
        value: emptyRecord()[c.key],
        problem: {
          code: "value-unreadable",
          message: `The value could not be read (${e instanceof Error ? e.message : "unknown error"}); re-enter it.`,
          suggestions: [],
        },
      };
    }
    cells[c.key] = { raw, col, address: cellAddress(sheetRow, col), problem: converted.problem };
    // Converters return the field's own type ("" / [] / null when unreadable), so the record stays well-typed.
    (record as unknown as Record<string, unknown>)[c.key] = converted.value;
  }
  return { row: sheetRow, cells, record };
}

function toIssue(sheet: string, row: number, column: string, cell: ParsedCell, activityId: string): Issue {
  const problem = cell.problem!;
  const issue: Issue = {
    code: problem.code,
    severity: NOTE_SEVERITY[problem.code] ?? "error",
    sheet,
    row,
    column,
    cell: cell.address,
    value: showValue(cell.raw),
    message: `${sheet}!${cell.address} (${column}): ${problem.message}`,
  };
  if (problem.suggestions[0] !== undefined) issue.suggestion = problem.suggestions[0];
  if (activityId !== "") issue.activityId = activityId;
  return issue;
}
