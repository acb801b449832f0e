/**
 * A byte-level scanner for one XML part of an .xlsx, fed chunk by chunk while the part is inflated, so
 * that nothing hostile reaches ExcelJS's parser. It keeps O(1) state (plus one tag of at most
 * MAX_TAG_BYTES) and finds:
 * - any markup declaration other than a comment or CDATA (`<!DOCTYPE`, `<!ENTITY`): entity expansion;
 * - in a worksheet: a `<dimension ref>` or cell coordinates beyond the documented limits;
 * - text longer than the cell text limit (counted in UTF-16 units, an entity or `_xHHHH_` escape as 1).
 */
import type { FileLimits } from "./limits";
import { EQ, GT, isXmlSpace, LT, SLASH } from "./xml-chars";

export type ScanProblem =
  | { kind: "xml-entities"; declaration: string }
  | { kind: "too-many-cells"; reason: string; cells: number }
  | { kind: "string-too-long"; length: number };

export interface ScanSummary {
  /** Cells actually present (worksheets only). */
  cells: number;
  maxRow: number;
  maxColumn: number;
}

const AMP = 0x26;
const SEMI = 0x3b;
const UNDERSCORE = 0x5f;
const LOWER_X = 0x78;
/** Longest start tag we keep to read its attributes; longer ones are skipped (we only need short ones). */
const MAX_TAG_BYTES = 4096;

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

/** A tag name ends at white space or "/" (as the scanner always read it). */
function isNameEnd(b: number): boolean {
  return isXmlSpace(b) || b === SLASH;
}

/** The number written by 1 to 9 ASCII digits in t[start, end), else null (as /^\d{1,9}$/). */
function digits(t: Uint8Array, start: number, end: number): number | null {
  const n = end - start;
  if (n < 1 || n > 9) return null;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = t[i]! - 0x30;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return v;
}

function columnFromLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n;
}

const R_ATTR = /\sr\s*=\s*["']([^"']*)["']/;
const REF_ATTR = /\sref\s*=\s*["']([^"']*)["']/;
const REF_RE = /^\$?([A-Z]{1,4})\$?(\d{1,9})$/;

/** "B3" -> [3, 2]; null when the text is no cell reference. */
function parseRef(ref: string): [number, number] | null {
  const m = REF_RE.exec(ref.toUpperCase());
  if (!m) return null;
  return [Number(m[2]), columnFromLetters(m[1]!)];
}

export class ScanStop extends Error {
  constructor(readonly problem: ScanProblem) {
    super(problem.kind);
  }
}

export class XmlPartScanner {
  private inTag = false;
  /** The current tag's bytes (after "<"), preallocated so that scanning allocates nothing per tag. */
  private readonly tag = Buffer.alloc(MAX_TAG_BYTES);
  private tagLen = 0;
  private tagTooLong = false;
  private inEntity = false;
  /** Position inside a `_xHHHH_` escape: 0 none, 1 after "_", 2 after "_x", 3..6 after hex digits. */
  private esc = 0;
  private textLen = 0;
  /** Length of the current shared or inline string (<si>/<is>), summed over its runs. */
  private itemLen = -1;
  private row = 0;
  private col = 0;
  private readonly summary: ScanSummary = { cells: 0, maxRow: 0, maxColumn: 0 };

  constructor(
    private readonly limits: FileLimits,
    private readonly isWorksheet: boolean,
    private readonly checkText: boolean,
  ) {}

