/**
 * The cells of one worksheet part, read straight from its XML as it inflates (the streaming path's
 * reader). It replaced ExcelJS's streaming WorkbookReader, which made a Row and a Cell object per cell
 * and passed every SAX event through async generators: at 100,000 rows most of the open's ~6 s. This
 * reads the handful of shapes a cell takes in SpreadsheetML and hands anything else back as a reason,
 * so the file goes to the whole-workbook path (ExcelJS's full reader) and nothing is dropped silently.
 *
 * Values are what the whole-workbook reader gives (tests compare the two paths cell by cell):
 * - `t="s"`: the shared string (shared-strings.ts); rich text is a reason to go whole;
 * - no `t` or `t="n"`: a number, or a Date when the cell's number format is a date format
 *   (ExcelJS's own isDateFmt and excelToDate, so both paths agree on which formats are dates);
 * - `t="b"`, `t="e"` (`{ error }`), `t="str"` (text);
 * - formulas, inline strings, ISO dates (`t="d"`), hidden or grouped rows, and any element this reader
 *   does not know are reasons.
 * A cell written without `s` has the default style, whatever its row's style (`<row s customFormat>`
 * formats only the row's absent cells): as the whole-workbook reader reads it, and Excel. (ExcelJS's
 * streaming reader gave such cells the row's style.)
 *
 * The XML arrives as latin1 text (one char per byte): markup, numbers and indexes need no decoding,
 * and the rare text value is decoded from UTF-8 when it is met. A row is read once it is whole; the
 * end of a chunk that holds only part of a row waits for the next chunk.
 */
import { asciiDigits } from "../../../core/ascii-digits";
import type { SharedStrings } from "./shared-strings";
import { decodeEscapes, decodeXml } from "./sheet-xml";
import { rowOf, type SheetStore, type StyleModel } from "./store";
import { APOS, EQ, GT, isXmlSpace, QUOT, SLASH } from "../xml-chars";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS helpers without typings, pinned to 4.4 */
const excelUtils = require("exceljs/lib/utils/utils") as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The workbook's styles as the reader needs them: a style id's model (undefined: none), the date system. */
export interface CellStyles {
  styleOf(id: number): StyleModel | undefined;
  date1904: boolean;
}

/** Attributes of the tag in text[from, to) that this reader looks at; others are skipped. */
interface TagAttrs {
  r: string | undefined;
  ht: string | undefined;
  hidden: string | undefined;
  outlineLevel: string | undefined;
}

export class SheetCellsReader {
  /** Reasons this sheet's cells cannot be read here; reading stops at the first. */
  readonly why: string[] = [];
  private carry = "";
  private row = 0;
  private col = 0;
  /** Per style id, looked up once: its style (undefined when it has none) and whether it formats dates. */
  private readonly styleById: ({ style: StyleModel | undefined; isDate: boolean } | undefined)[] = [];
  /** Where nextAttr found the last attribute's name and value. */
  private attrName = 0;
  private attrNameEnd = 0;
  private attrValue = 0;
  private attrValueEnd = 0;
  private cellCol = 0;
  private cellStyle = 0;
  private cellType = 0;
  private cellTypeText = "";
  /** Reused for every tag: one object, not one per cell. */
  private readonly a: TagAttrs = {
    r: undefined,
    ht: undefined,
    hidden: undefined,
    outlineLevel: undefined,
  };

  constructor(
    private readonly sheet: SheetStore,
    private readonly strings: SharedStrings,
    private readonly styles: CellStyles,
  ) {}

  get failed(): boolean {
    return this.why.length > 0;
  }

