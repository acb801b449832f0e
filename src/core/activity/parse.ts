/**
 * parseActivities: an Activities grid, as a host hands it over, into canonical records plus field
 * problems with their cell addresses. It converts and normalises; it does not judge (existence of codes,
 * ranges, dates inside the plan period are validation's). It never throws, whatever the grid holds.
 */
import { isBlank, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { showValue } from "../issues";
import { PLAN_2023_2026, type FrameworkIndex } from "../framework";
import { ACTIVITY_COLUMNS, type ActivityKey } from "./columns";
import type { FieldProblem, ParsedActivities, ParsedRow } from "./parsed";
import { emptyRecord, type ActivityRecord } from "./record";
import { convertField, NOTE_SEVERITY } from "./normalize-fields";
import { mapHeaders } from "./normalize-header";
import { addressAt, problemAt, rawAt, SheetLayout, SheetRow } from "./sheet-row";

export { findHeaderRow, mapHeaders, HEADER_SEARCH_ROWS } from "./normalize-header";
export { NOTE_CODES, NOTE_SEVERITY } from "./normalize-fields";

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

  const layout = new SheetLayout(header.columnOf, grid.left);
  const readers = ACTIVITY_COLUMNS.map((c, k) => new ColumnReader(c.key, layout.offsets[k]!, plan));
  const scoreOffsets = header.scoreColumns.length > 0 ? new Set(header.scoreColumns.map((c) => c - grid.left)) : null;
  const firstData = header.headerRow - grid.top + 1;
  const rows: ParsedRow[] = result.rows;
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
    rows.push(parseRow(row ?? NO_VALUES, sheetRow, readers, layout));
  }
  // The problems as Issues are built on first read only: validation reads the cells' problems directly,
  // and on a messy 100,000-row sheet an Issue per problem is 100,000s of objects nobody asked for.
  let problems: Issue[] | null = null;
  Object.defineProperty(result, "problems", {
    enumerable: true,
    get: () => (problems ??= problemsOf(grid.sheet, rows)),
  });
  return result;
}

const NO_VALUES: readonly CellValue[] = Object.freeze([]);

/** A row is blank when every cell the user owns is blank (the add-in's score columns do not count). */
function isBlankRow(row: readonly CellValue[] | undefined, scoreOffsets: ReadonlySet<number> | null): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) {
    if (!isBlank(row[i]) && (scoreOffsets === null || !scoreOffsets.has(i))) return false;
  }
  return true;
}

