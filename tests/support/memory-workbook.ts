/**
 * An in-memory WorkbookPort for use-case tests. It keeps just enough state to assert what a use case
 * did (values, formulas, notes, fills, tables, names, validations) cell by cell, and it keeps the
 * change-set rules the real hosts keep: notes without ANNOTATION_MARK are the user's and stay, fills
 * are cleared only in the listed colours, resetSheet drops everything the sheet held.
 */
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp, type ChangeSet } from "../../src/core/changeset";
import { cellAddress, parseAddress, type CellValue, type Grid } from "../../src/core/grid";
import type { ApplyReport, ReadOptions, SheetInfo, WorkbookPort } from "../../src/ports/workbook-port";
import { SheetNotFoundError } from "../../src/ports/workbook-port";

interface SheetState {
  cells: Map<string, CellValue>;
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  hidden: boolean;
  frozen?: { rows: number; cols: number };
  protected: boolean;
}

const key = (row: number, col: number) => `${row},${col}`;

/** Expand "A1:C3" (or "A1") into its cells. */
export function cellsOf(range: string): { row: number; col: number }[] {
  const [a, b] = range.split(":");
  const from = parseAddress(a!);
  const to = b ? parseAddress(b) : from;
  const out: { row: number; col: number }[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push({ row: r, col: c });
  return out;
}

export class MemoryWorkbook {
  readonly sheets = new Map<string, SheetState>();
  /** "Sheet!A1" -> note text */
  readonly notes = new Map<string, string>();
  /** "Sheet!A1" -> "#RRGGBB" */
  readonly fills = new Map<string, string>();
  readonly tables = new Map<string, { sheet: string; range: string }>();
  readonly names = new Map<string, { sheet: string; range: string }>();
  readonly validations: Extract<ChangeOp, { kind: "listValidation" }>[] = [];
  readonly links = new Map<string, { toSheet: string; toCell: string; text: string }>();
  readonly skipped: ApplyReport["skipped"] = [];
  applyCount = 0;

  constructor(initial: Record<string, CellValue[][]> = {}) {
    for (const [name, rows] of Object.entries(initial)) {
      const s = this.ensure(name);
      rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && s.cells.set(key(i + 1, j + 1), v)));
    }
  }

  private ensure(name: string): SheetState {
    let s = this.sheets.get(name);
    if (!s) {
      s = { cells: new Map(), formulas: new Map(), numberFormats: new Map(), hidden: false, protected: false };
      this.sheets.set(name, s);
    }
    return s;
  }

  private sheet(name: string): SheetState {
    const s = this.sheets.get(name);
    if (!s) throw new SheetNotFoundError(name);
    return s;
  }

  value(sheet: string, a1: string): CellValue {
    const { row, col } = parseAddress(a1);
    return this.sheet(sheet).cells.get(key(row, col)) ?? null;
  }

  formula(sheet: string, a1: string): string | undefined {
    const { row, col } = parseAddress(a1);
    return this.sheet(sheet).formulas.get(key(row, col));
  }

  numberFormat(sheet: string, a1: string): string | undefined {
    const { row, col } = parseAddress(a1);
    return this.sheet(sheet).numberFormats.get(key(row, col));
  }

  /** The sheet from A1 to its last used cell. */
  grid(sheet: string, options: ReadOptions = {}): Grid {
    const s = this.sheet(sheet);
    let maxR = 0;
    let maxC = 0;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (r > maxR) maxR = r;
      if (c > maxC) maxC = c;
    }
    const rows: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 1; r <= maxR; r++) {
      const row: CellValue[] = [];
      const frow: (string | null)[] = [];
      const nrow: (string | null)[] = [];
      for (let c = 1; c <= maxC; c++) {
        row.push(s.cells.get(key(r, c)) ?? null);
        frow.push(s.formulas.get(key(r, c)) ?? null);
        nrow.push(s.numberFormats.get(key(r, c)) ?? null);
      }
      rows.push(row);
      formulas.push(frow);
      formats.push(nrow);
    }
    return {
      sheet,
      top: 1,
      left: 1,
      rows,
      ...(options.formulas ? { formulas } : {}),
      ...(options.numberFormats ? { numberFormats: formats } : {}),
    };
  }

  /** A deep snapshot for "applying twice equals once" comparisons. */
  snapshot(): unknown {
    const sheets: Record<string, unknown> = {};
    for (const [name, s] of this.sheets) {
      sheets[name] = {
        cells: [...s.cells.entries()].sort(),
        formulas: [...s.formulas.entries()].sort(),
        formats: [...s.numberFormats.entries()].sort(),
        hidden: s.hidden,
        frozen: s.frozen,
        protected: s.protected,
      };
    }
    return {
      order: [...this.sheets.keys()],
      sheets,
      notes: [...this.notes.entries()].sort(),
      fills: [...this.fills.entries()].sort(),
      tables: [...this.tables.entries()].sort(),
      names: [...this.names.entries()].sort(),
      validations: this.validations.map((v) => JSON.stringify(v)).sort(),
      links: [...this.links.entries()].sort(),
    };
  }

  readonly port: WorkbookPort = {
    listSheets: async (): Promise<SheetInfo[]> =>
      [...this.sheets.entries()].map(([name, s]) => {
        const g = this.grid(name);
        return { name, rowCount: g.rows.length, columnCount: g.rows[0]?.length ?? 0, visible: !s.hidden };
      }),
    readSheet: async (name: string, options?: ReadOptions): Promise<Grid> => this.grid(name, options),
    apply: async (changes: ChangeSet): Promise<ApplyReport> => {
      this.applyCount++;
      const report: ApplyReport = { applied: 0, skipped: [] };
      for (const op of changes.ops) {
        if (this.applyOp(op)) report.applied++;
        else report.skipped.push({ kind: op.kind, reason: "not kept by the in-memory workbook" });
      }
      this.skipped.push(...report.skipped);
      return report;
    },
  };

  private applyOp(op: ChangeOp): boolean {
    switch (op.kind) {
      case "ensureSheet": {
        const s = this.ensure(op.sheet);
        if (op.hidden !== undefined) s.hidden = op.hidden;
        return true;
      }
      case "resetSheet": {
        // Recreated in the same tab position, as the real hosts do.
        const order = [...this.sheets.keys()];
        this.sheets.delete(op.sheet);
        for (const m of [this.notes, this.fills, this.links])
          for (const k of [...m.keys()]) if (k.startsWith(`${op.sheet}!`)) m.delete(k);
        for (const m of [this.tables, this.names]) for (const [k, v] of [...m]) if (v.sheet === op.sheet) m.delete(k);
        for (let i = this.validations.length - 1; i >= 0; i--)
          if (this.validations[i]!.sheet === op.sheet) this.validations.splice(i, 1);
        this.ensure(op.sheet);
        if (order.includes(op.sheet)) {
          const reordered = new Map(order.map((name) => [name, this.sheets.get(name)!] as const));
          this.sheets.clear();
          for (const [name, state] of reordered) this.sheets.set(name, state);
        }
        return true;
      }
      case "values": {
        const s = this.sheet(op.sheet);
        const at = parseAddress(op.at);
        op.values.forEach((r, i) =>
          r.forEach((v, j) => {
            const k = key(at.row + i, at.col + j);
            s.formulas.delete(k);
            if (v === null || v === undefined) s.cells.delete(k);
            else s.cells.set(k, v);
            const fmt = op.formats?.[j];
            if (fmt) s.numberFormats.set(k, fmt);
          }),
        );
        return true;
      }
      case "formulas": {
        const s = this.sheet(op.sheet);
        const at = parseAddress(op.at);
        op.formulas.forEach((r, i) =>
          r.forEach((f, j) => {
            const k = key(at.row + i, at.col + j);
            s.formulas.set(k, f.startsWith("=") ? f.slice(1) : f);
            s.cells.delete(k);
          }),
        );
        return true;
      }
      case "numberFormat": {
        const s = this.sheet(op.sheet);
        // Whole-column formats may span 10,000 rows: record only cells that hold values, plus the corner.
        for (const { row, col } of cellsOf(op.range))
          if (s.cells.has(key(row, col))) s.numberFormats.set(key(row, col), op.format);
        return true;
      }
      case "note": {
        const k = `${op.sheet}!${op.cell}`;
        const prev = this.notes.get(k);
        if (prev !== undefined && !prev.startsWith(ANNOTATION_MARK)) return false;
        this.notes.set(k, op.text);
        return true;
      }
      case "clearNote": {
        const k = `${op.sheet}!${op.cell}`;
        const prev = this.notes.get(k);
        if (prev !== undefined && prev.startsWith(ANNOTATION_MARK)) this.notes.delete(k);
        return true;
      }
      case "fill": {
        // A user's own colour stays (the note still flags the cell); the add-in repaints only its own.
        const own = Object.values(SEVERITY_FILLS).map((c) => c.toUpperCase());
        for (const { row, col } of cellsOf(op.range)) {
          const k = `${op.sheet}!${cellAddress(row, col)}`;
          const prev = this.fills.get(k);
          if (prev === undefined || own.includes(prev.toUpperCase())) this.fills.set(k, op.color);
        }
        return true;
      }
      case "clearFill":
        for (const { row, col } of cellsOf(op.range)) {
          const k = `${op.sheet}!${cellAddress(row, col)}`;
          const prev = this.fills.get(k);
          if (prev !== undefined && op.colors.map((c) => c.toUpperCase()).includes(prev.toUpperCase()))
            this.fills.delete(k);
        }
        return true;
      case "table":
        this.tables.set(op.name, { sheet: op.sheet, range: op.range });
        return true;
      case "name":
        this.names.set(op.name, { sheet: op.sheet, range: op.range });
        return true;
      case "listValidation": {
        const i = this.validations.findIndex((v) => v.sheet === op.sheet && v.range === op.range);
        if (i >= 0) this.validations.splice(i, 1, op);
        else this.validations.push(op);
        return true;
      }
      case "link":
        this.links.set(`${op.sheet}!${op.cell}`, { toSheet: op.toSheet, toCell: op.toCell, text: op.text });
        return true;
      case "freeze":
        this.sheet(op.sheet).frozen = { rows: op.rows, cols: op.cols };
        return true;
      case "protect":
        this.sheet(op.sheet).protected = true;
        return true;
      case "style":
      case "columns":
      case "conditionalFormat":
        this.sheet(op.sheet);
        return true;
      case "pivot":
      case "chart":
        return false;
    }
  }
}