  /**
   * More of sheetData's inside (between `<sheetData>` and `</sheetData>`), as latin1 text. Whole rows
   * are read; a row cut by the chunk's end is kept for the next push.
   */
  push(chunk: string): void {
    if (this.failed) return;
    const text = this.carry === "" ? chunk : this.carry + chunk;
    this.carry = "";
    const n = text.length;
    let p = 0;
    while (p < n) {
      const lt = text.indexOf("<", p);
      if (lt < 0) return; // white space between rows
      if (n - lt < 6) {
        // "<row " may be cut by the chunk's end.
        this.carry = text.slice(lt);
        return;
      }
      if (!this.isTag(text, lt, "row")) {
        this.refuse(`<${tagName(text, lt)}> among the rows`);
        return;
      }
      const gt = text.indexOf(">", lt);
      if (gt < 0) {
        this.carry = text.slice(lt);
        return;
      }
      if (text.charCodeAt(gt - 1) === SLASH) {
        // <row r="5" ht="30"/>: a row with no cells (ExcelJS keeps no height for it either), but a
        // hidden or grouped one is still a reason.
        if (this.startRow(text, lt + 4, gt - 1) < 0) return;
        p = gt + 1;
        continue;
      }
      const end = text.indexOf("</row>", gt);
      if (end < 0) {
        this.carry = text.slice(lt);
        return;
      }
      this.readRow(text, lt, gt, end);
      if (this.failed) return;
      p = end + 6;
    }
  }

  /** The end of sheetData: a row still waiting means the part was cut. */
  end(): void {
    if (!this.failed && this.carry.trim() !== "") this.refuse("a row that does not end");
  }

  private refuse(why: string): void {
    this.why.push(why);
    this.carry = "";
  }

  /** Whether text at `lt` is the start tag `<name` followed by white space, `>` or `/`. */
  private isTag(text: string, lt: number, name: string): boolean {
    if (!text.startsWith(name, lt + 1)) return false;
    const c = text.charCodeAt(lt + 1 + name.length);
    return c === GT || c === SLASH || isXmlSpace(c);
  }

  /**
   * The next attribute of a tag at or after text[i], before `to`: its name in text[attrName, attrNameEnd),
   * its value (between the quotes) in text[attrValue, attrValueEnd). Returns the index after it, or -1
   * when the tag has no more.
   */
  private nextAttr(text: string, i: number, to: number): number {
    while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
    this.attrName = i;
    while (i < to && text.charCodeAt(i) !== EQ && !isXmlSpace(text.charCodeAt(i))) i++;
    this.attrNameEnd = i;
    while (i < to && text.charCodeAt(i) !== QUOT && text.charCodeAt(i) !== APOS) i++;
    if (i >= to) return -1;
    this.attrValue = i + 1;
    this.attrValueEnd = text.indexOf(text.charCodeAt(i) === QUOT ? '"' : "'", this.attrValue);
    if (this.attrValueEnd < 0 || this.attrValueEnd > to) return -1;
    return this.attrValueEnd + 1;
  }

  /** The value of the attribute nextAttr found last. */
  private attrText(text: string): string {
    return text.slice(this.attrValue, this.attrValueEnd);
  }

  /** The attributes of a `<row>` tag in text[from, to) that this reader looks at, into `this.a`. */
  private readAttrs(text: string, from: number, to: number): void {
    const a = this.a;
    a.r = a.ht = a.hidden = a.outlineLevel = undefined;
    for (let i = this.nextAttr(text, from, to); i >= 0; i = this.nextAttr(text, i, to)) {
      const len = this.attrNameEnd - this.attrName;
      const at = this.attrName;
      if (len === 1 && text.charCodeAt(at) === 114) a.r = this.attrText(text);
      else if (len === 2 && text.startsWith("ht", at)) a.ht = this.attrText(text);
      else if (len === 6 && text.startsWith("hidden", at)) a.hidden = this.attrText(text);
      else if (len === 12 && text.startsWith("outlineLevel", at)) a.outlineLevel = this.attrText(text);
    }
  }

