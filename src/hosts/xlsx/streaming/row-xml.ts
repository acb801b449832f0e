/**
 * A store row as SpreadsheetML (`<row r="7"><c r="A7" s="3" t="s"><v>12</v></c>...</row>`), written as
 * bytes (xml-bytes.ts) with no ExcelJS Row or Cell object on the way. ExcelJS's streaming writer builds a Row, a Cell
 * per value, their models and an XmlStream for every row; at 15 million output cells that alone cost
 * ~67 s. The package around the cells (styles, shared strings, notes, tables...) is still ExcelJS's:
 * this module only asks the writer for a style's xf id and a string's shared-string index.
 *
 * What each value becomes, as ExcelJS's cell-xform writes it:
 * - text: a shared string (`t="s"`), always, whatever its first character: text is data, never a
 *   formula. Its escaping (XML specials, control characters as `_xHHHH_`) is done where the shared
 *   strings are written (ExcelJS's XmlStream, wrapped by text-escape.ts).
 * - numbers as `<v>`; a non-finite number (which Excel cannot store) as the error `#NUM!`, which is
 *   what both of our readers make of it;
 * - booleans `t="b"`; error values `t="e"`; dates as serial numbers with a date format (the cell's own,
 *   else `mm-dd-yy` as ExcelJS gives them);
 * - the add-in's own formulas (`{ formula }`, from a `formulas` op) as `<f>`, with no cached value.
 */
import { escapeOoxmlText } from "../text-escape";
import type { RowStore, StyleModel } from "./store";
import type { XmlBytes } from "./xml-bytes";

