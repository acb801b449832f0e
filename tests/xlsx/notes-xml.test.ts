/**
 * The streaming writer's notes (src/hosts/xlsx/streaming/notes-xml.ts) are byte for byte what ExcelJS
 * 4.4's comment and VML shape xforms make of `new Note(text)`, and a saved file's notes read back.
 */
import { openWorkbookBuffer } from "../../src/hosts/xlsx";
import { writeCommentXml, writeVmlShape, type NoteAt } from "../../src/hosts/xlsx/streaming/notes-xml";
import { installOoxmlTextEscaping } from "../../src/hosts/xlsx/text-escape";
import { XmlBytes } from "../../src/hosts/xlsx/streaming/xml-bytes";
import { xlsxBytes } from "./support/build";
import { unzipText } from "./support/independent-reader";

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS internals, pinned to 4.4 */
const XmlStream = require("exceljs/lib/utils/xml-stream") as new () => { xml: string };
const CommentXform = require("exceljs/lib/xlsx/xform/comment/comment-xform") as new () => {
  render(stream: unknown, model: unknown): void;
};
const VmlShapeXform = require("exceljs/lib/xlsx/xform/comment/vml-shape-xform") as new () => {
  render(stream: unknown, model: unknown, index: number): void;
};
const Note = require("exceljs/lib/doc/note") as new (text: string) => { model: Record<string, unknown> };
const colCache = require("exceljs/lib/utils/col-cache") as { decodeAddress(a: string): unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

installOoxmlTextEscaping(); // as the file host does: ExcelJS's text then carries control characters

/** What ExcelJS's streaming comments writer (sheet-comments-writer.js _writeComment) writes. */
function excelJs(ref: string, text: string, index: number): { comment: string; vml: string } {
  const model = { ...new Note(text).model, ref, refAddress: colCache.decodeAddress(ref) };
  const c = new XmlStream();
  new CommentXform().render(c, model);
  const v = new XmlStream();
  new VmlShapeXform().render(v, model, index);
  return { comment: c.xml, vml: v.xml };
}

function ours(note: NoteAt, index: number): { comment: string; vml: string } {
  const c = new XmlBytes(8);
  writeCommentXml(c, note);
  const v = new XmlBytes(8);
  writeVmlShape(v, note, index);
  return { comment: c.take().toString("utf8"), vml: v.take().toString("utf8") };
}

describe("notes written as bytes", () => {
  const cells: [string, number, number][] = [
    ["A1", 1, 1],
    ["J2", 2, 10],
    ["B3", 3, 2],
    ["AA100", 100, 27],
    ["XFD1048576", 1_048_576, 16_384],
  ];
  const texts = [
    'ICCWC check: Warning (past-end-date): the status is "Not started".',
    "",
    " leading and trailing ",
    "two\nlines",
    "a & b < c > d 'q'",
    "bell\u0007, cr\r and _x0041_ typed",
    "é à ç 中文 🐘",
    "=SUM(A1:A3)",
  ];

  it("are ExcelJS's comment and VML shape, byte for byte, for every cell and text", () => {
    let index = 0;
    for (const [ref, row, col] of cells)
      for (const text of texts) {
        expect({ ref, text, ...ours({ ref, row, col, text }, index) }).toEqual({
          ref,
          text,
          ...excelJs(ref, text, index),
        });
        index += 997; // ids well past the first few
      }
  });

  it("a streamed save writes them, in row then column order, and they read back", async () => {
    const input = await xlsxBytes({
      Activities: [
        ["ID", "Title"],
        ["A-1", "x"],
        ["A-2", "y"],
      ],
    });
    const book = await openWorkbookBuffer(input, "plan.xlsx", { streamAboveCells: 0 });
    expect(book.mode).toBe("streaming");
    await book.port.apply({
      ops: [
        { kind: "note", sheet: "Activities", cell: "B3", text: "second <row>" },
        { kind: "note", sheet: "Activities", cell: "A2", text: "first" },
        { kind: "note", sheet: "Activities", cell: "B2", text: " after it " },
      ],
    });
    const bytes = await book.toBuffer();
    const parts = await unzipText(bytes);
    const refs = [...parts.get("xl/comments1.xml")!.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs).toEqual(["A2", "B2", "B3"]);
    expect(parts.get("xl/drawings/vmlDrawing1.vml")).toContain("<x:Row>2</x:Row><x:Column>1</x:Column>");
    const back = await openWorkbookBuffer(bytes, "out.xlsx", { streamAboveCells: Infinity });
    const sheet = back.workbook.getWorksheet("Activities")!;
    const noteText = (ref: string): string | undefined => {
      const note = sheet.getCell(ref).note as string | { texts: { text: string }[] } | undefined;
      return typeof note === "string" ? note : note?.texts.map((t) => t.text).join("");
    };
    // The note op marks the add-in's notes as its own ("ICCWC check: "), then the text as given.
    expect([noteText("A2"), noteText("B2"), noteText("B3")]).toEqual(
      ["first", " after it ", "second <row>"].map((t) => `ICCWC check: ${t}`),
    );
  });
});