  /**
   * The attributes of a `<c>` tag in text[from, to), read without making a string: a 100,000-row sheet
   * has about two million cells, and a substring per attribute was a tenth of the open's time in
   * garbage. Sets cellCol (0: no reference, -1: not a reference), cellStyle and cellType.
   */
  private readCellAttrs(text: string, from: number, to: number): void {
    this.cellCol = 0;
    this.cellStyle = 0;
    this.cellType = TYPE_NUMBER;
    this.cellTypeText = "";
    for (let i = this.nextAttr(text, from, to); i >= 0; i = this.nextAttr(text, i, to)) {
      const nameStart = this.attrName;
      const nameEnd = this.attrNameEnd;
      const valueStart = this.attrValue;
      const valueEnd = this.attrValueEnd;
      if (nameEnd - nameStart !== 1) continue;
      const name = text.charCodeAt(nameStart);
      if (name === 114) this.cellCol = columnAt(text, valueStart, valueEnd);
      else if (name === 115) this.cellStyle = asciiDigits(text, valueStart, valueEnd);
      else if (name === 116) {
        const len = valueEnd - valueStart;
        const t = text.charCodeAt(valueStart);
        this.cellType =
          len === 1 && t === 115
            ? TYPE_SHARED
            : len === 1 && t === 110
              ? TYPE_NUMBER
              : len === 1 && t === 98
                ? TYPE_BOOLEAN
                : len === 1 && t === 101
                  ? TYPE_ERROR
                  : len === 3 && text.startsWith("str", valueStart)
                    ? TYPE_STRING
                    : TYPE_OTHER;
        if (this.cellType === TYPE_OTHER) this.cellTypeText = text.slice(valueStart, valueEnd);
      }
    }
  }

  /** Style id `id`: its style (undefined: none or empty) and whether it formats dates, looked up once. */
  private styleAt(id: number): { style: StyleModel | undefined; isDate: boolean } {
    if (id <= 0) return NO_STYLE;
    let info = this.styleById[id];
    if (info === undefined) {
      const model = this.styles.styleOf(id);
      const style = model !== undefined && hasOwnKeys(model) ? model : undefined;
      info = { style, isDate: excelUtils.isDateFmt(style?.numFmt) };
      this.styleById[id] = info;
    }
    return info;
  }

  /**
   * A row's start tag, attributes in text[from, to): its number (its `r`, else the one after the last
   * row), or -1 after a refusal (a hidden or grouped row, a number that is none). Reads into `this.a`.
   */
  private startRow(text: string, from: number, to: number): number {
    this.readAttrs(text, from, to);
    const a = this.a;
    if (a.hidden !== undefined && a.hidden !== "0" && a.hidden !== "false") return this.refuseRow("hidden rows");
    if (a.outlineLevel !== undefined && a.outlineLevel !== "0") return this.refuseRow("grouped rows");
    const r = a.r !== undefined ? Number(a.r) : this.row + 1;
    if (!Number.isInteger(r) || r < 1) return this.refuseRow(`a row numbered "${a.r ?? ""}"`);
    this.row = r;
    this.col = 0;
    return r;
  }

  private refuseRow(why: string): number {
    this.refuse(why);
    return -1;
  }

  /** One whole `<row ...>` (start tag text[lt, gt]) up to its `</row>` at `end`. */
  private readRow(text: string, lt: number, gt: number, end: number): void {
    const r = this.startRow(text, lt + 4, gt);
    if (r < 0) return;
    const a = this.a;
    const height = a.ht !== undefined ? Number.parseFloat(a.ht) : 0;
    let wrote = false;
    let p = gt + 1;
    while (p < end) {
      const clt = text.indexOf("<", p);
      if (clt < 0 || clt >= end) break;
      if (!this.isTag(text, clt, "c")) return this.refuse(`<${tagName(text, clt)}> in a row`);
      const cgt = text.indexOf(">", clt);
      if (cgt < 0 || cgt > end) return this.refuse("a cell that does not end");
      const selfClosing = text.charCodeAt(cgt - 1) === SLASH;
      this.readCellAttrs(text, clt + 2, selfClosing ? cgt - 1 : cgt);
      const c = this.cellCol === 0 ? this.col + 1 : this.cellCol;
      if (c < 1) return this.refuse(`a cell at "${cellRefText(text, clt, cgt)}"`);
      this.col = c;
      let vStart = -1;
      let vEnd = -1;
      if (selfClosing) p = cgt + 1;
      else {
        const cend = text.indexOf("</c>", cgt);
        if (cend < 0 || cend > end) return this.refuse("a cell that does not end");
        // Inside the cell: at most one <v>; anything else (<f>, <is>, <extLst>) is a reason.
        let q = cgt + 1;
        while (q < cend) {
          const vlt = text.indexOf("<", q);
          if (vlt < 0 || vlt >= cend) break;
          if (!this.isTag(text, vlt, "v")) {
            const name = tagName(text, vlt);
            return this.refuse(name === "f" ? "formulas" : name === "is" ? "inline rich text" : `<${name}> in a cell`);
          }
          const vgt = text.indexOf(">", vlt);
          if (vgt < 0 || vgt > cend) return this.refuse("a value that does not end");
          if (text.charCodeAt(vgt - 1) === SLASH) {
            q = vgt + 1;
            continue;
          }
          const close = text.indexOf("</v>", vgt);
          if (close < 0 || close > cend) return this.refuse("a value that does not end");
          vStart = vgt + 1;
          vEnd = close;
          q = close + 4;
        }
        p = cend + 4;
      }
      // Style 0 is the default: no style of the cell's own (as both ExcelJS readers read it).
      const { style, isDate } = this.styleAt(this.cellStyle);
      let value: unknown;
      if (vEnd > vStart) {
        value = this.value(text, vStart, vEnd, isDate);
        if (this.failed) return;
      }
      if (value === undefined && style === undefined) continue;
      const rs = rowOf(this.sheet, r);
      rs.values[c] = value;
      if (style !== undefined) rs.styles[c] = style;
      wrote = true;
    }
    if (wrote && height) this.sheet.rows[r]!.height = height;
  }

