/**
 * A byte-level scanner for one XML part of an .xlsx, fed chunk by chunk while the part is inflated, so
 * that nothing hostile reaches ExcelJS's parser. It keeps O(1) state (plus one tag of at most
 * MAX_TAG_BYTES) and finds:
 * - any markup declaration other than a comment or CDATA (`<!DOCTYPE`, `<!ENTITY`): entity expansion;
 * - in a worksheet: a `<dimension ref>` or cell coordinates beyond the documented limits;
 * - text longer than the cell text limit (counted in UTF-16 units, an entity or `_xHHHH_` escape as 1).
 */
import type { FileLimits } from "./limits";

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

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SEMI = 0x3b;
const UNDERSCORE = 0x5f;
const LOWER_X = 0x78;
/** Longest start tag we keep to read its attributes; longer ones are skipped (we only need short ones). */
const MAX_TAG_BYTES = 4096;

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
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

  /** Throws ScanStop on the first problem. */
  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.inTag) {
        if (b === GT) {
          this.inTag = false;
          this.closeTag();
        } else if (this.tagLen < MAX_TAG_BYTES) {
          this.tag[this.tagLen++] = b;
        } else {
          this.tagTooLong = true;
        }
        continue;
      }
      if (b === LT) {
        this.endText();
        this.inTag = true;
        this.tagLen = 0;
        this.tagTooLong = false;
        continue;
      }
      if (!this.checkText) continue;
      this.countTextByte(b);
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
    const closing = first === 0x2f; /* / */
    // Tag name, without a namespace prefix.
    let end = closing ? 1 : 0;
    while (end < len && t[end] !== 0x20 && t[end] !== 0x2f && t[end] !== 0x09 && t[end] !== 0x0a && t[end] !== 0x0d)
      end++;
    let name = t.toString("latin1", closing ? 1 : 0, end);
    const colon = name.indexOf(":");
    if (colon >= 0) name = name.slice(colon + 1);
    if (name === "si" || name === "is") {
      this.itemLen = closing ? -1 : 0;
      return;
    }
    if (!this.isWorksheet || closing) return;
    if (name === "row") this.onRow();
    else if (name === "c") this.onCell();
    else if (name === "dimension") this.onDimension();
  }

  private attr(re: RegExp): string | null {
    if (this.tagTooLong) return null;
    const m = re.exec(this.tag.toString("latin1", 0, this.tagLen));
    return m ? m[1]! : null;
  }

  private onRow(): void {
    const r = this.attr(R_ATTR);
    this.row = r !== null && /^\d{1,9}$/.test(r) ? Number(r) : this.row + 1;
    this.col = 0;
    if (this.row > this.limits.maxRows)
      throw new ScanStop({ kind: "too-many-cells", reason: `row ${this.row}`, cells: this.row });
  }

  private onCell(): void {
    const r = this.attr(R_ATTR);
    const ref = r === null ? null : parseRef(r);
    if (ref) {
      this.row = Math.max(this.row, ref[0]);
      this.col = ref[1];
      if (ref[0] > this.limits.maxRows)
        throw new ScanStop({ kind: "too-many-cells", reason: `row ${ref[0]}`, cells: ref[0] });
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
