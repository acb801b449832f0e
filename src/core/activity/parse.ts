/**
 * parseActivities: an Activities grid, as a host hands it over, into canonical records plus field
 * problems with their cell addresses. It converts and normalises; it does not judge (existence of codes,
 * ranges, dates inside the plan period are validation's). It never throws, whatever the grid holds.
 */
import { columnLetters, isBlank, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { showValue } from "../issues";
import { PLAN_2023_2026, type FrameworkIndex } from "../framework";
import { ACTIVITY_COLUMNS, type ActivityKey } from "./columns";
import type { ParsedActivities, ParsedCell, ParsedRow } from "./parsed";
import { emptyRecord, type ActivityRecord } from "./record";
import { convertField, NOTE_SEVERITY } from "./normalize-fields";
import { mapHeaders } from "./normalize-header";

export { findHeaderRow, mapHeaders, HEADER_SEARCH_ROWS } from "./normalize-header";
export { NOTE_CODES, NOTE_SEVERITY } from "./normalize-fields";

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

  const columns = ACTIVITY_COLUMNS.map((c) => new ColumnReader(c.key, c.header, header.columnOf[c.key], grid.left));
  const scoreOffsets = new Set(header.scoreColumns.map((c) => c - grid.left));
  const firstData = header.headerRow - grid.top + 1;
  let pendingBlanks: number[] = [];
  for (let r = firstData; r < grid.rows.length; r++) {
    const sheetRow = grid.top + r;
    const row = grid.rows[r];
    if (isBlankRow(row, scoreOffsets)) {
      pendingBlanks.push(sheetRow);
      continue;
    }
    // Blank rows count only between data rows; trailing blank rows are the end of the table.
    if (pendingBlanks.length > 0) {
      for (const b of pendingBlanks) result.blankRows.push(b);
      pendingBlanks = [];
    }
    result.rows.push(parseRow(row ?? [], sheetRow, columns, plan));
  }
  // The problems as Issues are built on first read only: validation reads the cells' problems directly,
  // and on a messy 100,000-row sheet an Issue per problem is 100,000s of objects nobody asked for.
  let problems: Issue[] | null = null;
  const rows = result.rows;
  Object.defineProperty(result, "problems", {
    enumerable: true,
    get: () => (problems ??= problemsOf(grid.sheet, rows, columns)),
  });
  return result;
}

function problemsOf(sheet: string, rows: readonly ParsedRow[], columns: readonly ColumnReader[]): Issue[] {
  const out: Issue[] = [];
  for (const parsed of rows) {
    for (const c of columns) {
      const cell = parsed.cells[c.key];
      if (!cell.problem || cell.address === null) continue;
      out.push(toIssue(sheet, parsed.row, c.header, cell, parsed.record.id));
    }
  }
  return out;
}

/**
 * Columns such as Status, Countries or Approach repeat a few values over thousands of rows; converting
 * each distinct value once per column makes a 100,000-row sheet several times faster. Free-text columns
 * (ID, Activity, Notes) are unique per row and are not memoised. Bounded so memory stays flat.
 */
const UNMEMOISED = new Set<ActivityKey>(["id", "title", "notes"]);
const MEMO_LIMIT = 20_000;
const MEMO_TEXT_LIMIT = 200;
type Conversion = ReturnType<typeof convertField>;

/** One canonical column of this sheet: where it is, and the values already converted in it. */
class ColumnReader {
  readonly offset: number | null;
  readonly letters: string;
  private readonly memoised: boolean;
  private readonly texts = new Map<string, Conversion>();
  private readonly numbers = new Map<number, Conversion>();
  private readonly dates = new Map<number, Conversion>();
  private blank: Conversion | null = null;

  constructor(
    readonly key: ActivityKey,
    readonly header: string,
    readonly col: number | undefined,
    left: number,
  ) {
    this.offset = col === undefined ? null : col - left;
    this.letters = col === undefined ? "" : columnLetters(col);
    this.memoised = !UNMEMOISED.has(key);
  }

  convert(raw: CellValue, plan: FrameworkIndex): Conversion {
    if (!this.memoised) return safeConvert(this.key, raw, plan);
    if (raw === null) return (this.blank ??= safeConvert(this.key, raw, plan));
    let memo: Map<string, Conversion> | Map<number, Conversion> | null = null;
    let k: string | number = 0;
    if (typeof raw === "string" && raw.length <= MEMO_TEXT_LIMIT) [memo, k] = [this.texts, raw];
    else if (typeof raw === "number") [memo, k] = [this.numbers, raw];
    else if (raw instanceof Date) [memo, k] = [this.dates, raw.getTime()];
    if (memo === null) return safeConvert(this.key, raw, plan);
    const hit = (memo as Map<string | number, Conversion>).get(k);
    if (hit) return Array.isArray(hit.value) ? { value: [...hit.value], problem: hit.problem } : hit;
    const fresh = safeConvert(this.key, raw, plan);
    // Problems are shared by every cell with the same value: frozen, so no consumer can edit them for all.
    if (fresh.problem) Object.freeze(Object.freeze(fresh.problem).suggestions);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    (memo as Map<string | number, Conversion>).set(
      k,
      Array.isArray(fresh.value) ? { value: [...fresh.value], problem: fresh.problem } : fresh,
    );
    return fresh;
  }
}

function safeConvert(key: ActivityKey, raw: CellValue, plan: FrameworkIndex): Conversion {
  try {
    return convertField(key, raw, plan);
  } catch (e) {
    // Converters are written not to throw; this keeps the promise of the core if one ever does.
    return {
      value: emptyRecord()[key],
      problem: {
        code: "value-unreadable",
        message: `The value could not be read (${e instanceof Error ? e.message : "unknown error"}); re-enter it.`,
        suggestions: [],
      },
    };
  }
}

const MISSING: ParsedCell = Object.freeze({ raw: null, col: null, address: null, problem: null });

function parseRow(
  row: readonly CellValue[],
  sheetRow: number,
  columns: readonly ColumnReader[],
  plan: FrameworkIndex,
): ParsedRow {
  const cells = {} as Record<ActivityKey, ParsedCell>;
  const values = {} as Record<ActivityKey, unknown>;
  for (const c of columns) {
    if (c.offset === null) {
      cells[c.key] = MISSING;
      values[c.key] = emptyRecord()[c.key];
      continue;
    }
    const raw = row[c.offset] ?? null;
    const converted = c.convert(raw, plan);
    cells[c.key] = { raw, col: c.col!, address: `${c.letters}${sheetRow}`, problem: converted.problem };
    values[c.key] = converted.value;
  }
  // Converters return the field's own type ("" / [] / null when unreadable), so the record is well-typed.
  return { row: sheetRow, cells, record: toRecord(values) };
}

/** A fixed-shape literal, so that 100,000 records share one hidden class. */
function toRecord(v: Record<ActivityKey, unknown>): ActivityRecord {
  const r = v as unknown as ActivityRecord;
  return {
    id: r.id,
    title: r.title,
    outcome: r.outcome,
    subOutcome: r.subOutcome,
    approach: r.approach,
    leadAgencies: r.leadAgencies,
    level: r.level,
    countries: r.countries,
    stage: r.stage,
    status: r.status,
    startDate: r.startDate,
    endDate: r.endDate,
    budgetUsd: r.budgetUsd,
    fundedUsd: r.fundedUsd,
    progress: r.progress,
    need: r.need,
    valueAdded: r.valueAdded,
    engagement: r.engagement,
    notes: r.notes,
  };
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