function problemsOf(sheet: string, rows: readonly ParsedRow[]): Issue[] {
  const out: Issue[] = [];
  for (const parsed of rows) {
    for (const c of ACTIVITY_COLUMNS) {
      const problem = problemAt(parsed, c.key);
      const address = problem ? addressAt(parsed, c.key) : null;
      if (!problem || address === null) continue;
      out.push(toIssue(sheet, parsed.row, c.header, address, rawAt(parsed, c.key), problem, parsed.record.id));
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
export const MEMO_LIMIT = 20_000;
const MEMO_TEXT_LIMIT = 200;
type Conversion = ReturnType<typeof convertField>;
type Value = ActivityRecord[ActivityKey];

/** Which fast path a column's already-clean values may take (the converter's own answer, without calling it). */
type FastPath = "text" | "number" | "progress" | "none";
const FAST_PATH: Record<ActivityKey, FastPath> = {
  id: "text",
  title: "text",
  notes: "text",
  budgetUsd: "number",
  fundedUsd: "number",
  need: "number",
  valueAdded: "number",
  engagement: "number",
  progress: "progress",
  outcome: "none",
  subOutcome: "none",
  approach: "none",
  leadAgencies: "none",
  level: "none",
  countries: "none",
  stage: "none",
  status: "none",
  startDate: "none",
  endDate: "none",
};

/**
 * One canonical column of this sheet: where it is, and the values already converted in it. `read` returns
 * the record value and leaves the cell's problem in `problem` (no result object per cell).
 */
export class ColumnReader {
  /** The problem of the last value read, or null. Each problem is this cell's own object. */
  problem: FieldProblem | null = null;
  private readonly memoised: boolean;
  private readonly fast: FastPath;
  private readonly texts = new Map<string, Conversion>();
  private readonly numbers = new Map<number, Conversion>();
  private readonly dates = new Map<number, Conversion>();
  private blank: Conversion | null = null;

  constructor(
    readonly key: ActivityKey,
    /** Offset into a grid row, or -1 when the column is missing from the sheet. */
    readonly offset: number,
    private readonly plan: FrameworkIndex,
  ) {
    this.memoised = !UNMEMOISED.has(key);
    this.fast = FAST_PATH[key];
  }

  /** Distinct values remembered (for tests: the memo is bounded). */
  get memoSize(): number {
    return this.texts.size + this.numbers.size + this.dates.size;
  }

  read(raw: CellValue): Value {
    // Fast paths: values that convert to themselves with no problem, which is most cells of a kept plan.
    switch (this.fast) {
      case "text":
        if (typeof raw === "string") {
          this.problem = null;
          return raw.trim();
        }
        break;
      case "number":
        if (typeof raw === "number" && Number.isFinite(raw)) {
          this.problem = null;
          return raw;
        }
        break;
      case "progress":
        if (typeof raw === "number" && raw >= 0 && raw <= 1) {
          this.problem = null;
          return raw;
        }
        break;
      case "none":
        break;
    }
    return this.take(this.convert(raw));
  }

  private take(c: Conversion): Value {
    const p = c.problem;
    // A remembered problem is shared by every cell with the same value: each cell gets its own copy.
    this.problem = p === null ? null : { code: p.code, message: p.message, suggestions: [...p.suggestions] };
    return c.value;
  }

  private convert(raw: CellValue): Conversion {
    if (!this.memoised) return safeConvert(this.key, raw, this.plan);
    if (raw === null) return (this.blank ??= safeConvert(this.key, raw, this.plan));
    if (typeof raw === "string") {
      return raw.length <= MEMO_TEXT_LIMIT
        ? this.remember(this.texts, raw, raw)
        : safeConvert(this.key, raw, this.plan);
    }
    if (typeof raw === "number") return this.remember(this.numbers, raw, raw);
    if (raw instanceof Date) return this.remember(this.dates, raw.getTime(), raw);
    return safeConvert(this.key, raw, this.plan);
  }

  private remember<K>(memo: Map<K, Conversion>, k: K, raw: CellValue): Conversion {
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    const fresh = safeConvert(this.key, raw, this.plan);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(k, fresh);
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

const COLUMN_COUNT = ACTIVITY_COLUMNS.length;
/** Reused for every row: the converted values before they go into the record literal. */
const scratch: Value[] = new Array<Value>(COLUMN_COUNT).fill(null);

function parseRow(
  row: readonly CellValue[],
  sheetRow: number,
  readers: readonly ColumnReader[],
  layout: SheetLayout,
): SheetRow {
  let problems: (FieldProblem | null)[] | null = null;
  for (let k = 0; k < COLUMN_COUNT; k++) {
    const c = readers[k]!;
    if (c.offset < 0) {
      scratch[k] = EMPTY[c.key]; // the list fields are copied in toRecord
      continue;
    }
    scratch[k] = c.read(row[c.offset] ?? null);
    if (c.problem !== null) (problems ??= new Array<FieldProblem | null>(COLUMN_COUNT).fill(null))[k] = c.problem;
  }
  return new SheetRow(sheetRow, toRecord(scratch), row, problems, layout);
}

const EMPTY: Readonly<ActivityRecord> = Object.freeze(emptyRecord());

/**
 * A fixed-shape literal, so that 100,000 records share one hidden class. Converters return the field's
 * own type ("" / [] / null when unreadable), in ACTIVITY_COLUMNS order, so the casts hold. The two list
 * fields are copied: remembered conversions are shared, records must not share arrays.
 */
function toRecord(v: readonly Value[]): ActivityRecord {
  return {
    id: v[0] as string,
    title: v[1] as string,
    outcome: v[2] as string,
    subOutcome: v[3] as string,
    approach: v[4] as string,
    leadAgencies: (v[5] as string[]).slice(),
    level: v[6] as string,
    countries: (v[7] as string[]).slice(),
    stage: v[8] as string,
    status: v[9] as string,
    startDate: v[10] as string | null,
    endDate: v[11] as string | null,
    budgetUsd: v[12] as number | null,
    fundedUsd: v[13] as number | null,
    progress: v[14] as number | null,
    need: v[15] as number | null,
    valueAdded: v[16] as number | null,
    engagement: v[17] as number | null,
    notes: v[18] as string,
  };
}

function toIssue(
  sheet: string,
  row: number,
  column: string,
  address: string,
  raw: CellValue,
  problem: FieldProblem,
  activityId: string,
): Issue {
  const issue: Issue = {
    code: problem.code,
    severity: NOTE_SEVERITY[problem.code] ?? "error",
    sheet,
    row,
    column,
    cell: address,
    value: showValue(raw),
    message: `${sheet}!${address} (${column}): ${problem.message}`,
  };
  if (problem.suggestions[0] !== undefined) issue.suggestion = problem.suggestions[0];
  if (activityId !== "") issue.activityId = activityId;
  return issue;
}