  /** A cell's value from its `<v>` text (text[from, to)) and type; undefined after a refusal. */
  private value(text: string, from: number, to: number, isDate: boolean): unknown {
    switch (this.cellType) {
      case TYPE_NUMBER: {
        // Most numbers are whole (years, amounts, serials): read those from the digits.
        let v = asciiDigits(text, from, to);
        if (v < 0 || to - from > 15) {
          const raw = text.slice(from, to);
          v = raw.trim() === "" ? Number.NaN : Number(raw);
          if (!Number.isFinite(v)) return this.refuse(`a number written "${raw.slice(0, 20)}"`);
        }
        return isDate ? excelUtils.excelToDate(v, this.styles.date1904) : v;
      }
      case TYPE_SHARED: {
        const i = asciiDigits(text, from, to);
        if (this.strings.rich[i] === 1)
          return this.refuse("cells with rich text (text with several fonts in one cell)");
        return i < 0 ? undefined : this.strings.texts[i];
      }
      case TYPE_BOOLEAN: {
        const raw = text.slice(from, to);
        return !(raw === "0" || raw === "false");
      }
      case TYPE_ERROR:
        return { error: decodeXml(text.slice(from, to)) };
      case TYPE_STRING:
        return decodeEscapes(decodeXml(utf8(text.slice(from, to)).replace(/\r\n?/g, "\n")));
      default:
        return this.refuse(`cells of type "${this.cellTypeText}"`);
    }
  }
}

const NO_STYLE = { style: undefined, isDate: false };

const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_BOOLEAN = 2;
const TYPE_ERROR = 3;
const TYPE_STRING = 4;
const TYPE_OTHER = 5;

/** Column number of the reference in text[from, to) ("AB12" -> 28, "$C$3" -> 3), -1 when it is none. */
function columnAt(text: string, from: number, to: number): number {
  let c = 0;
  let i = from;
  if (i < to && text.charCodeAt(i) === 36) i++; // "$"
  const lettersFrom = i;
  for (; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else break;
  }
  return i > lettersFrom && c <= 16384 ? c : -1;
}

/** A cell's r attribute as written, for a message. */
function cellRefText(text: string, lt: number, gt: number): string {
  const m = /\sr\s*=\s*["']([^"']*)["']/.exec(text.slice(lt, gt));
  return m ? m[1]! : "";
}

/** latin1 text back to what its bytes say in UTF-8 (a no-op for ASCII). */
function utf8(latin1: string): string {
  // eslint-disable-next-line no-control-regex -- any byte above 0x7f starts a multi-byte character
  return /[^\x00-\x7f]/.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;
}

function hasOwnKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** The element name of the tag at `lt`, for messages. */
function tagName(text: string, lt: number): string {
  let i = lt + 1;
  while (i < text.length && i - lt < 40) {
    const c = text.charCodeAt(i);
    if (c === GT || c === SLASH || isXmlSpace(c)) break;
    i++;
  }
  return text.slice(lt + 1, i);
}
