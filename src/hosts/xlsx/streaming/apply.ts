/**
 * A ChangeSet applied to the streaming path's store, with the same meaning as apply.ts has on an
 * ExcelJS workbook (docs/file-host.md, op table): values stay data, a user's note is never overwritten,
 * a table or name of the same name is replaced, a reset sheet keeps its tab position.
 */
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp, type ChangeSet } from "../../../core/changeset";
import { parseAddress, rangeAddress, sheetRef } from "../../../core/grid";
import type { ApplyOptions, ApplyReport } from "../../../ports/workbook-port";
import { SheetNotFoundError } from "../../../ports/workbook-port";
import { applyEach, PIVOT_SKIP_REASON } from "../apply";
import { toExcelValue } from "../apply-cell-ops";
import { conditionalFormatOf, listValidationOf, sameConditionalFormat } from "../apply-structure-ops";
import { cellStyleChange, fillChange, noFillChange, numFmtChange, sharedStyle, type StyleChange } from "../cell-style";
import { argb, parseRange, sameColor, type Box } from "../ranges";
import {
  assertNotReleased,
  newSheet,
  ownStyles,
  ownValues,
  rowOf,
  setCellValue,
  type BookStore,
  type SheetStore,
  type StyleModel,
} from "./store";

type Op<K extends ChangeOp["kind"]> = Extract<ChangeOp, { kind: K }>;

/** The add-in's own fills: a cell in one of these colours may be repainted or cleared by the add-in. */
const ADD_IN_FILLS = Object.values(SEVERITY_FILLS);

function sheetOf(book: BookStore, name: string): SheetStore {
  // A loop, not find(): one lookup per op, and a plan's validation asks for ~25,000 ops per 10,000 rows.
  const sheets = book.sheets;
  for (let i = 0; i < sheets.length; i++) if (sheets[i]!.name === name) return sheets[i]!;
  throw new SheetNotFoundError(name);
}

/** A range as a box; a single cell ("E5", "$E$5": every note and fill of the validation) without the range parser. */
export function boxOf(range: string): Box {
  if (range.includes(":") || range.includes("!")) return parseRange(range);
  // As parseRange reads it: every "$" dropped, then one cell address.
  const p = parseAddress(range.includes("$") ? range.replace(/\$/g, "") : range);
  return { top: p.row, left: p.col, bottom: p.row, right: p.col, wholeColumns: false };
}

/** Last row holding anything: whole-column boxes stop there, as on the whole-workbook path. */
function lastRow(sheet: SheetStore): number {
  return sheet.rows.length - 1;
}

function forEachCell(sheet: SheetStore, box: Box, fn: (row: ReturnType<typeof rowOf>, col: number) => void): void {
  const bottom = box.wholeColumns ? Math.max(lastRow(sheet), box.top) : box.bottom;
  for (let r = box.top; r <= bottom; r++) {
    const row = rowOf(sheet, r);
    for (let c = box.left; c <= box.right; c++) fn(row, c);
  }
}

function restyleBox(sheet: SheetStore, range: string, change: StyleChange): void {
  forEachCell(sheet, parseRange(range), (row, c) => {
    const next = sharedStyle(row.styles[c], change);
    if (next !== row.styles[c]) ownStyles(row)[c] = next;
  });
}

