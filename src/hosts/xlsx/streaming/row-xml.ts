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

/** `><v>n</v></c>`, or the error #NUM! for a number Excel cannot store (infinite, NaN, an invalid date). */
function numberValue(out: XmlBytes, n: number): void {
  if (Number.isFinite(n)) {
    out.ascii("><v>");
    out.number(n);
    out.ascii("</v></c>");
  } else out.ascii(' t="e"><v>#NUM!</v></c>');
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

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** `<c r="` and the column's letters, per column (1-based): the row's digits come next. */
const cellHeads: Uint8Array[] = [];
function cellHead(c: number): Uint8Array {
  return (cellHeads[c] ??= ascii(`<c r="${columnLetters(c)}`));
}
const VALUE_END = ascii("</v></c>");

/**
 * What follows a cell's reference, up to its value, for one style: `"`, the style attribute, the type
 * and `<v>`; for text, a number, and an empty styled cell (`"/>` after the style). Made once per
 * style id, so a cell is a few copies of ready bytes.
 */
interface ColumnTails {
  /** `"` and the style attribute, for the kinds that go on from there (booleans, errors, formulas). */
  style: Uint8Array;
  text: Uint8Array;
  number: Uint8Array;
  /** Null for the default style: an empty cell without a style of its own is not written. */
  empty: Uint8Array | null;
}

function columnTailsFor(id: number): ColumnTails {
  const s = id ? `" s="${id}"` : '"';
  return {
    style: ascii(s),
    text: ascii(`${s} t="s"><v>`),
    number: ascii(`${s}><v>`),
    empty: id ? ascii(`${s}/>`) : null,
  };
}

/**
 * Writes store rows as SpreadsheetML into an XmlBytes. Keeps each column's last style and its tails
 * (ColumnTails), so a style id is looked up when a column's style changes, not once per cell. A row's number is put in digits once and copied into
 * each of its cells' references. Rows carry no `x14ac:dyDescent` (Excel's default descent, which
 * ExcelJS writes on every row): Excel, LibreOffice and ExcelJS do without it, and it was 24 bytes a row.
 */
export class RowXmlWriter {
  /** Per column, the style object of the last cell written there and its tails. */
  private readonly lastStyle: (StyleModel | undefined)[] = [];
  private readonly lastTails: (ColumnTails | undefined)[] = [];
  /** Tails by xf id. */
  private readonly tailsById: (ColumnTails | undefined)[] = [];
  /** The digits of the row being written, and how many. */
  private readonly rowDigits = new Uint8Array(16);
  private rowDigitCount = 0;

  constructor(private readonly ctx: RowXmlContext) {}

  /**
   * The tails of a non-date cell in column c with this row's styles. Style objects are shared by all
   * cells of one style (store.ts), and a column mostly keeps its style from row to row: the id is
   * looked up when the column's style object changes.
   */
  private columnTails(styles: readonly (StyleModel | undefined)[], c: number): ColumnTails {
    const style = styles[c];
    const last = this.lastTails[c];
    if (last !== undefined && this.lastStyle[c] === style) return last;
    const id = this.ctx.styleId(style, false);
    const tails = (this.tailsById[id] ??= columnTailsFor(id));
    this.lastStyle[c] = style;
    this.lastTails[c] = tails;
    return tails;
  }

  /** `<c r="B7` for column c of the current row. */
  private reference(out: XmlBytes, c: number): void {
    out.bytes(cellHead(c));
    out.bytes(this.rowDigits, this.rowDigitCount);
  }

  /** Row r into `out`; nothing when it has no cell to write and no height of its own. */
  write(out: XmlBytes, row: RowStore, r: number): void {
    const { values, styles } = row;
    const block = row.block;
    const blockCol = block ? block.col : 0;
    const blockEnd = block ? block.col + block.cells.length : 0;
    const end = Math.max(values.length, styles.length, blockEnd);
    const start = out.pos;
    let n = 0;
    for (let x = r; x > 0 || n === 0; x = Math.floor(x / 10)) n++;
    this.rowDigitCount = n;
    for (let x = r, i = n - 1; i >= 0; i--, x = Math.floor(x / 10)) this.rowDigits[i] = 48 + (x % 10);
    out.ascii('<row r="');
    out.bytes(this.rowDigits, n);
    out.ascii(row.height ? `" ht="${row.height}" customHeight="1">` : '">');
    let wrote = false;
    for (let c = 1; c < end; c++) {
      const v = c >= blockCol && c < blockEnd ? block!.cells[c - blockCol] : values[c];
      if (v === undefined || v === null) {
        if (styles[c] === undefined) continue;
        const empty = this.columnTails(styles, c).empty;
        if (empty === null) continue;
        this.reference(out, c);
        out.bytes(empty);
        wrote = true;
        continue;
      }
      wrote = true;
      if (typeof v === "string") {
        this.reference(out, c);
        out.bytes(this.columnTails(styles, c).text);
        out.uint(this.ctx.sharedString(v, c));
        out.bytes(VALUE_END);
      } else if (typeof v === "number" && Number.isFinite(v)) {
        this.reference(out, c);
        out.bytes(this.columnTails(styles, c).number);
        out.number(v);
        out.bytes(VALUE_END);
      } else if (v instanceof Date) {
        this.reference(out, c);
        const id = this.ctx.styleId(styles[c], true);
        out.ascii(id ? `" s="${id}"` : '"');
        this.value(out, v);
      } else {
        this.reference(out, c);
        out.bytes(this.columnTails(styles, c).style);
        this.value(out, v);
      }
    }
    if (!wrote && !row.height) out.rewind(start);
    else out.ascii("</row>");
  }

  /** The rest of a `<c>` element after its r and s attributes. */
  private value(out: XmlBytes, v: unknown): void {
    switch (typeof v) {
      case "number":
        numberValue(out, v);
        return;
      case "boolean":
        out.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
        return;
      default:
        break;
    }
    if (v instanceof Date) {
      numberValue(out, EPOCH_1970 + v.getTime() / MS_PER_DAY - (this.ctx.date1904 ? 1462 : 0));
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
