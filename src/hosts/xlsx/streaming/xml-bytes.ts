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

  /** Bytes made once and written many times (a column's `<c r="AB`, a style's `" s="18" t="s"><v>`). */
  bytes(src: Uint8Array, n = src.length): void {
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    // A loop: these are a few bytes each, where Buffer.set's call costs more than the copy.
    for (let i = 0; i < n; i++) b[p++] = src[i]!;
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

  /**
   * A number as JavaScript writes it ("40000.5", "-12", "1e-7"): what SpreadsheetML's `<v>` takes.
   * Integers and numbers of up to six decimals (amounts, shares, scores: most of a plan's numbers) are
   * written digit by digit, the same text as String(v) with no string made; see `decimal`.
   */
  number(v: number): void {
    const a = v < 0 ? -v : v;
    if (Number.isInteger(a) && a < 2 ** 53) {
      if (v < 0) this.byte(45);
      this.uint(a);
      return;
    }
    if (!this.decimal(v, a)) this.ascii(String(v));
  }

  /**
   * `v` (absolute value `a`, not an integer) as String(v) writes it, when it has at most six decimals:
   * the fewest decimals k for which round(a * 10^k) / 10^k is `a` again. String(v) writes the shortest
   * digits that read back as v, and in plain notation for 1e-6 <= |v| < 1e21; with a * 10^k below
   * 2^51 a double's spacing near `a` is under half of 10^-k, so (i) the k found by rounding is the
   * shortest, (ii) only one k-decimal number reads back as `a`, and it is the one found. Otherwise
   * (more decimals, too large, or below 1e-6) false, and the caller uses String(v).
   */
  private decimal(v: number, a: number): boolean {
    for (let k = 1, p = 10; k <= 6; k++, p *= 10) {
      const scaled = a * p;
      if (scaled >= 2 ** 51) return false;
      const n = Math.round(scaled);
      if (n / p !== a) continue;
      const frac = n % p;
      if (v < 0) this.byte(45);
      this.uint((n - frac) / p);
      this.room(k + 1);
      const b = this.buf;
      let q = this.pos + k + 1;
      this.pos = q;
      let x = frac;
      for (let i = 0; i < k; i++) {
        b[--q] = 48 + (x % 10);
        x = (x - (x % 10)) / 10;
      }
      b[--q] = 46; // "."
      return true;
    }
    return false;
  }

  /** One byte (an ASCII character code). */
  byte(code: number): void {
    this.room(1);
    this.buf[this.pos++] = code;
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
