/**
 * The streaming path's values op on rows that already hold values (the score columns beside the
 * user's activities): each written cell takes the op's value (null empties it, an error stays an error
 * value), a hole in a sparse row of the op writes nothing, and the op's formats land on the cells it
 * writes, never on the others.
 */
import type { CellValue } from "../../src/core/grid";
import fc from "fast-check";
import { parseRange } from "../../src/hosts/xlsx/ranges";
import { applyToStore, boxOf } from "../../src/hosts/xlsx/streaming/apply";
import { cellValue, newSheet, rowOf, type BookStore } from "../../src/hosts/xlsx/streaming/store";

function bookWithRow(): BookStore {
  const sheet = newSheet("Activities");
  const row = rowOf(sheet, 2);
  row.values = [undefined, "ACT-1", "old B", "kept", "old D", "cleared", 5];
  // A styled ID cell: the row has styles of its own, so the op's formats go cell by cell.
  row.styles = [undefined, { font: { bold: true } }];
  return { sheets: [sheet], names: [], date1904: false };
}

describe("streaming apply: values into a row that holds values", () => {
  it("writes each cell of the op, keeps a hole's cell, and formats only the written cells", async () => {
    const book = bookWithRow();
    const sparse: CellValue[] = [];
    sparse[0] = "new";
    // index 1 is a hole: column C keeps "kept"
    sparse[2] = "written";
    sparse[3] = null;
    sparse[4] = { error: "#N/A" };
    await applyToStore(book, {
      ops: [
        { kind: "values", sheet: "Activities", at: "B2", values: [sparse], formats: ["@", "0.0", null, "0.0", "0.0"] },
      ],
    });
    const row = book.sheets[0]!.rows[2]!;
    expect([2, 3, 4, 5, 6].map((c) => cellValue(row, c))).toEqual([
      "new",
      "kept",
      "written",
      undefined,
      { error: "#N/A" },
    ]);
    expect(row.styles[2]?.numFmt).toBe("@");
    expect(row.styles[3]?.numFmt).toBeUndefined(); // the hole's cell is not the op's
    expect(row.styles[4]?.numFmt).toBeUndefined(); // no format for that column
    expect(row.styles[5]?.numFmt).toBe("0.0");
    expect(row.styles[6]?.numFmt).toBe("0.0");
  });

  it("gives every cell filled with one colour the same shared style object", async () => {
    const book = bookWithRow();
    await applyToStore(book, {
      ops: [
        { kind: "fill", sheet: "Activities", range: "B2", color: "#F4CCCC" },
        { kind: "fill", sheet: "Activities", range: "C2", color: "#F4CCCC" },
        { kind: "fill", sheet: "Activities", range: "D2", color: "#FFF2CC" },
      ],
    });
    const styles = book.sheets[0]!.rows[2]!.styles;
    expect(styles[2]).toBe(styles[3]);
    expect(styles[2]?.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFF4CCCC" } });
    expect(styles[4]?.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
  });

  it("reads a fill's single cell as the range parser does, whatever the text (boxOf against parseRange)", () => {
    const outcome = (f: () => unknown) => {
      try {
        return { ok: f() };
      } catch (e) {
        return { error: String(e) };
      }
    };
    const piece = fc.constantFrom("$", "E", "xf", "5", "10", " ", ":", "!", "S!", "'", "ß");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 6 }).map((p) => p.join("")),
          fc.string({ maxLength: 6 }),
        ),
        (s) => {
          expect(outcome(() => boxOf(s))).toEqual(outcome(() => parseRange(s)));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
