/**
 * Write the store as an .xlsx package. ExcelJS's streaming WorkbookWriter makes the package (workbook,
 * styles, shared strings, notes and their VML, validations, conditional formats, relationships, the zip);
 * the cells themselves are written here, straight into each worksheet part as SpreadsheetML
 * (row-xml.ts), a few hundred kilobytes at a time, waiting for the zip's deflate stream to drain: the
 * output never sits whole in memory, and no ExcelJS Row or Cell object is made.
 * Two things the streaming writer lacks are added around it, on the writer instances only: Excel
 * tables (table parts, their relationships and content types) and links inside the workbook
 * (`<hyperlink location=...>`; the writer only makes external ones).
 */
import ExcelJS from "exceljs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { cellAddress } from "../../../core/grid";
import { installColumnWidthNine, widthFromFile } from "../column-width-nine";
import { parseRange } from "../ranges";
import { writeCommentXml, writeVmlShape, type NoteAt } from "./notes-xml";
import { RowXmlWriter, writeSharedString, type RowXmlContext } from "./row-xml";
import { XmlBytes } from "./xml-bytes";
import { installNativeCrc32 } from "./zip-crc";
import {
  assertNotReleased,
  cellValue,
  type BookStore,
  type SheetStore,
  type StyleModel,
  type TableSpec,
} from "./store";

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
  sharedStrings: SharedStringTable;
  styles: { addStyleModel(model: StyleModel, cellType: number): number };
  commentRefs: unknown[];
  media: unknown[];
  _definedNames: { model: { name: string; ranges: string[] }[] };
  addContentTypes(): Promise<void>;
  addSharedStrings(): Promise<void>;
  _openStream(path: string): SheetStream;
}

/** ExcelJS's SheetCommentsWriter (stream/xlsx/sheet-comments-writer.js) as far as we use it. */
interface SheetCommentsWriterInternals {
  startedData?: boolean;
  count: number;
  _worksheet: { comments?: unknown[] };
  readonly commentsStream: SheetStream;
  readonly vmlStream: SheetStream;
  _writeOpen(): void;
  _addRelationships(): void;
  _addCommentRefs(): void;
}

/** ExcelJS's StreamBuf as far as we use it. */
type SheetStream = { write(data: string | Buffer): void; end(): void };