function writeValues(sheet: SheetStore, op: Op<"values">): void {
  const at = parseAddress(op.at);
  const changes = op.formats?.map((f) => (f ? numFmtChange(f) : null));
  // Rows that had no styles before get one styles array, shared: the formats are the same on every row.
  let template: (StyleModel | undefined)[] | null = null;
  if (changes?.some(Boolean)) {
    template = [];
    changes.forEach((change, j) => {
      if (change) template![at.col + j] = sharedStyle(undefined, change);
    });
  }
  // Plain loops: the score columns alone are 10,000s of rows written into rows that hold the user's
  // values already, cell by cell.
  const rows = op.values;
  for (let i = 0; i < rows.length; i++) {
    const rowValues = rows[i]!;
    const r = at.row + i;
    const row = rowOf(sheet, r);
    const fresh = template !== null && row.styles.length === 0;
    if (row.values.length === 0 && row.block === undefined) {
      // A row with no values yet holds the op's row itself, by reference (store.ts, RowStore.block).
      row.block = { col: at.col, cells: rowValues };
    } else {
      for (let j = 0; j < rowValues.length; j++) {
        const v = rowValues[j];
        // A hole in a sparse row writes nothing (as forEach skipped it); null empties the cell.
        if (v === undefined && !(j in rowValues)) continue;
        ownValues(row)[at.col + j] = toExcelValue(v!) ?? undefined;
      }
    }
    if (sheet.links.size > 0) rowValues.forEach((_v, j) => sheet.links.delete(`${colName(at.col + j)}${r}`));
    if (changes && !fresh) {
      for (let j = 0; j < rowValues.length; j++) {
        const change = changes[j];
        if (!change || (rowValues[j] === undefined && !(j in rowValues))) continue;
        const c = at.col + j;
        const next = sharedStyle(row.styles[c], change);
        if (next !== row.styles[c]) ownStyles(row)[c] = next;
      }
    }
    if (fresh) {
      row.styles = template!;
      row.sharedStyles = true;
    }
  }
}

/** One StyleChange per fill colour: the validate step asks for thousands of fills in three colours. */
const fillChanges = new Map<string, StyleChange>();
function fillChangeOf(color: string): StyleChange {
  let change = fillChanges.get(color);
  if (!change) {
    change = fillChange(color);
    if (fillChanges.size < 1000) fillChanges.set(color, change);
  }
  return change;
}

function colName(c: number): string {
  return rangeAddress(1, c, 1, 1).split(":")[0]!.replace(/\d+$/, "");
}

function noteIsUsers(sheet: SheetStore, cell: string): boolean {
  const existing = sheet.notes.get(cell);
  return existing !== undefined && !existing.startsWith(ANNOTATION_MARK);
}

