/**
 * Quick entry while typing: what to write after a burst of edits on the Activities sheet. Pure (it
 * depends on src/core only), so it is tested without a host; quick-entry.ts feeds it the changed rows.
 *
 * The rules, which never fight the user's own typing:
 * - When the Approach cell of a row was edited and names an approach (by code or title), fill the
 *   Outcome and Sub-outcome cells, but only those that are empty or disagree with the approach, and
 *   never one the user edited in the same burst. The Approach cell itself is never rewritten.
 * - A row with content and no ID gets the next free ID ("ACT-0061": one more than the highest number
 *   in use), unless the user edited the ID cell in the burst.
 * - Bad values in the changed rows are flagged at once with the add-in's note and fill (the core's
 *   validation rules); cells of those rows that are now fine lose the add-in's note and fill.
 */
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp } from "../../core/changeset";
import { ACTIVITY_COLUMNS, type ActivityKey } from "../../core/activity/columns";
import { PLAN_2023_2026, type FrameworkIndex } from "../../core/framework";
import { cellAddress, isBlank, type CellValue, type Grid } from "../../core/grid";
import { SEVERITY_ORDER, type Issue, type Severity } from "../../core/issues";
import { validateActivities } from "../../core/validate";

export interface QuickEntryInput {
  sheet: string;
  headerRow: number;
  /** The header row's cells from column A. */
  header: readonly CellValue[];
  /** The rows touched by the burst, as they are now, from column A. */
  rows: readonly { row: number; values: readonly CellValue[] }[];
  /** A1 addresses the user edited in this burst. */
  edited: ReadonlySet<string>;
  /** Every ID in the sheet now (for the next free number). */
  existingIds: readonly CellValue[];
  asOf: string;
  framework?: FrameworkIndex;
}

export interface QuickEntryDecision {
  ops: ChangeOp[];
  /** What was filled and why, for the task pane's status line. */
  filled: { cell: string; value: string; why: string }[];
}

const ID_PATTERN = /^ACT-(\d+)$/i;
const ROW_CODES_SKIPPED = new Set(["duplicate-id"]); // needs the whole sheet; the full check reports it

export function nextFreeId(ids: readonly CellValue[]): (n: number) => string {
  let max = 0;
  for (const v of ids) {
    const m = typeof v === "string" ? ID_PATTERN.exec(v.trim()) : null;
    if (m) max = Math.max(max, Number(m[1]));
  }
  let next = max;
  return () => `ACT-${String(++next).padStart(4, "0")}`;
}

function columnsOf(header: readonly CellValue[]): Partial<Record<ActivityKey, number>> {
  const out: Partial<Record<ActivityKey, number>> = {};
  header.forEach((h, j) => {
    if (typeof h !== "string") return;
    const c = ACTIVITY_COLUMNS.find((x) => x.header.toLowerCase() === h.trim().toLowerCase());
    if (c && out[c.key] === undefined) out[c.key] = j + 1;
  });
  return out;
}

export function decideQuickEntry(input: QuickEntryInput): QuickEntryDecision {
  const fw = input.framework ?? PLAN_2023_2026;
  const cols = columnsOf(input.header);
  const ops: ChangeOp[] = [];
  const filled: QuickEntryDecision["filled"] = [];
  const newId = nextFreeId(input.existingIds);
  const current = new Map<number, CellValue[]>();

  for (const { row, values } of input.rows) {
    const cells = [...values];
    current.set(row, cells);
    if (cells.every((v) => isBlank(v))) continue;
    const at = (key: ActivityKey): { col: number; a1: string; value: CellValue } | null => {
      const col = cols[key];
      return col === undefined ? null : { col, a1: cellAddress(row, col), value: cells[col - 1] ?? null };
    };
    const write = (cell: { col: number; a1: string }, value: string, why: string): void => {
      ops.push({ kind: "values", sheet: input.sheet, at: cell.a1, values: [[value]] });
      cells[cell.col - 1] = value;
      filled.push({ cell: cell.a1, value, why });
    };

    const approach = at("approach");
    if (
      approach &&
      input.edited.has(approach.a1) &&
      typeof approach.value === "string" &&
      approach.value.trim() !== ""
    ) {
      const match = fw.matchApproach(approach.value);
      if (match) {
        const sub = fw.parent(match.code);
        const outcome = sub ? fw.parent(sub.code) : undefined;
        for (const [key, node] of [
          ["subOutcome", sub],
          ["outcome", outcome],
        ] as const) {
          const cell = at(key);
          if (!cell || !node || input.edited.has(cell.a1)) continue;
          const now = cell.value === null ? "" : String(cell.value).trim();
          if (now !== node.code) write(cell, node.code, `from approach ${match.code}`);
        }
      }
    }

    const id = at("id");
    if (id && isBlank(id.value) && !input.edited.has(id.a1)) write(id, newId(0), "next free ID");
  }

  // Flag the changed rows with the core's rules, on a grid holding only the header and those rows.
  const top = input.headerRow;
  const last = Math.max(top, ...input.rows.map((r) => r.row));
  const gridRows: CellValue[][] = [];
  for (let r = top; r <= last; r++) gridRows.push(r === top ? [...input.header] : (current.get(r) ?? []));
  const grid: Grid = { sheet: input.sheet, top, left: 1, rows: gridRows };
  const report = validateActivities(grid, { asOf: input.asOf });
  const byCell = new Map<string, Issue[]>();
  for (const issue of report.issues) {
    if (issue.row === null || issue.cell === null || !current.has(issue.row) || ROW_CODES_SKIPPED.has(issue.code))
      continue;
    byCell.set(issue.cell, [...(byCell.get(issue.cell) ?? []), issue]);
  }
  const palette = Object.values(SEVERITY_FILLS);
  for (const [row, cells] of current) {
    if (cells.every((v) => isBlank(v))) continue;
    for (const c of ACTIVITY_COLUMNS) {
      const col = cols[c.key];
      if (col === undefined) continue;
      const a1 = cellAddress(row, col);
      const issues = byCell.get(a1);
      if (!issues) {
        ops.push(
          { kind: "clearNote", sheet: input.sheet, cell: a1 },
          { kind: "clearFill", sheet: input.sheet, range: a1, colors: palette },
        );
        continue;
      }
      const worst = issues.reduce<Severity>(
        (w, i) => (SEVERITY_ORDER[i.severity] < SEVERITY_ORDER[w] ? i.severity : w),
        "info",
      );
      const text = ANNOTATION_MARK + issues.map((i) => `${i.severity} (${i.code}): ${i.message}`).join("\n");
      ops.push(
        { kind: "note", sheet: input.sheet, cell: a1, text },
        { kind: "fill", sheet: input.sheet, range: a1, color: SEVERITY_FILLS[worst] },
      );
    }
  }
  return { ops, filled };
}
