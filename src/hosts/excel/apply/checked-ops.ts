/**
 * Step one of apply: check every op's addresses and sheets before anything is written, so that a bad
 * change set fails with nothing applied. Returns the ops with their ranges parsed.
 */
import type { ChangeOp, ChangeSet } from "../../../core/changeset";
import { parseRef, type Rect } from "../a1";
import { ChangeSetError } from "../errors";

export interface CheckedOp {
  index: number;
  op: ChangeOp;
  /** The op's main range on its own sheet (values: the block written; notes and links: the cell). */
  rect: Rect | null;
}

function rectOf(text: string, index: number, op: ChangeOp): Rect {
  try {
    const { sheet, rect } = parseRef(text);
    if (sheet !== null) throw new Error("a range here must not name a sheet");
    return rect;
  } catch (e) {
    throw new ChangeSetError(
      index,
      op.kind,
      `"${text}" is not a range address (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

export function checkOps(changes: ChangeSet, existingSheets: readonly string[]): CheckedOp[] {
  const known = new Set(existingSheets.map((s) => s.toLowerCase()));
  const out: CheckedOp[] = [];
  const needSheet = (index: number, op: ChangeOp, sheet: string): void => {
    if (!known.has(sheet.toLowerCase()))
      throw new ChangeSetError(index, op.kind, `the sheet "${sheet}" does not exist and no earlier change creates it`);
  };
  changes.ops.forEach((op, index) => {
    let rect: Rect | null = null;
    switch (op.kind) {
      case "ensureSheet":
        known.add(op.sheet.toLowerCase());
        break;
      case "resetSheet":
        break;
      case "values": {
        needSheet(index, op, op.sheet);
        const at = rectOf(op.at, index, op);
        const width = op.values.reduce((w, r) => Math.max(w, r.length), 0);
        rect = { row: at.row, col: at.col, rows: op.values.length, cols: width };
        break;
      }
      case "formulas": {
        needSheet(index, op, op.sheet);
        const at = rectOf(op.at, index, op);
        rect = {
          row: at.row,
          col: at.col,
          rows: op.formulas.length,
          cols: op.formulas.reduce((w, r) => Math.max(w, r.length), 0),
        };
        break;
      }
      case "style":
      case "numberFormat":
      case "listValidation":
      case "conditionalFormat":
      case "fill":
      case "clearFill":
      case "table":
      case "name":
        needSheet(index, op, op.sheet);
        rect = rectOf(op.range, index, op);
        break;
      case "note":
      case "clearNote":
      case "link":
        needSheet(index, op, op.sheet);
        rect = rectOf(op.cell, index, op);
        if (rect.rows !== 1 || rect.cols !== 1)
          throw new ChangeSetError(index, op.kind, `"${op.cell}" is not one cell`);
        break;
      case "columns":
      case "freeze":
      case "protect":
        needSheet(index, op, op.sheet);
        break;
      case "pivot":
        needSheet(index, op, op.sheet);
        rect = rectOf(op.at, index, op);
        break;
      case "chart":
        needSheet(index, op, op.sheet);
        needSheet(index, op, op.sourceSheet);
        rect = rectOf(op.sourceRange, index, op);
        rectOf(op.at, index, op);
        break;
    }
    out.push({ index, op, rect });
  });
  return out;
}