function applyOp(book: BookStore, op: ChangeOp): string | null {
  switch (op.kind) {
    case "ensureSheet": {
      let sheet = book.sheets.find((s) => s.name === op.sheet);
      if (!sheet) {
        sheet = newSheet(op.sheet);
        const at =
          op.position === undefined ? book.sheets.length : Math.max(0, Math.min(op.position, book.sheets.length));
        book.sheets.splice(at, 0, sheet);
      }
      if (op.hidden !== undefined) sheet.state = op.hidden ? "hidden" : "visible";
      if (op.tabColor !== undefined) sheet.tabColor = argb(op.tabColor);
      return null;
    }
    case "resetSheet": {
      const i = book.sheets.findIndex((s) => s.name === op.sheet);
      if (i < 0) {
        book.sheets.push(newSheet(op.sheet));
        return null;
      }
      const old = book.sheets[i]!;
      const fresh = newSheet(op.sheet);
      fresh.state = old.state;
      if (old.tabColor) fresh.tabColor = old.tabColor;
      book.sheets[i] = fresh;
      // Names pointing to the rebuilt sheet would dangle.
      const prefix = [`'${op.sheet.replace(/'/g, "''")}'!`, `${op.sheet}!`];
      book.names = book.names.filter((n) => !prefix.some((p) => n.range.startsWith(p)));
      return null;
    }
    case "values":
      writeValues(sheetOf(book, op.sheet), op);
      return null;
    case "formulas": {
      const sheet = sheetOf(book, op.sheet);
      const at = parseAddress(op.at);
      op.formulas.forEach((fs, i) =>
        fs.forEach((f, j) =>
          setCellValue(rowOf(sheet, at.row + i), at.col + j, { formula: f.startsWith("=") ? f.slice(1) : f }),
        ),
      );
      return null;
    }
    case "style":
      restyleBox(sheetOf(book, op.sheet), op.range, cellStyleChange(op.style));
      return null;
    case "numberFormat": {
      const sheet = sheetOf(book, op.sheet);
      const box = parseRange(op.range);
      if (box.wholeColumns) {
        for (let c = box.left; c <= box.right; c++) {
          const col = sheet.columns.get(c) ?? {};
          sheet.columns.set(c, { ...col, style: sharedStyle(col.style, numFmtChange(op.format)) });
        }
      }
      restyleBox(sheet, op.range, numFmtChange(op.format));
      return null;
    }
    case "columns": {
      const sheet = sheetOf(book, op.sheet);
      const from = op.from ?? 1;
      op.widths.forEach((w, i) => {
        // A width set here is the add-in's, not the file's: it behaves as on the whole-workbook path.
        if (w !== null)
          sheet.columns.set(from + i, { ...(sheet.columns.get(from + i) ?? {}), width: w, widthFromFile: false });
      });
      return null;
    }
    case "freeze":
      sheetOf(book, op.sheet).frozen = { rows: op.rows, cols: op.cols };
      return null;
    case "table": {
      const sheet = sheetOf(book, op.sheet);
      for (const s of book.sheets) s.tables = s.tables.filter((t) => t.name !== op.name);
      const box = parseRange(op.range);
      sheet.tables.push({
        name: op.name,
        ref: rangeAddress(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1),
        style: op.style ?? "TableStyleMedium2",
        showRowStripes: true,
      });
      return null;
    }
    case "name": {
      sheetOf(book, op.sheet);
      const box = parseRange(op.range);
      const abs = (r: number, c: number): string => `$${colName(c)}$${r}`;
      book.names = book.names.filter((n) => n.name !== op.name);
      book.names.push({
        name: op.name,
        range: `'${op.sheet.replace(/'/g, "''")}'!${abs(box.top, box.left)}:${abs(box.bottom, box.right)}`,
      });
      return null;
    }
    case "listValidation": {
      const sheet = sheetOf(book, op.sheet);
      const { key, replaces, model } = listValidationOf(op);
      for (const addr of [...sheet.validations.keys()]) if (replaces(addr)) sheet.validations.delete(addr);
      sheet.validations.set(key, model);
      return null;
    }
    case "conditionalFormat": {
      const sheet = sheetOf(book, op.sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !sameConditionalFormat(cf, op));
      sheet.conditionalFormats.push(conditionalFormatOf(op));
      return null;
    }
    case "note": {
      const sheet = sheetOf(book, op.sheet);
      if (noteIsUsers(sheet, op.cell))
        return `${op.sheet}!${op.cell} has the user's own note, which is never overwritten`;
      sheet.notes.set(op.cell, op.text.startsWith(ANNOTATION_MARK) ? op.text : `${ANNOTATION_MARK}${op.text}`);
      return null;
    }
    case "clearNote": {
      const sheet = sheetOf(book, op.sheet);
      if (sheet.notes.get(op.cell)?.startsWith(ANNOTATION_MARK)) sheet.notes.delete(op.cell);
      return null;
    }
    case "fill": {
      // As on the whole path (apply-cell-ops applyFill): a user's own solid colour stays.
      const change = fillChangeOf(op.color);
      forEachCell(sheetOf(book, op.sheet), boxOf(op.range), (row, c) => {
        const fill = row.styles[c]?.fill;
        if (
          fill &&
          fill.type === "pattern" &&
          fill.pattern === "solid" &&
          !ADD_IN_FILLS.some((x) => sameColor(fill.fgColor?.argb, x))
        )
          return;
        const next = sharedStyle(row.styles[c], change);
        if (next !== row.styles[c]) ownStyles(row)[c] = next;
      });
      return null;
    }
    case "clearFill": {
      const sheet = sheetOf(book, op.sheet);
      forEachCell(sheet, parseRange(op.range), (row, c) => {
        const fill = row.styles[c]?.fill;
        if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return;
        if (!op.colors.some((x) => sameColor(fill.fgColor?.argb, x))) return;
        ownStyles(row)[c] = sharedStyle(row.styles[c], noFillChange);
      });
      return null;
    }
    case "link": {
      const sheet = sheetOf(book, op.sheet);
      const at = parseAddress(op.cell);
      setCellValue(rowOf(sheet, at.row), at.col, op.text);
      sheet.links.set(op.cell.replace(/\$/g, ""), sheetRef(op.toSheet, op.toCell.replace(/\$/g, "")));
      return null;
    }
    case "protect":
      sheetOf(book, op.sheet).protect = true;
      return null;
    case "pivot":
    case "chart":
      return PIVOT_SKIP_REASON;
  }
}

export async function applyToStore(
  book: BookStore,
  changes: ChangeSet,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  assertNotReleased(book);
  return applyEach(changes, (op) => applyOp(book, op), options);
}