interface WorksheetWriterInternals {
  stream: SheetStream;
  startedData: boolean;
  hasComments: boolean;
  _merges: string[];
  _sheetCommentsWriter: SheetCommentsWriterInternals;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
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
    const v = row ? cellValue(row, c) : undefined;
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

/** Bytes of row XML gathered before one write into the sheet's stream (then we wait for the zip). */
const CHUNK_BYTES = 256 * 1024;

/**
 * The zip's deflate: level 1 (several times faster than the default on a plan's XML, for a file about a
 * fifth larger), and 128 KB of compressed output per zlib call instead of 16 KB: each output chunk is a
 * round trip from zlib's thread back to the main thread and a write to the file (at 10,000 activities,
 * 16 KB chunks cost ~150 to 200 ms more CPU of the save: medians of 6 to 8 saves each, 64 KB to 1 MB
 * all alike). archiver hands `zlib` to each entry's DeflateRaw. A new object per writer: archiver and
 * zip-stream fill their defaults into the options object they are given.
 */
export function zipOptions(): { zlib: { level: number; chunkSize: number } } {
  return { zlib: { level: 1, chunkSize: 128 * 1024 } };
}

export interface WriteOptions {
  /**
   * Let go of each row once it is written (the store's sheets are left empty): for a save that is the
   * workbook's last use, so that a large sheet's rows can be collected while the file is written.
   */
  release?: boolean;
}

/**
 * Where a sheet's rows go. ExcelJS's sheet stream (StreamBuf) copies every write into 64 KB buffers of
 * its own and passes them on without looking at the answer (no back-pressure: at 100,000 activities the
 * facts sheet, ~500 MB of XML, would pile up in memory). The zip has already wrapped that stream in a
 * PassThrough (archiver does so on append), so rows are written to it directly, after handing over
 * what the sheet stream holds (the sheet's opening XML), and we wait for it to drain.
 */
function entrySink(stream: SheetStream): (bytes: Buffer) => Promise<void> {
  const buf = stream as unknown as { pipes?: Writable[]; _flush?: () => void };
  const dest = buf.pipes?.length === 1 ? buf.pipes[0] : undefined;
  if (!dest || typeof buf._flush !== "function") {
    // Not the shape pinned above (another ExcelJS or archiver): through the sheet stream, unthrottled.
    return async (bytes) => stream.write(bytes);
  }
  buf._flush();
  return async (bytes) => {
    if (!dest.write(bytes)) await once(dest, "drain");
  };
}

/**
 * xl/sharedStrings.xml written as a stream, 256 KB at a time (row-xml.ts writeSharedString: the same
 * bytes as ExcelJS's xform). ExcelJS's writer makes the whole part as one string first: at 100,000
 * activities that was the save's memory peak (~250 MB more) and ~3 s of its CPU.
 */
async function writeSharedStrings(wi: WorkbookWriterInternals, strings: SharedStringTable): Promise<void> {
  const n = strings.values.length;
  if (n === 0) return;
  const stream = wi._openStream("/xl/sharedStrings.xml");
  const sink = entrySink(stream);
  const out = new XmlBytes(CHUNK_BYTES + 64 * 1024);
  out.ascii(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">`,
  );
  for (const text of strings.values) {
    writeSharedString(out, text);
    if (out.pos >= CHUNK_BYTES) await sink(out.take());
  }
  out.ascii("</sst>");
  await sink(out.take());
  stream.end();
}

/**
 * The shared-string table, in the shape ExcelJS's writer reads at commit (count, values). Its own
 * table indexes strings in an object used as a dictionary; a Map is faster for the hundreds of
 * thousands of strings of a large plan (`__proto__` is an ordinary key either way).
 */
class SharedStringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  /** Per column, the last string and its index: a table's rows repeat a column's value (an activity's facts). */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastIndex: number[] = [];
  totalRefs = 0;

  get count(): number {
    return this.values.length;
  }

  add(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(text, i);
      this.values.push(text);
    }
    this.totalRefs++;
    return i;
  }

  addInColumn(text: string, col: number): number {
    if (this.lastText[col] === text) {
      this.totalRefs++;
      return this.lastIndex[col]!;
    }
    const i = this.add(text);
    this.lastText[col] = text;
    this.lastIndex[col] = i;
    return i;
  }
}

/** Style ids from the writer's styles manager, looked up once per distinct style object (and kind). */
function styleIds(wi: WorkbookWriterInternals): RowXmlContext["styleId"] {
  const EMPTY: StyleModel = {};
  const plain = new Map<StyleModel, number>();
  const dates = new Map<StyleModel, number>();
  return (style, isDate) => {
    const key = style ?? EMPTY;
    const ids = isDate ? dates : plain;
    let id = ids.get(key);
    if (id === undefined) {
      // ExcelJS caches an id per style object whatever the cell's type, so a date gets its own object
      // carrying its date format (ExcelJS's default for a date, mm-dd-yy, when the style has none).
      const model = isDate && !key.numFmt ? { ...key, numFmt: "mm-dd-yy" } : key;
      id = wi.styles.addStyleModel(model, isDate ? ExcelJS.ValueType.Date : ExcelJS.ValueType.Number);
      ids.set(key, id);
    }
    return id;
  };
}

/** The sheet's notes, in row then column order (as ExcelJS's comments writer gets them from a sheet). */
function sortedNotes(sheet: SheetStore): NoteAt[] {
  const notes: NoteAt[] = [];
  for (const [ref, text] of sheet.notes) {
    const at = parseRange(ref);
    notes.push({ row: at.top, col: at.left, ref: cellAddress(at.top, at.left), text });
  }
  return notes.sort((x, y) => x.row - y.row || x.col - y.col);
}

/**
 * The notes' two parts (notes-xml.ts), opened, related and listed by ExcelJS's comments writer as its
 * addComments does; only the notes themselves are written here, 256 KB at a time. The parts are
 * appended to the zip after the sheet, so they wait in their streams until the sheet is written.
 */
