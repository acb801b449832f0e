/**
 * Step three of apply: turn the checked ops and the workbook facts into write actions, each with an
 * estimate of its request bytes. Nothing is sent here; the executor groups the actions into blocks
 * (one sync each) that stay under the 5 MB request limit. Decisions (a user's note stays, only the
 * add-in's fills are cleared, an existing table is resized rather than duplicated) are taken here,
 * against a model of the workbook that follows the ops in order.
 */
import { ANNOTATION_MARK, SEVERITY_FILLS, type CellStyle, type ChangeKind } from "../../../core/changeset";
import { cellAddress, sheetRef } from "../../../core/grid";
import { rectAddress } from "../a1";
import { toOfficeValue } from "../text-guard";
import type { CheckedOp } from "./checked-ops";
import { cellKeyOf, isAddinNote, type WorkbookFacts } from "./inspect";

export interface WriteAction {
  opIndex: number;
  bytes: number;
  queue(ctx: Excel.RequestContext, sheets: SheetProxies): void;
}

/** One worksheet proxy per sheet per Excel.run, so a block does not ask for the same sheet a thousand times. */
export class SheetProxies {
  private readonly cache = new Map<string, Excel.Worksheet>();
  constructor(private readonly ctx: Excel.RequestContext) {}
  get(name: string): Excel.Worksheet {
    const k = name.toLowerCase();
    let ws = this.cache.get(k);
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(name);
      this.cache.set(k, ws);
    }
    return ws;
  }
  set(name: string, ws: Excel.Worksheet): void {
    this.cache.set(name.toLowerCase(), ws);
  }
}

export interface PlanResult {
  actions: WriteAction[];
  /** Number of ops skipped (several may share one entry in `skipped`). */
  skippedOps: number;
  skipped: { kind: ChangeKind; reason: string }[];
}

export interface Supports {
  notes: boolean;
  dataValidation: boolean;
  conditionalFormat: boolean;
  pivots: boolean;
  tableResize: boolean;
}

const CHART_TYPES = {
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  pie: "Pie",
  line: "Line",
} as const;
const ERROR_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;
const SUMMARIES = { sum: "Sum", count: "Count", average: "Average" } as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Column width in characters to Office.js points: Calibri 11 is 7 px a character plus 5 px padding; 0.75 pt a pixel. */
export function charsToPoints(chars: number): number {
  return Math.round(Math.trunc(chars * 7 + 5) * 0.75 * 100) / 100;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal !== undefined) f.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical !== undefined) f.verticalAlignment = V_ALIGN[style.vertical];
  if (style.borderBottom) f.borders.getItem("EdgeBottom").style = "Continuous";
}

const json = (v: unknown): number => JSON.stringify(v ?? null).length;
const OVERHEAD = 200;