export interface RowXmlContext {
  /** The xf id for a cell of this style; `isDate` when it holds a date (a date needs a date format). */
  styleId(style: StyleModel | undefined, isDate: boolean): number;
  /** The shared-string index of `text`, written in column `col`. */
  sharedString(text: string, col: number): number;
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (with its leap-year bug) to 1970-01-01, as ExcelJS utils.dateToExcel. */
const EPOCH_1970 = 25_569;

const letters: string[] = [""];

/** Column letters of column c (1-based), cached: "A", "Z", "AA". */
export function columnLetters(c: number): string {
  for (let n = letters.length; n <= c; n++) {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    letters.push(s);
  }
  return letters[c]!;
}

/** Text for an XML text node that we write ourselves (formulas, error codes): OOXML escapes, then XML's. */
export function xmlText(s: string): string {
  const t = escapeOoxmlText(s);
  return /[&<>]/.test(t) ? t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : t;
}

/**
 * One `<si>` of xl/sharedStrings.xml, byte for byte as ExcelJS's shared-string xform writes a plain
 * string (with text-escape.ts installed): `_xHHHH_` escapes first, then the five XML specials (ExcelJS's
 * xmlEncode, which has nothing else left to drop), and `xml:space="preserve"` when the text starts or
 * ends with white space or holds a line feed.
 */
export function writeSharedString(out: XmlBytes, text: string): void {
  out.ascii("<si>");
  writeTextElement(out, text);
  out.ascii("</si>");
}

/**
 * A `<t>` element as ExcelJS's text xform writes it (shared strings and notes): `_xHHHH_` escapes,
 * then the five XML specials, and `xml:space="preserve"` for leading or trailing white space or a line feed.
 */
export function writeTextElement(out: XmlBytes, text: string): void {
  let t = escapeOoxmlText(text);
  if (XML_SPECIAL.test(t)) t = t.replace(XML_SPECIALS, (ch) => XML_ENTITY[ch]!);
  out.ascii(PRESERVE.test(text) ? '<t xml:space="preserve">' : "<t>");
  out.utf8(t);
  out.ascii("</t>");
}
const XML_SPECIAL = /[<>&'"]/;
const XML_SPECIALS = /[<>&'"]/g;
const XML_ENTITY: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };
const PRESERVE = /^\s|\n|\s$/;

/**
 * Writes store rows as SpreadsheetML into an XmlBytes. Keeps, per styles array, the `s` attribute of
 * each column: the rows of one values op share one styles array (store.ts), so a facts table's style
 * ids are looked up once, not once per cell.
 */
export class RowXmlWriter {
  private stylesSeen: readonly (StyleModel | undefined)[] | null = null;
  private styleAttr: (string | undefined)[] = [];

  constructor(private readonly ctx: RowXmlContext) {}

  /** ` s="id"` (or "" for the default style) of a non-date cell in column c with this row's styles. */
  private plainStyle(styles: readonly (StyleModel | undefined)[], c: number): string {
    if (styles !== this.stylesSeen) {
      this.stylesSeen = styles;
      this.styleAttr = [];
    }
    let attr = this.styleAttr[c];
    if (attr === undefined) {
      const id = this.ctx.styleId(styles[c], false);
      attr = id ? ` s="${id}"` : "";
      this.styleAttr[c] = attr;
    }
    return attr;
  }

  /** Row r into `out`; nothing when it has no cell to write and no height of its own. */
  write(out: XmlBytes, row: RowStore, r: number): void {
    const { values, styles } = row;
    const block = row.block;
    const blockCol = block ? block.col : 0;
    const blockEnd = block ? block.col + block.cells.length : 0;
    const end = Math.max(values.length, styles.length, blockEnd);
    const start = out.pos;
    const rowNumber = String(r);
    out.ascii('<row r="');
    out.ascii(rowNumber);
    if (row.height) out.ascii(`" ht="${row.height}" customHeight="1`);
    out.ascii('" x14ac:dyDescent="0.25">');
    let wrote = false;
    for (let c = 1; c < end; c++) {
      const v = c >= blockCol && c < blockEnd ? block!.cells[c - blockCol] : values[c];
      if (v === undefined || v === null) {
        if (styles[c] === undefined) continue;
        const s = this.plainStyle(styles, c);
        if (s === "") continue;
        out.ascii('<c r="');
        out.ascii(columnLetters(c));
        out.ascii(rowNumber);
        out.ascii('"');
        out.ascii(s);
        out.ascii("/>");
        wrote = true;
        continue;
      }
      const isDate = v instanceof Date;
      out.ascii('<c r="');
      out.ascii(columnLetters(c));
      out.ascii(rowNumber);
      out.ascii('"');
      if (isDate) {
        const id = this.ctx.styleId(styles[c], true);
        if (id) out.ascii(` s="${id}"`);
      } else {
        out.ascii(this.plainStyle(styles, c));
      }
      this.value(out, v, c);
      wrote = true;
    }
    if (!wrote && !row.height) out.rewind(start);
    else out.ascii("</row>");
  }

  /** The rest of a `<c>` element after its r and s attributes. */
  private value(out: XmlBytes, v: unknown, c: number): void {
    switch (typeof v) {
      case "string":
        out.ascii(' t="s"><v>');
        out.uint(this.ctx.sharedString(v, c));
        out.ascii("</v></c>");
        return;
      case "number":
        if (Number.isFinite(v)) {
          out.ascii("><v>");
          out.number(v);
          out.ascii("</v></c>");
        } else out.ascii(' t="e"><v>#NUM!</v></c>');
        return;
      case "boolean":
        out.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
        return;
      default:
        break;
    }
    if (v instanceof Date) {
      const serial = EPOCH_1970 + v.getTime() / MS_PER_DAY - (this.ctx.date1904 ? 1462 : 0);
      if (Number.isFinite(serial)) {
        out.ascii("><v>");
        out.number(serial);
        out.ascii("</v></c>");
      } else out.ascii(' t="e"><v>#NUM!</v></c>');
      return;
    }
    const o = v as { error?: unknown; formula?: unknown };
    if (typeof o.error === "string") {
      out.ascii(' t="e"><v>');
      out.utf8(xmlText(o.error));
      out.ascii("</v></c>");
      return;
    }
    if (typeof o.formula === "string") {
      out.ascii("><f>");
      out.utf8(xmlText(o.formula));
      out.ascii("</f></c>");
      return;
    }
    throw new Error(`a cell value the file writer does not know (${JSON.stringify(v)?.slice(0, 60)})`);
  }
}