function writeNotes(cw: SheetCommentsWriterInternals, notes: readonly NoteAt[]): void {
  if (!cw.startedData) {
    cw._worksheet.comments = [];
    cw._writeOpen();
    cw._addRelationships();
    cw._addCommentRefs();
    cw.startedData = true;
  }
  const comments = new XmlBytes(CHUNK_BYTES + 64 * 1024);
  const vml = new XmlBytes(CHUNK_BYTES + 64 * 1024);
  for (const note of notes) {
    writeCommentXml(comments, note);
    writeVmlShape(vml, note, cw.count);
    cw.count += 1;
    if (comments.pos >= CHUNK_BYTES) cw.commentsStream.write(comments.take());
    if (vml.pos >= CHUNK_BYTES) cw.vmlStream.write(vml.take());
  }
  if (comments.pos > 0) cw.commentsStream.write(comments.take());
  if (vml.pos > 0) cw.vmlStream.write(vml.take());
}

export async function writeStore(book: BookStore, out: Writable, options: WriteOptions = {}): Promise<void> {
  installColumnWidthNine(); // a width of 9 read from the file is written back (idempotent)
  assertNotReleased(book);
  if (options.release) book.released = true;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: true,
    zip: zipOptions(),
  } as unknown as ExcelJS.stream.xlsx.WorkbookWriterOptions);
  const wi = writer as unknown as WorkbookWriterInternals;
  installNativeCrc32(wi.zip);
  const strings = new SharedStringTable();
  wi.sharedStrings = strings;
  const ctx: RowXmlContext = {
    styleId: styleIds(wi),
    sharedString: (text, col) => strings.addInColumn(text, col),
    date1904: book.date1904,
  };
  const rowWriter = new RowXmlWriter(ctx);
  const bytes = new XmlBytes(CHUNK_BYTES + 64 * 1024);
  const tables: { target: string }[] = [];
  let tableId = 0;

  for (const sheet of book.sheets) {
    const ws = writer.addWorksheet(sheet.name, {
      state: sheet.state,
      ...(sheet.tabColor ? { properties: { tabColor: { argb: sheet.tabColor } } } : {}),
      ...(sheet.pageSetup ? { pageSetup: sheet.pageSetup } : {}),
      ...(sheet.headerFooter ? { headerFooter: sheet.headerFooter } : {}),
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
        const def: Partial<ExcelJS.Column> = {
          ...(col?.width !== undefined ? { width: col.width } : {}),
          ...(col?.style ? { style: col.style as ExcelJS.Style } : {}),
          ...(col?.hidden ? { hidden: true } : {}),
        };
        defs.push(col?.widthFromFile ? widthFromFile(def) : def);
      }
      ws.columns = defs;
    }
    // The merge list only: ExcelJS's mergeCells would make Row objects for every cell of the area.
    for (const m of sheet.merges) wsi._merges.push(m);
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
    const specs: (TableSpec & { columns: string[] })[] = sheet.tables.map((t) => ({
      ...t,
      columns: headerNames(sheet, t.ref),
    }));
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
            columns: t.columns.map((name) => ({ name, filterButton: true })),
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

    const notes = sortedNotes(sheet);
    if (notes.length > 0) {
      writeNotes(wsi._sheetCommentsWriter, notes);
      wsi.hasComments = true;
    }

    wsi._writeColumns();
    wsi._writeOpenSheetData();
    wsi.startedData = true;
    const sink = entrySink(wsi.stream);
    const rows = sheet.rows;
    for (let r = 1; r < rows.length; r++) {
      const rs = rows[r];
      if (!rs) continue;
      rowWriter.write(bytes, rs, r);
      if (options.release) rows[r] = undefined;
      if (bytes.pos >= CHUNK_BYTES) await sink(bytes.take());
    }
    if (bytes.pos > 0) await sink(bytes.take());
    if (options.release) {
      sheet.rows = [];
      sheet.released = true;
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

  wi.addSharedStrings = () => writeSharedStrings(wi, strings);
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
