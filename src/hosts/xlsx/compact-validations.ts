/**
 * ExcelJS reads a validation range ("C2:C500") into one entry per cell, and its writer then squeezes
 * them back with an optimiser that can emit overlapping ranges (it walks addresses in string order:
 * "C10" before "C2"; exceljs issue 2820). Overlapping validations make Excel repair the file. So before
 * every save we rebuild each sheet's validations as disjoint rectangles ourselves.
 */
import type { Worksheet } from "exceljs";
import { cellAddress, parseAddress } from "../../core/grid";
import { ws } from "./exceljs-internals";
import { parseRange } from "./ranges";

interface Run {
  top: number;
  bottom: number;
}

export function compactValidations(sheet: Worksheet): void {
  const dv = ws(sheet).dataValidations;
  const model = dv.model;
  const keys = Object.keys(model);
  if (keys.length === 0) return;
  // Group the cells by identical validation.
  const groups = new Map<string, { value: unknown; cols: Map<number, Set<number>> }>();
  for (const key of keys) {
    const value = model[key];
    if (value === undefined || value === null) continue;
    const id = JSON.stringify(value);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { value, cols: new Map() }));
    const box = key.includes(":")
      ? parseRange(key)
      : (() => {
          const p = parseAddress(key);
          return { top: p.row, left: p.col, bottom: p.row, right: p.col };
        })();
    for (let c = box.left; c <= box.right; c++) {
      let rows = g.cols.get(c);
      if (!rows) g.cols.set(c, (rows = new Set()));
      for (let r = box.top; r <= box.bottom; r++) rows.add(r);
    }
  }
  const next: Record<string, unknown> = {};
  for (const g of groups.values()) {
    // Vertical runs per column, then merge neighbouring columns with identical runs into rectangles.
    const runsByCol = new Map<number, Run[]>();
    for (const [c, rowSet] of g.cols) {
      const rows = [...rowSet].sort((a, b) => a - b);
      const runs: Run[] = [];
      for (const r of rows) {
        const last = runs[runs.length - 1];
        if (last && last.bottom === r - 1) last.bottom = r;
        else runs.push({ top: r, bottom: r });
      }
      runsByCol.set(c, runs);
    }
    const cols = [...runsByCol.keys()].sort((a, b) => a - b);
    const open = new Map<string, { left: number; right: number; run: Run }>();
    const emit = (o: { left: number; right: number; run: Run }): void => {
      const a = cellAddress(o.run.top, o.left);
      const b = cellAddress(o.run.bottom, o.right);
      next[a === b ? a : `${a}:${b}`] = g.value;
    };
    for (const c of cols) {
      const runs = runsByCol.get(c)!;
      const seen = new Set<string>();
      for (const run of runs) {
        const id = `${run.top}:${run.bottom}`;
        seen.add(id);
        const o = open.get(id);
        if (o && o.right === c - 1) o.right = c;
        else {
          if (o) emit(o);
          open.set(id, { left: c, right: c, run });
        }
      }
      for (const [id, o] of open) {
        if (!seen.has(id)) {
          emit(o);
          open.delete(id);
        }
      }
    }
    for (const o of open.values()) emit(o);
  }
  dv.model = next;
}
