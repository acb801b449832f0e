/**
 * importRows: a country team's sheet -> canonical activity records, a mapping report and issues.
 * Reads only: the grid is never changed, and nothing here writes anywhere (importAppendChanges makes
 * the change set, the use case applies it).
 */
import { emptyRecord, type ActivityRecord } from "../activity/record";
import { PLAN_2023_2026, type FrameworkIndex } from "../framework";
import { cellAddress, gridWidth, isBlank, isCellError, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { classifyRow, findHeaderRow, findSubHeaderRow, rowCells } from "./detect-layout";
import { IdAllocator } from "./ids";
import { mapColumns, type MappingOverride } from "./map-columns";
import type { MappingMemory } from "./mapping-memory";
import {
  normaliseAgencies,
  normaliseApproach,
  normaliseCountries,
  normaliseDate,
  normaliseLevelCode,
  normaliseMoney,
  normaliseProgress,
  normaliseScore,
  normaliseWord,
  type ApproachReading,
  type CellProblem,
  type Normalised,
} from "./normalise-fields";
import { cellText, foldText } from "./text";
import type {
  ColumnMapping,
  DateOrder,
  ImportField,
  ImportResult,
  ImportedRow,
  SkippedRow,
  ValueChange,
} from "./types";
import { parseImportPeriod } from "./parse-date";

export interface ImportOptions {
  /** IDs already in Activities: never given to an imported row. */
  existingIds?: Iterable<string>;
  /** ID -> title of the rows already in Activities: a source row with the same ID and title was imported before and is skipped. */
  existingTitles?: ReadonlyMap<string, string>;
  /** How to read "03/04/2024": day first or month first. Unset: such dates are reported, not guessed. */
  dateOrder?: DateOrder;
  /** The user's corrections to the column mapping. */
  mappingOverride?: MappingOverride;
  /** Mappings remembered from earlier imports (used when the header row is the same). */
  memory?: MappingMemory;
  /** The plan to import into (default: the 2023-2026 plan). */
  framework?: FrameworkIndex;
}

/** Separates the parts of Notes the import puts together (source notes, source ID, unmapped columns). */
export const NOTES_SEPARATOR = "; ";

export { emptyRecord };

/** Text the Activities sheet shows for a field value: the "after" of a change. */
export function displayValue(field: ImportField, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("; ");
  if (field === "progress" && typeof value === "number") return `${Math.round(value * 10000) / 100}%`;
  return String(value);
}

/** Rows with these markers in their only cell are notes under the table, not activities. */
const NOTE_ROW =
  /^(note|notes|nb|n b|source|sources|prepared by|prepare par|elabore par|elaborado por|fuente|remarque|last updated|mis a jour|actualizado)\b/;
/** Section headings inside a tracker: "Outcome 1 - ...", "Résultat 2", "Axe 3". */
const SECTION_ROW =
  /^(outcome|sub outcome|resultat|sous resultat|resultado|subresultado|axe|objective|objectif|objetivo|section|component|composante|componente|pillar|pilier|pilar)\b/;

export function importRows(grid: Grid, options: ImportOptions = {}): ImportResult {
  const framework = options.framework ?? PLAN_2023_2026;
  const header = findHeaderRow(grid, knownHeaders(options));
  if (!header) {
    return {
      sheet: grid.sheet,
      headerRow: null,
      dataRows: null,
      fingerprint: "",
      fromMemory: false,
      columns: [],
      rows: [],
      changes: [],
      skipped: [],
      issues: [
        {
          code: "header-not-found",
          severity: "error",
          sheet: grid.sheet,
          row: null,
          column: null,
          cell: null,
          value: "",
          message: `No header row found in the first 50 rows of "${grid.sheet}": no row names at least two fields such as "Activity", "Approach", "Lead agency", "Country" or "Start date". Check the sheet, or rename its headers.`,
        },
      ],
    };
  }
  const width = Math.max(gridWidth(grid), 0);
  const subHeaderRow = findSubHeaderRow(grid, header.row);
  const plan = mapColumns(grid, header.row, width, {
    subHeaderRow,
    framework,
    ...(options.mappingOverride ? { override: options.mappingOverride } : {}),
    ...(options.memory ? { memory: options.memory } : {}),
  });
  const issues: Issue[] = [...plan.issues];
  const changes: ValueChange[] = [];
  const skipped: SkippedRow[] = [];
  const rows: ImportedRow[] = [];
  const ids = new IdAllocator(options.existingIds ?? [], options.existingTitles ?? new Map());
  const mapped = plan.columns.filter((c) => c.choice !== "ignore");
  const titleCol = plan.columns.find((c) => c.choice === "title")?.col;
  const caches = new FieldCaches(framework, options.dateOrder);

  let pendingBlanks: number[] = [];
  let ended = false;
  let first: number | null = null;
  let last: number | null = null;
  const lastRow = grid.top + grid.rows.length - 1;
  for (let row = (subHeaderRow ?? header.row) + 1; row <= lastRow; row++) {
    const kind = classifyRow(grid, row);
    if (kind === "blank") {
      if (!ended) pendingBlanks.push(row);
      continue;
    }
    if (ended) {
      skipped.push({
        row,
        reason: "after-totals",
        message: "Below the totals row: not read as an activity.",
        cells: rowCells(grid, row),
      });
      continue;
    }
    for (const b of pendingBlanks)
      skipped.push({ row: b, reason: "blank", message: "Blank row inside the data: skipped.", cells: [] });
    pendingBlanks = [];
    if (kind === "totals") {
      skipped.push({ row, reason: "totals", message: "Totals row: the data ends here.", cells: rowCells(grid, row) });
      ended = true;
      continue;
    }
    if (kind === "subtotal") {
      skipped.push({ row, reason: "subtotal", message: "Sub-total row: skipped.", cells: rowCells(grid, row) });
      continue;
    }
    const notActivity = notAnActivity(grid, row, mapped, titleCol);
    if (notActivity) {
      skipped.push({ row, reason: "no-activity", message: notActivity, cells: rowCells(grid, row) });
      continue;
    }
    const imported = importRow(grid, row, mapped, caches, framework, changes);
    const texts = rowTexts(grid, row);
    const decision = ids.decide(grid.sheet, imported.sourceId, imported.record.title, texts);
    if (decision.kind === "already-imported") {
      skipped.push({
        row,
        reason: "already-imported",
        message: `Already in Activities as ${decision.id}: not imported again.`,
        cells: rowCells(grid, row),
      });
      imported.issues.length = 0;
      continue;
    }
    const record = imported.record;
    record.id = decision.id;
    if (decision.kind === "generated" && decision.sourceId) {
      record.notes = joinNotes([`Source ID: ${decision.sourceId}`, record.notes]);
      const idCol = plan.columns.find((c) => c.choice === "id");
      const idCell = idCol ? cellAddress(row, idCol.col) : null;
      issues.push({
        code: "id-taken",
        severity: "warning",
        sheet: grid.sheet,
        row,
        column: idCol?.header ?? null,
        cell: idCell,
        value: decision.sourceId,
        activityId: decision.id,
        message: `ID "${decision.sourceId}" is already used ${decision.reason === "taken-in-source" ? "by an earlier row of this sheet" : "in Activities by another activity"}; this row gets ${decision.id}, and its own ID is kept in Notes.`,
      });
    }
    for (const i of imported.issues) issues.push({ ...i, activityId: decision.id });
    rows.push({ row, record, idGenerated: decision.kind === "generated" });
    if (first === null) first = row;
    last = row;
  }
  return {
    sheet: grid.sheet,
    headerRow: header.row,
    dataRows: first !== null && last !== null ? { first, last } : null,
    fingerprint: plan.fingerprint,
    fromMemory: plan.fromMemory,
    columns: plan.columns,
    rows,
    changes,
    skipped,
    issues,
  };
}

/** Header texts the user has mapped by hand: correction keys and remembered header rows. */
function knownHeaders(options: ImportOptions): Set<string> {
  const known = new Set<string>();
  if (options.mappingOverride)
    for (const k of Object.keys(options.mappingOverride))
      if (!/^[A-Za-z]{1,3}$/.test(k.trim()) || k.trim().length > 2) known.add(foldText(k));
  for (const e of options.memory?.entries ?? []) for (const h of e.headers) known.add(foldText(h));
  known.delete("");
  return known;
}

function rowTexts(grid: Grid, row: number): string[] {
  return (grid.rows[row - grid.top] ?? []).map((v) => cellText(v));
}

function notAnActivity(
  grid: Grid,
  row: number,
  mapped: readonly ColumnMapping[],
  titleCol: number | undefined,
): string | null {
  const cells = grid.rows[row - grid.top] ?? [];
  const filled: { col: number; text: string }[] = [];
  cells.forEach((v, j) => {
    const t = cellText(v);
    if (t) filled.push({ col: grid.left + j, text: t });
  });
  const useful = filled.filter((f) => mapped.some((c) => c.col === f.col));
  if (useful.length === 0) return "Nothing in the mapped columns: skipped.";
  if (filled.length === 1) {
    const only = filled[0]!;
    const folded = foldText(only.text);
    if (NOTE_ROW.test(folded)) return "A note under the table, not an activity: skipped.";
    if (SECTION_ROW.test(folded)) return "A section heading, not an activity: skipped.";
    if (only.col !== titleCol) return "Only one cell filled, outside the Activity column: not an activity, skipped.";
  }
  // Numbers only (an unlabelled totals row): no text anywhere.
  if (filled.every((f) => typeof cells[f.col - grid.left] === "number"))
    return "Numbers only, no activity text: looks like a totals row, skipped.";
  return null;
}

interface RowImport {
  record: ActivityRecord;
  sourceId: string;
  issues: Issue[];
}

function importRow(
  grid: Grid,
  row: number,
  columns: readonly ColumnMapping[],
  caches: FieldCaches,
  framework: FrameworkIndex,
  changes: ValueChange[],
): RowImport {
  const record = emptyRecord();
  const issues: Issue[] = [];
  const cells = grid.rows[row - grid.top] ?? [];
  const formulas = grid.formulas?.[row - grid.top];
  const formats = grid.numberFormats?.[row - grid.top];
  const extraNotes: string[] = [];
  let sourceId = "";
  let sourceOutcome: { code: string; cell: string; header: string; raw: string } | null = null;
  let sourceSub: { code: string; cell: string; header: string; raw: string } | null = null;
  let approach: ApproachReading | null = null;
  let notes = "";
  let period: { start: string; end: string; cell: string; header: string; before: string } | null = null;
  const crossOver: { field: "stage" | "status"; value: string; at: CellAt; from: "stage" | "status" }[] = [];

  for (const c of columns) {
    const j = c.col - grid.left;
    const v: CellValue = cells[j] ?? null;
    if ((v === null || (typeof v === "string" && v.trim() === "")) && !formulas?.[j]) continue;
    const cell = `${c.letter}${row}`;
    const before = cellText(v);
    const at: CellAt = { sheet: grid.sheet, row, column: c.header || `Column ${c.letter}`, cell, value: before };
    if (isBlank(v)) {
      const f = formulas?.[j];
      if (f)
        issues.push({
          ...at,
          code: "formula-without-value",
          severity: "warning",
          message: `The cell holds a formula (=${f}) with no saved result, so there is no value to import. Open the file in Excel, let it calculate, save, and import again.`,
        });
      continue;
    }
    if (isCellError(v)) {
      issues.push({
        ...at,
        code: "error-value",
        severity: "warning",
        message: `The cell shows the error ${v.error}; nothing is imported from it. Fix the formula or the value in the source.`,
      });
      continue;
    }
    if (c.choice === "unmapped") {
      extraNotes.push(`${c.header || `Column ${c.letter}`}: ${before}`);
      continue;
    }
    if (c.choice === "ignore") continue;
    const field = c.choice;
    const text = typeof v === "string" ? v.trim() : before;
    const record_ = record as unknown as Record<string, unknown>;
    const report = (n: Normalised<unknown>) => {
      for (const p of n.problems) issues.push(problemIssue(at, p));
      const after = displayValue(field, n.value);
      if (after !== before)
        changes.push(
          n.reading
            ? { row, cell, field, header: at.column, before, after, reading: n.reading }
            : { row, cell, field, header: at.column, before, after },
        );
    };
    switch (field) {
      case "id":
        sourceId = text;
        break;
      case "period": {
        const p = parseImportPeriod(v, caches.dateOrder ? { dateOrder: caches.dateOrder } : {});
        if (p.ok) {
          period = { start: p.start, end: p.end, cell, header: at.column, before };
          changes.push({ row, cell, field, header: at.column, before, after: `${p.start} to ${p.end}` });
        } else {
          issues.push(
            problemIssue(at, {
              code: p.code,
              severity: "warning",
              message: `${p.message} Start and end dates are left empty.`,
            }),
          );
          changes.push({ row, cell, field, header: at.column, before, after: "" });
        }
        break;
      }
      case "title":
        record.title = text;
        break;
      case "notes":
        notes = joinNotes([notes, text]);
        break;
      case "outcome":
      case "subOutcome": {
        const n = caches.levelCode(v, field);
        report(n);
        const found = { code: n.value, cell, header: at.column, raw: before };
        if (field === "outcome") sourceOutcome = found;
        else sourceSub = found;
        record_[field] = n.value;
        break;
      }
      case "approach": {
        const n = caches.approach(v);
        for (const p of n.problems) issues.push(problemIssue(at, p));
        approach = n.value;
        if (n.value.approach && n.value.approach !== before)
          changes.push({ row, cell, field, header: at.column, before, after: n.value.approach });
        if (!n.value.approach) changes.push({ row, cell, field, header: at.column, before, after: "" });
        break;
      }
      case "leadAgencies": {
        const n = caches.agencies(text);
        report(n);
        record.leadAgencies = [...n.value];
        break;
      }
      case "countries": {
        const n = caches.countries(text);
        report(n);
        record.countries = [...n.value];
        break;
      }
      case "level":
      case "stage":
      case "status": {
        const n = caches.word(text, field);
        // Trackers often keep one column for both: "Implementation" under Status is a stage, "Ongoing"
        // under Stage is a status. Kept aside, used if the row's own column for it says nothing.
        const other = field === "status" ? "stage" : field === "stage" ? "status" : null;
        const crossed = !n.value && other ? caches.word(text, other) : null;
        if (other && crossed?.value && field !== "level") {
          crossOver.push({ field: other, value: crossed.value, at: { ...at }, from: field });
          changes.push({
            row,
            cell,
            field,
            header: at.column,
            before,
            after: "",
            reading: `a ${other}, not a ${field}: ${crossed.value}`,
          });
          break;
        }
        report(n);
        record[field] = n.value;
        break;
      }
      case "startDate":
      case "endDate": {
        const n = normaliseDate(v, field === "startDate" ? "start" : "end", caches.dateOrder, formats?.[j]);
        report(n);
        record[field] = n.value;
        break;
      }
      case "budgetUsd":
      case "fundedUsd": {
        const n = normaliseMoney(v, c.currency);
        report(n);
        record[field] = n.value;
        break;
      }
      case "progress": {
        const n = normaliseProgress(v, formats?.[j]);
        report(n);
        record.progress = n.value;
        break;
      }
      case "need":
      case "valueAdded":
      case "engagement": {
        const n = normaliseScore(v);
        report(n);
        record[field] = n.value;
        break;
      }
    }
  }

  for (const x of crossOver) {
    if (!record[x.field]) {
      record[x.field] = x.value;
      issues.push(
        problemIssue(x.at, {
          code: `${x.from}-is-${x.field}`,
          severity: "info",
          message: `"${x.at.value}" is a ${x.field}, not a ${x.from}: imported as the ${x.field} ${x.value}, and the ${x.from} left empty.`,
        }),
      );
    } else {
      issues.push(
        problemIssue(x.at, {
          code: `${x.from}-unknown`,
          severity: "warning",
          message: `"${x.at.value}" is a ${x.field}, not a ${x.from}, and the row already has the ${x.field} ${record[x.field]}; the ${x.from} is left empty.`,
        }),
      );
    }
  }
  // A period column fills the dates that no column of their own gave.
  if (period) {
    if (record.startDate === null) record.startDate = period.start;
    if (record.endDate === null) record.endDate = period.end;
  }
  resolveHierarchy(grid.sheet, row, record, approach, sourceOutcome, sourceSub, issues, framework);
  record.notes = joinNotes([notes, ...extraNotes]);
  return { record, sourceId, issues };
}

/** The approach decides sub-outcome and outcome; a source that says otherwise is reported, not followed. */
function resolveHierarchy(
  sheet: string,
  row: number,
  record: ActivityRecord,
  approach: ApproachReading | null,
  outcome: { code: string; cell: string; header: string; raw: string } | null,
  sub: { code: string; cell: string; header: string; raw: string } | null,
  issues: Issue[],
  framework: FrameworkIndex,
): void {
  if (approach && approach.approach) {
    record.approach = approach.approach;
    record.subOutcome = approach.subOutcome;
    record.outcome = approach.outcome;
  } else if (approach) {
    // The cell named a sub-outcome or outcome only: keep what it named unless the source's own columns say more.
    if (!record.subOutcome && approach.subOutcome) record.subOutcome = approach.subOutcome;
    if (!record.outcome && approach.outcome) record.outcome = approach.outcome;
  }
  if (!record.approach && record.subOutcome) {
    const parent = framework.parent(record.subOutcome)?.code ?? "";
    if (record.outcome && parent && record.outcome !== parent) {
      if (outcome)
        issues.push({
          sheet,
          row,
          column: outcome.header,
          cell: outcome.cell,
          value: outcome.raw,
          code: "outcome-conflict",
          severity: "warning",
          message: `Outcome ${record.outcome} does not hold sub-outcome ${record.subOutcome}; the import keeps outcome ${parent}, the sub-outcome's own. Check which one the activity belongs to.`,
          suggestion: parent,
        });
    }
    if (parent) record.outcome = parent;
  }
  if (record.approach) {
    if (outcome && outcome.code && outcome.code !== record.outcome) {
      issues.push({
        sheet,
        row,
        column: outcome.header,
        cell: outcome.cell,
        value: outcome.raw,
        code: "outcome-conflict",
        severity: "warning",
        message: `The source says outcome ${outcome.code}, but approach ${record.approach} belongs to outcome ${record.outcome}; the import keeps ${record.outcome}. Check the approach if the outcome was right.`,
        suggestion: record.outcome,
      });
    }
    if (sub && sub.code && sub.code !== record.subOutcome) {
      issues.push({
        sheet,
        row,
        column: sub.header,
        cell: sub.cell,
        value: sub.raw,
        code: "sub-outcome-conflict",
        severity: "warning",
        message: `The source says sub-outcome ${sub.code}, but approach ${record.approach} belongs to sub-outcome ${record.subOutcome}; the import keeps ${record.subOutcome}. Check the approach if the sub-outcome was right.`,
        suggestion: record.subOutcome,
      });
    }
  }
}

interface CellAt {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  value: string;
}

function problemIssue(at: CellAt, p: CellProblem): Issue {
  const issue: Issue = {
    code: p.code,
    severity: p.severity,
    sheet: at.sheet,
    row: at.row,
    column: at.column,
    cell: at.cell,
    value: at.value,
    message: p.message,
  };
  if (p.suggestion) issue.suggestion = p.suggestion;
  return issue;
}

export function joinNotes(parts: readonly string[]): string {
  return parts.filter((p) => p.trim() !== "").join(NOTES_SEPARATOR);
}

/**
 * Trackers repeat the same few values thousands of times ("OMD/INTERPOL", "Sénégal", "3.2.4"): each
 * distinct text is normalised once. Keys are prefixed so no text can collide with a Map internal.
 */
class FieldCaches {
  private readonly cache = new Map<string, Normalised<unknown>>();
  constructor(
    private readonly framework: FrameworkIndex,
    readonly dateOrder: DateOrder | undefined,
  ) {}

  private memo<T>(key: string, make: () => Normalised<T>): Normalised<T> {
    const hit = this.cache.get(key);
    if (hit) return hit as Normalised<T>;
    const made = make();
    if (this.cache.size < 200_000) this.cache.set(key, made);
    return made;
  }

  approach(v: CellValue): Normalised<ApproachReading> {
    return this.memo(`a\u0000${typeof v}\u0000${cellText(v)}`, () =>
      normaliseApproach(typeof v === "number" ? v : cellText(v), this.framework),
    );
  }

  levelCode(v: CellValue, want: "outcome" | "subOutcome"): Normalised<string> {
    return this.memo(`${want}\u0000${typeof v}\u0000${cellText(v)}`, () =>
      normaliseLevelCode(typeof v === "number" ? v : cellText(v), this.framework, want),
    );
  }

  agencies(text: string): Normalised<string[]> {
    return this.memo(`g\u0000${text}`, () => normaliseAgencies(text));
  }

  countries(text: string): Normalised<string[]> {
    return this.memo(`c\u0000${text}`, () => normaliseCountries(text));
  }

  word(text: string, field: "level" | "stage" | "status"): Normalised<string> {
    return this.memo(`${field}\u0000${text}`, () => normaliseWord(text, field));
  }
}
