/**
 * A growing byte buffer for the worksheet XML the streaming writer makes itself. Almost all of it is
 * ASCII (tags, cell references, style and shared-string indexes, numbers), so it is written a byte
 * per character with no intermediate strings: at 15 million cells, building strings and encoding them
 * cost more than the cells' XML itself. Text that may hold other characters goes through `utf8`.
 */
export class XmlBytes {
  private buf: Buffer;
  /** Bytes written so far. */
  pos = 0;

  constructor(private readonly chunkBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(chunkBytes);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Text known to be ASCII (markup, references, digits). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, as UTF-8. */
  utf8(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** A non-negative integer below 2^53, in decimal. */
  uint(n: number): void {
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    const b = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    let x = n;
    do {
      b[--p] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** A number as JavaScript writes it ("40000.5", "-12", "1e-7"): what SpreadsheetML's `<v>` takes. */
  number(v: number): void {
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 53) this.uint(v);
    else this.ascii(String(v));
  }

  /** Forget the bytes from `pos` on (a row that turned out to have nothing to write). */
  rewind(pos: number): void {
    this.pos = pos;
  }

  /**
   * The bytes written, handed over (the stream they go to keeps them until it has used them): the
   * next bytes go to a new buffer, so nothing is copied.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.chunkBytes);
    this.pos = 0;
    return out;
  }
}
