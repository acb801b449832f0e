/**
 * Write the store with ExcelJS's streaming WorkbookWriter: rows go to the zip as they are made, so the
 * output never sits whole in memory. Two things the streaming writer lacks are added around it, on the
 * writer instances only: Excel tables (table parts, their relationships and content types) and links
 * inside the workbook (`<hyperlink location=...>`; the writer only makes external ones).
 */
import ExcelJS from "exceljs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { cellAddress } from "../../../core/grid";
import { parseRange } from "../ranges";
import type { BookStore, SheetStore, TableSpec } from "./store";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS internals without typings, pinned to 4.4 */
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform") as new () => {
  prepare(m: unknown, o: unknown): void;
  toXml(m: unknown): string;
};
const ContentTypesXform = require("exceljs/lib/xlsx/xform/core/content-types-xform") as new () => {
  toXml(m: unknown): string;
};
const RelType = require("exceljs/lib/xlsx/rel-type") as { Table: string };
/* eslint-enable @typescript-eslint/no-require-imports */

interface WorkbookWriterInternals {
  zip: { append(data: string, o: { name: string }): void };
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown[];
  media: unknown[];
  _definedNames: { model: { name: string; ranges: string[] }[] };
  addContentTypes(): Promise<void>;
}

interface WorksheetWriterInternals {
  stream: { write(text: string): void };
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeHyperlinks(): void;
  _writeCloseWorksheet(): void;
  dataValidations: { model: Record<string, unknown> };
  conditionalFormatting: unknown[];
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Header names as Excel makes them (same rule as apply-structure-ops headerNames). */
function headerNames(sheet: SheetStore, ref: string): string[] {
  const box = parseRange(ref);
  const row = sheet.rows[box.top];
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = box.left; c <= box.right; c++) {
    const v = row?.values[c];
    const text = (
      v === undefined || v === null
        ? ""
        : typeof v === "object" && !(v instanceof Date)
          ? String((v as { text?: unknown; error?: unknown }).text ?? (v as { error?: unknown }).error ?? "")
          : v instanceof Date
            ? v.toISOString()
            : String(v)
    ).trim();
    let name = text === "" ? `Column${c - box.left + 1}` : text;
    let n = 2;
    while (seen.has(name.toLowerCase())) name = `${text || "Column"}${n++}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

const YIELD_EVERY_ROWS = 256;

/**
 * Back-pressure the streaming writer lacks. Its sheet stream (StreamBuf) pushes every row's XML into
 * the zip's deflate stream without looking at the answer, so rows made in one loop pile up in memory
 * (at 100,000 activities the facts sheet is ~500 MB of XML). Every few hundred rows we wait: until the
 * zip has reached this sheet's entry, then until its deflate stream has drained.
 */
async function drained(sheet: WorksheetWriterInternals): Promise<void> {
  const buf = sheet.stream as unknown as { pipes?: Writable[]; buffers?: unknown[] };
  for (let turns = 0; turns < 100_000 && buf.pipes?.length === 0 && (buf.buffers?.length ?? 0) > 16; turns++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const deflate = buf.pipes?.[0];
  if (deflate?.writableNeedDrain) await once(deflate, "drain");
}

export async function writeStore(book: BookStore, out: Writable): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: true,
    zip: { zlib: { level: 1 } },
  } as unknown as ExcelJS.stream.xlsx.WorkbookWriterOptions);
  const wi = writer as unknown as WorkbookWriterInternals;
  const tables: { target: string }[] = [];
  let tableId = 0;

  for (const sheet of book.sheets) {
    const ws = writer.addWorksheet(sheet.name, {
      state: sheet.state,
      ...(sheet.tabColor ? { properties: { tabColor: { argb: sheet.tabColor } } } : {}),
      ...(sheet.pageSetup ? { pageSetup: sheet.pageSetup } : {}),
      views: sheet.frozen
        ? [
            {
              state: "frozen",
              xSplit: sheet.frozen.cols,
              ySplit: sheet.frozen.rows,
              topLeftCell: cellAddress(sheet.frozen.rows + 1, sheet.frozen.cols + 1),
            },
          ]
        : [],
    } as Partial<ExcelJS.AddWorksheetOptions>);
    const wsi = ws as unknown as WorksheetWriterInternals;

    const maxCol = Math.max(0, ...sheet.columns.keys());
    if (maxCol > 0) {
      const defs: Partial<ExcelJS.Column>[] = [];
      for (let c = 1; c <= maxCol; c++) {
        const col = sheet.columns.get(c);
        defs.push({
          ...(col?.width !== undefined ? { width: col.width } : {}),
          ...(col?.style ? { style: col.style as ExcelJS.Style } : {}),
          ...(col?.hidden ? { hidden: true } : {}),
        });
      }
      ws.columns = defs;
    }
    for (const m of sheet.merges) ws.mergeCells(m);
    for (const [range, model] of sheet.validations) wsi.dataValidations.model[range] = model;
    for (const cf of sheet.conditionalFormats) wsi.conditionalFormatting.push(cf);

    // Links inside the workbook: the cell keeps its text, the link goes in <hyperlinks> with a location.
    wsi._writeHyperlinks = function writeLinks(this: WorksheetWriterInternals): void {
      if (sheet.links.size === 0) return;
      let xml = "<hyperlinks>";
      for (const [ref, location] of sheet.links)
        xml += `<hyperlink ref="${xmlAttr(ref)}" location="${xmlAttr(location)}" display="${xmlAttr(location)}"/>`;
      this.stream.write(`${xml}</hyperlinks>`);
    };
    // Tables: <tableParts> goes last in the sheet, after the notes' legacyDrawing.
    const specs: TableSpec[] = sheet.tables;
    const closeWorksheet = wsi._writeCloseWorksheet;
    wsi._writeCloseWorksheet = function closeWithTables(this: WorksheetWriterInternals): void {
      if (specs.length > 0) {
        const ids = specs.map((t) => {
          tableId += 1;
          const target = `table${tableId}.xml`;
          const model = {
            id: tableId,
            name: t.name,
            displayName: t.name,
            tableRef: t.ref,
            autoFilterRef: t.ref,
            headerRow: true,
            totalsRow: false,
            columns: headerNames(sheet, t.ref).map((name) => ({ name, filterButton: true })),
            style: { theme: t.style, showRowStripes: t.showRowStripes },
          };
          const xform = new TableXform();
          xform.prepare(model, { styles: null });
          wi.zip.append(xform.toXml(model), { name: `xl/tables/${target}` });
          tables.push({ target });
          return this._sheetRelsWriter.addRelationship({ Type: RelType.Table, Target: `../tables/${target}` });
        });
        this.stream.write(
          `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`,
        );
      }
      closeWorksheet.call(this);
    };

    const noteRows = new Map<number, [number, string][]>();
    for (const [addr, text] of sheet.notes) {
      const b = parseRange(addr);
      const list = noteRows.get(b.top) ?? [];
      list.push([b.left, text]);
      noteRows.set(b.top, list);
    }
    const last = Math.max(sheet.rows.length - 1, ...noteRows.keys());
    for (let r = 1; r <= last; r++) {
      const rs = sheet.rows[r];
      const notes = noteRows.get(r);
      if (!rs && !notes) continue;
      const row = ws.getRow(r);
      let styledOnly = false;
      if (rs) {
        const n = Math.max(rs.values.length, rs.styles.length);
        for (let c = 1; c < n; c++) {
          const v = rs.values[c];
          const s = rs.styles[c];
          if (v === undefined && !s) continue;
          const cell = row.getCell(c);
          if (v !== undefined) cell.value = v as ExcelJS.CellValue;
          else styledOnly = true;
          if (s) cell.style = s as ExcelJS.Style;
        }
        if (rs.height) row.height = rs.height;
      }
      for (const [c, text] of notes ?? []) {
        row.getCell(c).note = text;
        styledOnly = true;
      }
      // The writer skips a row without values; a row of formatted or noted empty cells is still written.
      if (styledOnly && !row.hasValues) Object.defineProperty(row, "hasValues", { value: true });
      row.commit();
      if (r % YIELD_EVERY_ROWS === 0) await drained(wsi);
    }
    if (sheet.protect)
      await ws.protect("", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        autoFilter: true,
        sort: true,
      });
    ws.commit();
  }

  wi._definedNames = { model: book.names.map((n) => ({ name: n.name, ranges: [n.range] })) };
  wi.addContentTypes = function addContentTypes(this: WorkbookWriterInternals): Promise<void> {
    const model = {
      worksheets: this._worksheets.filter(Boolean),
      sharedStrings: this.sharedStrings,
      commentRefs: this.commentRefs,
      media: this.media,
      tables,
    };
    this.zip.append(new ContentTypesXform().toXml(model), { name: "[Content_Types].xml" });
    return Promise.resolve();
  };
  await writer.commit();
}
