/**
 * The streaming writer's row XML (src/hosts/xlsx/streaming/row-xml.ts) and its byte buffer
 * (xml-bytes.ts): each cell's reference, style and value as SpreadsheetML, with the row's digits and a
 * column's style bytes made once and reused, and numbers written digit by digit exactly as String(v).
 */
import { RowXmlWriter, type RowXmlContext } from "../../src/hosts/xlsx/streaming/row-xml";
import type { RowStore, StyleModel } from "../../src/hosts/xlsx/streaming/store";
import { XmlBytes } from "../../src/hosts/xlsx/streaming/xml-bytes";

/** Style ids by object, as write.ts gives them (1, 2...; a date's own id 100 + n); 0 for no style. */
function context(): RowXmlContext & { lookups: number } {
  const ids = new Map<StyleModel, number>();
  const ctx = {
    lookups: 0,
    date1904: false,
    styleId(style: StyleModel | undefined, isDate: boolean): number {
      ctx.lookups++;
      if (!style) return isDate ? 100 : 0;
      let id = ids.get(style);
      if (id === undefined) ids.set(style, (id = ids.size + 1));
      return isDate ? 100 + id : id;
    },
    sharedString: (text: string): number => text.length, // any index will do: the test knows the texts
  };
  return ctx;
}

function rowXml(writer: RowXmlWriter, row: RowStore, r: number): string {
  const out = new XmlBytes(4);
  writer.write(out, row, r);
  return out.take().toString("latin1");
}

const BOLD: StyleModel = { font: { bold: true } };
const MONEY: StyleModel = { numFmt: "#,##0.00" };

describe("row XML", () => {
  it("writes each kind of cell with its reference and style, and rows without x14ac:dyDescent", () => {
    const w = new RowXmlWriter(context());
    const row: RowStore = {
      values: [undefined, "abc", 1.25, true, { error: "#N/A" }, { formula: "A1&B1" }, new Date(Date.UTC(2024, 0, 31))],
      styles: [undefined, BOLD, MONEY, BOLD, undefined, MONEY, undefined, BOLD],
    };
    expect(rowXml(w, row, 7)).toBe(
      '<row r="7">' +
        '<c r="A7" s="1" t="s"><v>3</v></c>' +
        '<c r="B7" s="2"><v>1.25</v></c>' +
        '<c r="C7" s="1" t="b"><v>1</v></c>' +
        '<c r="D7" t="e"><v>#N/A</v></c>' +
        '<c r="E7" s="2"><f>A1&amp;B1</f></c>' +
        '<c r="F7" s="100"><v>45322</v></c>' +
        '<c r="G7" s="1"/>' +
        "</row>",
    );
  });

  it("puts each row's own number in its cells' references, across digit boundaries", () => {
    const w = new RowXmlWriter(context());
    for (const r of [1, 9, 10, 99, 100, 65_536, 1_048_576]) {
      const xml = rowXml(w, { values: [undefined, "x", 2], styles: [] }, r);
      expect(xml).toBe(`<row r="${r}"><c r="A${r}" t="s"><v>1</v></c><c r="B${r}"><v>2</v></c></row>`);
    }
  });

  it("follows a column's change of style from row to row, and looks a style up only when it changes", () => {
    const ctx = context();
    const w = new RowXmlWriter(ctx);
    const shared = [undefined, BOLD, MONEY];
    const xml = [
      rowXml(w, { values: [undefined, "a", 1], styles: shared }, 1),
      rowXml(w, { values: [undefined, "a", 1], styles: shared }, 2),
      rowXml(w, { values: [undefined, "a", 1], styles: [undefined, MONEY, BOLD] }, 3),
      rowXml(w, { values: [undefined, "a", 1], styles: [undefined, undefined, BOLD] }, 4),
      rowXml(w, { values: [undefined, "a", 1], styles: [undefined, BOLD, MONEY] }, 5),
    ];
    expect(xml).toEqual([
      '<row r="1"><c r="A1" s="1" t="s"><v>1</v></c><c r="B1" s="2"><v>1</v></c></row>',
      '<row r="2"><c r="A2" s="1" t="s"><v>1</v></c><c r="B2" s="2"><v>1</v></c></row>',
      '<row r="3"><c r="A3" s="2" t="s"><v>1</v></c><c r="B3" s="1"><v>1</v></c></row>',
      '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4" s="1"><v>1</v></c></row>',
      '<row r="5"><c r="A5" s="1" t="s"><v>1</v></c><c r="B5" s="2"><v>1</v></c></row>',
    ]);
    // Rows 1 and 2: 2 lookups; row 3: 2; row 4: 1 (B keeps BOLD); row 5: 2.
    expect(ctx.lookups).toBe(7);
  });

  it("writes a row that has only a height, and nothing for a row with nothing to write", () => {
    const w = new RowXmlWriter(context());
    expect(rowXml(w, { values: [undefined, null], styles: [], height: 30 }, 3)).toBe(
      '<row r="3" ht="30" customHeight="1"></row>',
    );
    expect(rowXml(w, { values: [undefined, null, undefined], styles: [undefined, undefined] }, 4)).toBe("");
  });
});

describe("numbers as bytes", () => {
  const out = new XmlBytes(64);
  const written = (v: number): string => {
    out.rewind(0);
    out.number(v);
    return out.take().toString("latin1");
  };

  it("are String(v) for integers, decimals, and the numbers that need String's own rules", () => {
    const special = [
      0,
      -0,
      1,
      -1,
      7,
      10,
      2 ** 53 - 1,
      2 ** 53,
      -(2 ** 53),
      2 ** 60,
      1e21,
      1.5e300,
      0.1,
      0.2,
      0.1 + 0.2,
      0.3,
      1 / 3,
      2 / 3,
      1e-6,
      1.5e-6,
      1e-7,
      0.000001,
      0.0000015,
      123456.789,
      43549.53,
      0.095,
      0.21,
      39.4,
      -12.5,
      1.005,
      2.675,
      1234567.891,
      9007199254740991 / 1e6,
      2 ** 51 / 10,
      2 ** 51 / 1e6,
      2 ** 51 / 1e6 + 0.5,
      1e11 - 1e-6,
      5e-324,
      Number.MAX_VALUE,
      Number.EPSILON,
      4.35,
      0.57,
      1.1,
      100.01,
    ];
    for (const v of special) expect({ v, text: written(v) }).toEqual({ v, text: String(v) });
  });

  it("are String(v) for 300,000 numbers of every size and number of decimals", () => {
    let seed = 12345;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const wrong: [number, string][] = [];
    for (let i = 0; i < 100_000; i++) {
      const decimals = i % 9; // 0..8: up to six take the digit path, seven and eight do not
      const scale = 10 ** Math.floor(random() * 16 - 4);
      const rounded = Math.round(random() * scale * 10 ** decimals) / 10 ** decimals;
      const raw = (random() - 0.5) * scale; // full precision
      for (const v of [rounded, -rounded, raw]) if (written(v) !== String(v)) wrong.push([v, written(v)]);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