  /**
   * Throws ScanStop on the first problem. Tag bodies and (when text is not counted) text runs are found
   * with Buffer.indexOf, which is native: a 100,000-row sheet has ~2 million tags.
   */
  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const n = buf.length;
    let i = 0;
    while (i < n) {
      if (this.inTag) {
        const gt = buf.indexOf(GT, i);
        const stop = gt < 0 ? n : gt;
        const room = MAX_TAG_BYTES - this.tagLen;
        const take = Math.min(room, stop - i);
        // A byte loop, not Buffer.copy: tags are a few bytes and copy's per-call cost dominated the scan.
        const tag = this.tag;
        let len = this.tagLen;
        for (let j = i, last = i + take; j < last; j++) tag[len++] = buf[j]!;
        this.tagLen = len;
        if (stop - i > take) this.tagTooLong = true;
        if (gt < 0) return;
        this.inTag = false;
        this.closeTag();
        i = gt + 1;
        continue;
      }
      if (!this.checkText) {
        const lt = buf.indexOf(LT, i);
        if (lt < 0) return;
        i = lt;
      }
      const b = buf[i]!;
      if (b === LT) {
        this.endText();
        this.inTag = true;
        this.tagLen = 0;
        this.tagTooLong = false;
      } else {
        this.countTextByte(b);
      }
      i++;
    }
  }

  end(): ScanSummary {
    this.endText();
    return this.summary;
  }

  private countTextByte(b: number): void {
    if (this.inEntity) {
      if (b === SEMI) this.inEntity = false;
      return;
    }
    if (b === AMP) {
      this.inEntity = true;
      this.textLen += 1;
    } else if ((b & 0xc0) !== 0x80) {
      // A UTF-8 lead byte starts one code point; four-byte sequences are two UTF-16 units, as Excel counts.
      this.textLen += b >= 0xf0 ? 2 : 1;
    }
    // `_xHHHH_` is one character once decoded.
    if (this.esc === 0) this.esc = b === UNDERSCORE ? 1 : 0;
    else if (this.esc === 1) this.esc = b === LOWER_X ? 2 : b === UNDERSCORE ? 1 : 0;
    else if (this.esc >= 2 && this.esc <= 5) this.esc = isHex(b) ? this.esc + 1 : b === UNDERSCORE ? 1 : 0;
    else if (this.esc === 6) {
      if (b === UNDERSCORE) this.textLen -= 6;
      this.esc = 0;
    }
    if (this.textLen > this.limits.maxStringLength)
      throw new ScanStop({ kind: "string-too-long", length: this.textLen });
  }

  private endText(): void {
    if (this.textLen > 0 && this.itemLen >= 0) {
      this.itemLen += this.textLen;
      if (this.itemLen > this.limits.maxStringLength)
        throw new ScanStop({ kind: "string-too-long", length: this.itemLen });
    }
    this.textLen = 0;
    this.esc = 0;
    this.inEntity = false;
  }

  private closeTag(): void {
    const t = this.tag;
    const len = this.tagLen;
    if (len === 0) return;
    const first = t[0]!;
    if (first === 0x21 /* ! */) {
      // Comments and CDATA are harmless; any other declaration (DOCTYPE, ENTITY, ELEMENT...) is refused.
      const head = t.toString("latin1", 0, Math.min(len, 9));
      if (head.startsWith("!--") || head.startsWith("![CDATA[")) return;
      throw new ScanStop({ kind: "xml-entities", declaration: head.split(/\s/)[0] ?? head });
    }
    if (first === 0x3f /* ? */) return;
    const closing = first === SLASH;
    // Tag name, without a namespace prefix, compared as bytes (no string per tag).
    let start = closing ? 1 : 0;
    let end = start;
    while (end < len && !isNameEnd(t[end]!)) end++;
    for (let k = start; k < end; k++)
      if (t[k] === 0x3a /* : */) {
        start = k + 1;
        break;
      }
    const size = end - start;
    if (size === 2 && ((t[start] === 0x73 && t[start + 1] === 0x69) || (t[start] === 0x69 && t[start + 1] === 0x73))) {
      // <si> or <is>
      this.itemLen = closing ? -1 : 0;
      return;
    }
    if (!this.isWorksheet || closing) return;
    if (size === 1 && t[start] === 0x63 /* c */) this.onCell(end);
    else if (size === 3 && t[start] === 0x72 && t[start + 1] === 0x6f && t[start + 2] === 0x77) this.onRow(end);
    else if (size === 9 && t.toString("latin1", start, end) === "dimension") this.onDimension();
  }

  private attr(re: RegExp): string | null {
    if (this.tagTooLong) return null;
    const m = re.exec(this.tag.toString("latin1", 0, this.tagLen));
    return m ? m[1]! : null;
  }

  /**
   * Where the value of the tag's `r` attribute lies, read as XML attributes from `from` (after the tag
   * name): [start, end) in this.tag, null when there is none or the tag is too long to hold; -1 when the
   * attributes are not plain `name="value"` pairs, and the caller reads them with the regular expression.
   */
  private rAttr(from: number): [number, number] | null | -1 {
    if (this.tagTooLong) return null;
    const t = this.tag;
    const len = this.tagLen;
    let i = from;
    for (;;) {
      while (i < len && isXmlSpace(t[i]!)) i++;
      if (i >= len || t[i] === SLASH) return null;
      const nameStart = i;
      while (i < len && t[i] !== EQ && !isXmlSpace(t[i]!)) i++;
      const nameEnd = i;
      while (i < len && isXmlSpace(t[i]!)) i++;
      if (i >= len || t[i] !== EQ) return -1;
      i++;
      while (i < len && isXmlSpace(t[i]!)) i++;
      const q = t[i];
      if (q !== 0x22 && q !== 0x27) return -1;
      const valueStart = ++i;
      while (i < len && t[i] !== q) i++;
      if (i >= len) return -1;
      if (nameEnd - nameStart === 1 && t[nameStart] === 0x72 /* r */) return [valueStart, i];
      i++;
    }
  }

  private onRow(nameEnd: number): void {
    const at = this.rAttr(nameEnd);
    let r: number | null = null;
    if (at === null || at === -1) {
      // No plain r attribute: read the tag as the regular expression always did.
      const s = this.attr(R_ATTR);
      r = s !== null && /^\d{1,9}$/.test(s) ? Number(s) : null;
    } else {
      r = digits(this.tag, at[0], at[1]);
    }
    this.row = r !== null ? r : this.row + 1;
    this.col = 0;
    if (this.row > this.limits.maxRows)
      throw new ScanStop({ kind: "too-many-cells", reason: `row ${this.row}`, cells: this.row });
  }

  private onCell(nameEnd: number): void {
    const at = this.rAttr(nameEnd);
    let refRow = -1;
    let refCol = -1;
    if (at !== null && at !== -1) {
      // ^\$?([A-Z]{1,4})\$?(\d{1,9})$, case-insensitive, as parseRef
      const t = this.tag;
      let i = at[0];
      const e = at[1];
      if (i < e && t[i] === 0x24) i++;
      let col = 0;
      const lettersStart = i;
      while (i < e && i - lettersStart < 5) {
        const u = t[i]! & 0xdf;
        if (u < 0x41 || u > 0x5a) break;
        col = col * 26 + (u - 64);
        i++;
      }
      const letters = i - lettersStart;
      if (letters >= 1 && letters <= 4) {
        if (i < e && t[i] === 0x24) i++;
        const row = digits(t, i, e);
        if (row !== null) {
          refRow = row;
          refCol = col;
        }
      }
    }
    if (refRow < 0) {
      // Not a plain reference in a plain attribute: read the tag as the regular expression always did.
      const s = this.attr(R_ATTR);
      const ref = s === null ? null : parseRef(s);
      if (ref) [refRow, refCol] = ref;
    }
    if (refRow >= 0) {
      this.row = Math.max(this.row, refRow);
      this.col = refCol;
      if (refRow > this.limits.maxRows)
        throw new ScanStop({ kind: "too-many-cells", reason: `row ${refRow}`, cells: refRow });
    } else {
      this.col += 1;
    }
    if (this.col > this.limits.maxColumns)
      throw new ScanStop({ kind: "too-many-cells", reason: `column ${this.col}`, cells: this.col });
    const s = this.summary;
    s.cells += 1;
    if (this.row > s.maxRow) s.maxRow = this.row;
    if (this.col > s.maxColumn) s.maxColumn = this.col;
    if (s.cells > this.limits.maxCells)
      throw new ScanStop({ kind: "too-many-cells", reason: "cells present", cells: s.cells });
  }

  private onDimension(): void {
    const ref = this.attr(REF_ATTR);
    if (ref === null) return;
    const [a, b] = ref.split(":");
    const p = a ? parseRef(a) : null;
    const q = b ? parseRef(b) : p;
    if (!p || !q) return;
    const rows = Math.abs(q[0] - p[0]) + 1;
    const cols = Math.abs(q[1] - p[1]) + 1;
    const cells = rows * cols;
    if (
      Math.max(p[0], q[0]) > this.limits.maxRows ||
      Math.max(p[1], q[1]) > this.limits.maxColumns ||
      cells > this.limits.maxCells
    ) {
      throw new ScanStop({ kind: "too-many-cells", reason: `dimension ${ref}`, cells });
    }
  }
}
