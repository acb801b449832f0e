/**
 * parseAddress and columnNumber read by character codes. They must accept, refuse and compute exactly
 * as the pattern /^\$?([A-Za-z]{1,3})\$?(\d+)$/ (on the trimmed text) and the upper-casing loop did.
 */
import fc from "fast-check";
import { columnNumber, parseAddress } from "../../src/core/grid";

function columnReference(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) throw new RangeError(`not a column name: ${letters}`);
    n = n * 26 + (c - 64);
  }
  return n;
}

function addressReference(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new RangeError(`not a cell address: ${a1}`);
  return { row: Number(m[2]), col: columnReference(m[1]!) };
}

const outcome = <T>(f: () => T): { ok: T } | { error: string } => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
};

const piece = fc.constantFrom("$", "A", "z", "Q", "0", "1", "9", " ", "\t", "-", ":", "ß", "é", "٣", "AB", "XFD", "00");
const addressLike = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));

describe("cell addresses by character codes", () => {
  test("parseAddress agrees with the pattern on addresses, near-addresses and any text", () => {
    fc.assert(
      fc.property(fc.oneof(addressLike, fc.string({ maxLength: 10 })), (s) => {
        expect(outcome(() => parseAddress(s))).toEqual(outcome(() => addressReference(s)));
      }),
      { numRuns: 5000 },
    );
  });

  test("columnNumber agrees with upper-casing every letter, ß and other non-ASCII letters included", () => {
    fc.assert(
      fc.property(fc.oneof(addressLike, fc.string({ maxLength: 5 })), (s) => {
        expect(outcome(() => columnNumber(s))).toEqual(outcome(() => columnReference(s)));
      }),
      { numRuns: 5000 },
    );
    expect(columnNumber("ß")).toBe(columnReference("ß"));
    expect(parseAddress(" $xfd$1048576 ")).toEqual({ row: 1_048_576, col: 16_384 });
  });
});