export function planWrites(ops: CheckedOp[], facts: WorkbookFacts, supports: Supports, blockBytes: number): PlanResult {
  const actions: WriteAction[] = [];
  const skipped = new Map<string, { kind: ChangeKind; reason: string; count: number }>();
  const skip = (kind: ChangeKind, reason: string): void => {
    const k = `${kind}|${reason}`;
    const s = skipped.get(k);
    if (s) s.count++;
    else skipped.set(k, { kind, reason, count: 1 });
  };
  const sheets = new Map(facts.sheets.map((s) => [s.name.toLowerCase(), s.name] as const));
  const protectedNow = new Set(facts.protectedSheets);
  const tables = new Set(facts.tables);
  const names = new Set(facts.names);
  const notes = new Map(facts.notes);
  const pendingProtect: { index: number; sheet: string }[] = [];
  const push = (opIndex: number, bytes: number, queue: WriteAction["queue"]): void =>
    void actions.push({ opIndex, bytes: bytes + OVERHEAD, queue });
  /** A protected sheet is unprotected before its first write; a protect op puts protection back at the end. */
  const writable = (opIndex: number, sheet: string): void => {
    const k = sheet.toLowerCase();
    if (!protectedNow.has(k)) return;
    protectedNow.delete(k);
    push(opIndex, 0, (_ctx, ws) => ws.get(sheet).protection.unprotect());
  };

  for (const { index, op, rect } of ops) {
    switch (op.kind) {
      case "ensureSheet": {
        const k = op.sheet.toLowerCase();
        const created = !sheets.has(k);
        if (created) sheets.set(k, op.sheet);
        push(index, json(op), (ctx, ws) => {
          const sheet = created ? ctx.workbook.worksheets.add(op.sheet) : ws.get(op.sheet);
          if (created) ws.set(op.sheet, sheet);
          // "Create if missing": a position or colour is for a new sheet; an existing one stays where the
          // user put it, as in the file host (so running twice gives the same tab order as once).
          if (created && op.position !== undefined) sheet.position = op.position;
          if (op.hidden !== undefined) sheet.visibility = op.hidden ? "Hidden" : "Visible";
          if (created && op.tabColor !== undefined) sheet.tabColor = op.tabColor;
        });
        break;
      }
      case "resetSheet": {
        const k = op.sheet.toLowerCase();
        if (!sheets.has(k)) break;
        writable(index, op.sheet);
        const onSheet = facts.tablesOnResetSheets.get(k) ?? [];
        for (const t of onSheet) tables.delete(t.toLowerCase());
        facts.tablesOnResetSheets.set(k, []);
        for (const key of [...notes.keys()]) if (key.startsWith(`${k}|`)) notes.delete(key);
        const noteItems = facts.noteItemsOnResetSheets.get(k) ?? [];
        facts.noteItemsOnResetSheets.set(k, []);
        push(index, 100 * (onSheet.length + noteItems.length) + 200, (ctx, ws) => {
          const sheet = ws.get(op.sheet);
          for (const t of onSheet) ctx.workbook.tables.getItem(t).delete();
          // Proxies loaded during the inspection, in this same Excel.run.
          for (const n of noteItems) n.delete();
          const whole = sheet.getRange();
          whole.clear("All");
          if (supports.dataValidation) whole.dataValidation.clear();
          if (supports.conditionalFormat) whole.conditionalFormats.clearAll();
          sheet.freezePanes.unfreeze();
        });
        break;
      }
      case "values": {
        writable(index, op.sheet);
        const r = rect!;
        const width = r.cols;
        if (width === 0 || r.rows === 0) break;
        const toRow = (row: readonly unknown[]): (string | number | boolean)[] => {
          const out = new Array<string | number | boolean>(width);
          for (let j = 0; j < width; j++) out[j] = toOfficeValue(row[j] as never);
          return out;
        };
        // Rows per block from the average row size, so one op never exceeds the request limit.
        const sample = op.values.slice(0, 200).map(toRow);
        const perRow = Math.max(1, json(sample) / Math.max(sample.length, 1)) + (op.formats ? json(op.formats) : 0);
        const rowsPerBlock = Math.max(1, Math.floor((blockBytes * 0.8) / perRow));
        for (let start = 0; start < r.rows; start += rowsPerBlock) {
          const n = Math.min(rowsPerBlock, r.rows - start);
          push(index, Math.ceil(perRow * n), (_ctx, ws) => {
            const block = ws.get(op.sheet).getRangeByIndexes(r.row - 1 + start, r.col - 1, n, width);
            // Formats first, so a date serial never shows as a bare number; columns without one keep theirs.
            (op.formats ?? []).forEach((f, j) => {
              if (f === null || f === undefined || j >= width) return;
              const col = block.getColumn(j);
              col.numberFormat = Array.from({ length: n }, () => [f]);
              col.untrack();
            });
            const values: (string | number | boolean)[][] = new Array(n);
            for (let i = 0; i < n; i++) values[i] = toRow(op.values[start + i] ?? []);
            block.values = values;
            block.untrack();
          });
        }
        break;
      }
      case "formulas": {
        writable(index, op.sheet);
        const r = rect!;
        push(index, json(op.formulas), (_ctx, ws) => {
          const range = ws.get(op.sheet).getRangeByIndexes(r.row - 1, r.col - 1, r.rows, r.cols);
          range.formulas = op.formulas.map((row) =>
            Array.from({ length: r.cols }, (_, j) => {
              const f = row[j] ?? "";
              return f === "" ? "" : f.startsWith("=") ? f : `=${f}`;
            }),
          );
          range.untrack();
        });
        break;
      }
      case "style":
        writable(index, op.sheet);
        push(index, json(op.style), (_ctx, ws) => applyStyle(ws.get(op.sheet).getRange(op.range), op.style));
        break;
      case "numberFormat": {
        writable(index, op.sheet);
        const r = rect!;
        const perRow = (op.format.length + 6) * r.cols;
        const rowsPerBlock = Math.max(1, Math.floor((blockBytes * 0.8) / perRow));
        for (let start = 0; start < r.rows; start += rowsPerBlock) {
          const n = Math.min(rowsPerBlock, r.rows - start);
          push(index, perRow * n, (_ctx, ws) => {
            const range = ws.get(op.sheet).getRangeByIndexes(r.row - 1 + start, r.col - 1, n, r.cols);
            const row = Array.from({ length: r.cols }, () => op.format);
            range.numberFormat = Array.from({ length: n }, () => row);
            range.untrack();
          });
        }
        break;
      }
      case "columns": {
        writable(index, op.sheet);
        const from = op.from ?? 1;
        push(index, json(op.widths), (_ctx, ws) => {
          op.widths.forEach((w, j) => {
            if (w === null) return;
            ws.get(op.sheet).getRangeByIndexes(0, from - 1 + j, 1, 1).format.columnWidth = charsToPoints(w);
          });
        });
        break;
      }
      case "freeze":
        push(index, 50, (_ctx, ws) => {
          const panes = ws.get(op.sheet).freezePanes;
          if (op.rows === 0 && op.cols === 0) panes.unfreeze();
          else if (op.cols === 0) panes.freezeRows(op.rows);
          else panes.freezeAt(ws.get(op.sheet).getRangeByIndexes(0, 0, Math.max(op.rows, 1), op.cols));
        });
        break;
      case "table": {
        writable(index, op.sheet);
        const k = op.name.toLowerCase();
        const exists = tables.has(k);
        tables.add(k);
        if (exists && supports.tableResize) {
          push(index, json(op), (ctx) => {
            const t = ctx.workbook.tables.getItem(op.name);
            t.resize(`${sheetRef(op.sheet, op.range)}`);
            if (op.style) t.style = op.style;
          });
        } else {
          push(index, json(op), (ctx, ws) => {
            // Before ExcelApi 1.13 there is no resize: keep the cells, drop the table, add it over the new range.
            if (exists) ctx.workbook.tables.getItem(op.name).convertToRange().untrack();
            const t = ws.get(op.sheet).tables.add(`${sheetRef(op.sheet, op.range)}`, true);
            t.name = op.name;
            if (op.style) t.style = op.style;
          });
        }
        break;
      }
      case "name": {
        const k = op.name.toUpperCase();
        const exists = names.has(k);
        names.add(k);
        const abs = rectAddress(rect!).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
        push(index, json(op), (ctx) => {
          if (exists) ctx.workbook.names.getItem(op.name).delete();
          ctx.workbook.names.add(op.name, `=${sheetRef(op.sheet, abs)}`);
        });
        break;
      }
      case "listValidation":
        if (!supports.dataValidation) {
          skip(
            op.kind,
            "Drop-down lists need ExcelApi 1.8; this Excel is older. The add-in's own check still flags bad values.",
          );
          break;
        }
        writable(index, op.sheet);
        push(index, json(op), (_ctx, ws) => {
          const dv = ws.get(op.sheet).getRange(op.range).dataValidation;
          // A new rule over cells that already have one fails in Excel: clear first, so a re-run is the same.
          dv.clear();
          dv.rule = { list: { inCellDropDown: true, source: op.source } };
          dv.ignoreBlanks = op.allowBlank;
          dv.errorAlert = {
            showAlert: true,
            style: ERROR_STYLES[op.errorStyle],
            title: "ICCWC plan",
            message: op.error ?? "Pick a value from the list.",
          };
          if (op.prompt) dv.prompt = { showPrompt: true, title: "ICCWC plan", message: op.prompt };
        });
        break;
      case "conditionalFormat":
        if (!supports.conditionalFormat) {
          skip(op.kind, "Conditional formats need ExcelApi 1.6.");
          break;
        }
        writable(index, op.sheet);
        push(index, json(op), (_ctx, ws) => {
          const range = ws.get(op.sheet).getRange(op.range);
          // The add-in owns the formats on its ranges: replace them so a re-run does not stack copies.
          range.conditionalFormats.clearAll();
          const cf = range.conditionalFormats.add("Custom");
          cf.custom.rule.formula = op.formula.startsWith("=") ? op.formula : `=${op.formula}`;
          if (op.style.fill) cf.custom.format.fill.color = op.style.fill;
          if (op.style.bold !== undefined) cf.custom.format.font.bold = op.style.bold;
          if (op.style.fontColor) cf.custom.format.font.color = op.style.fontColor;
        });
        break;
      case "note":
      case "clearNote": {
        if (!supports.notes) {
          if (op.kind === "note")
            skip(
              op.kind,
              "Cell notes need ExcelApi 1.18 (Microsoft 365); this Excel is older, so the messages are on the Issues sheet only.",
            );
          break;
        }
        const key = cellKeyOf(op.sheet, op.cell);
        const current = notes.get(key);
        if (current !== undefined && !isAddinNote(current)) {
          if (op.kind === "note")
            skip(op.kind, "The cell already has a note of the user's own; it was kept (see the Issues sheet).");
          break;
        }
        writable(index, op.sheet);
        if (op.kind === "clearNote") {
          if (current === undefined) break;
          notes.delete(key);
          push(index, 60, (_ctx, ws) => ws.get(op.sheet).notes.getItem(op.cell).delete());
          break;
        }
        const text = op.text.startsWith(ANNOTATION_MARK) ? op.text : `${ANNOTATION_MARK}${op.text}`;
        notes.set(key, text);
        if (current === undefined)
          push(index, json(text), (_ctx, ws) => void ws.get(op.sheet).notes.add(op.cell, text));
        else if (current !== text)
          push(index, json(text), (_ctx, ws) => void (ws.get(op.sheet).notes.getItem(op.cell).content = text));
        break;
      }
      case "fill": {
        // A user's own colour stays: only cells with no fill or one of the add-in's fills are painted.
        const own = new Set(Object.values(SEVERITY_FILLS).map((c) => c.toUpperCase()));
        const r = rect!;
        const cells: string[] = [];
        if (r.rows * r.cols <= 10000) {
          for (let row = r.row; row < r.row + r.rows; row++)
            for (let col = r.col; col < r.col + r.cols; col++) cells.push(cellAddress(row, col));
        }
        const paint =
          cells.length === 0
            ? [op.range]
            : cells.filter((c) => {
                const now = facts.fills.get(cellKeyOf(op.sheet, c));
                return now === undefined || now === null || now === "#FFFFFF" || own.has(now);
              });
        if (paint.length === 0) break;
        for (const c of cells) if (paint.includes(c)) facts.fills.set(cellKeyOf(op.sheet, c), op.color.toUpperCase());
        writable(index, op.sheet);
        const whole = paint.length === cells.length || cells.length === 0;
        push(index, 40 * (whole ? 1 : paint.length), (_ctx, ws) => {
          for (const address of whole ? [op.range] : paint) {
            const range = ws.get(op.sheet).getRange(address);
            range.format.fill.color = op.color;
            range.untrack();
          }
        });
        break;
      }
      case "clearFill": {
        const colors = new Set(op.colors.map((c) => c.toUpperCase()));
        const r = rect!;
        const cells: string[] = [];
        if (r.rows * r.cols <= 10000) {
          for (let row = r.row; row < r.row + r.rows; row++)
            for (let col = r.col; col < r.col + r.cols; col++) cells.push(cellAddress(row, col));
        } else cells.push(rectAddress(r));
        const mine = cells.filter((c) => {
          const fill = facts.fills.get(cellKeyOf(op.sheet, c));
          return fill !== undefined && fill !== null && colors.has(fill);
        });
        if (mine.length === 0) break;
        for (const c of mine) facts.fills.set(cellKeyOf(op.sheet, c), null);
        writable(index, op.sheet);
        push(index, 40 * mine.length, (_ctx, ws) => {
          for (const c of mine) ws.get(op.sheet).getRange(c).format.fill.clear();
        });
        break;
      }
      case "link":
        writable(index, op.sheet);
        push(index, json(op), (_ctx, ws) => {
          ws.get(op.sheet).getRange(op.cell).hyperlink = {
            documentReference: sheetRef(op.toSheet, op.toCell),
            textToDisplay: op.text,
            screenTip: `Go to ${op.toSheet} ${op.toCell}`,
          };
        });
        break;
      case "protect": {
        const k = op.sheet.toLowerCase();
        if (protectedNow.has(k)) break;
        protectedNow.add(k);
        pendingProtect.push({ index, sheet: op.sheet });
        break;
      }
      case "pivot": {
        if (!supports.pivots) {
          skip(op.kind, "PivotTables need ExcelApi 1.8; use Insert > PivotTable on tblFacts instead.");
          break;
        }
        const exists = facts.pivots.has(op.name.toLowerCase());
        facts.pivots.add(op.name.toLowerCase());
        push(index, json(op), (ctx, ws) => {
          if (exists) ctx.workbook.pivotTables.getItem(op.name).delete();
          const pivot = ws
            .get(op.sheet)
            .pivotTables.add(op.name, ctx.workbook.tables.getItem(op.sourceTable), ws.get(op.sheet).getRange(op.at));
          for (const f of op.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(f));
          for (const f of op.columns ?? []) pivot.columnHierarchies.add(pivot.hierarchies.getItem(f));
          for (const v of op.values) {
            const d = pivot.dataHierarchies.add(pivot.hierarchies.getItem(v.field));
            d.summarizeBy = SUMMARIES[v.summary];
            if (v.name) d.name = v.name;
          }
        });
        break;
      }
      case "chart": {
        const key = `${op.sheet.toLowerCase()}|${op.name.toLowerCase()}`;
        const exists = facts.charts.has(key);
        facts.charts.add(key);
        push(index, json(op), (_ctx, ws) => {
          const sheet = ws.get(op.sheet);
          if (exists) sheet.charts.getItem(op.name).delete();
          const chart = sheet.charts.add(CHART_TYPES[op.type], ws.get(op.sourceSheet).getRange(op.sourceRange), "Auto");
          chart.name = op.name;
          chart.title.text = op.title;
          chart.setPosition(op.at);
        });
        break;
      }
    }
  }
  // Protection goes back on last, after every write to the sheet.
  for (const p of pendingProtect.splice(0)) push(p.index, 50, (_ctx, ws) => ws.get(p.sheet).protection.protect());
  const skippedOps = [...skipped.values()].reduce((n, s) => n + s.count, 0);
  return {
    actions,
    skippedOps,
    skipped: [...skipped.values()].map((s) => ({
      kind: s.kind,
      reason: s.count > 1 ? `${s.reason} (${s.count} changes)` : s.reason,
    })),
  };
}
