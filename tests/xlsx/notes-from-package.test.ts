/**
 * Users' notes survive the whole-workbook path as Excel and other producers write them: a note on an
 * empty cell (no `<c>` element), a note in one plain `<t>` (openpyxl), rich runs, authors, odd part
 * names, and a second sheet's notes. Checked through the host and in the saved comments part itself.
 */
import { ANNOTATION_MARK } from "../../src/core/changeset";
import { openWorkbookBuffer, type XlsxWorkbook } from "../../src/hosts/xlsx";
import { noteText } from "../../src/hosts/xlsx/apply-cell-ops";
import { noteAuthor } from "../../src/hosts/xlsx/note-author-store";
import { parseCommentsPart } from "../../src/hosts/xlsx/package-notes";
import { unzipText } from "./support/independent-reader";
import { commentsXml, notedPackage, run } from "./support/noted-package";

const A1_ID = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';

function notesOf(book: XlsxWorkbook, sheet: string): Map<string, { text: string | null; author?: string }> {
  const out = new Map<string, { text: string | null; author?: string }>();
  book.workbook.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const text = noteText(cell);
      if (text === null) return;
      const author = noteAuthor(cell);
      out.set(cell.address, { text, ...(author ? { author } : {}) });
    }),
  );
  return out;
}

/** Save and re-open through the host: what a second command would see. */
async function reopen(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return openWorkbookBuffer(await book.toBuffer(), "saved.xlsx");
}

async function commentsPartOf(bytes: Buffer): Promise<string> {
  const parts = await unzipText(bytes);
  return [...parts]
    .filter(([name]) => /comments/i.test(name) && name.endsWith(".xml"))
    .map(([, xml]) => xml)
    .join("\n");
}

const EXCEL_STYLE = notedPackage([
  {
    name: "Activities",
    sheetData: A1_ID,
    comments: commentsXml(
      ["Amina Diallo", "tc={0F3C}"],
      [
        // Excel: the author in bold, then the text; the cell S2 has no <c> element.
        { ref: "S2", authorId: 0, text: run("Amina Diallo:", true) + run("&#10;Checked with the donor") },
        { ref: "A1", authorId: 1, text: run("on the header") },
        { ref: "$C$5", authorId: 0, text: run("a &lt;b&gt; &amp; &quot;c&quot; _x0041_ tab&#9;end") },
      ],
    ),
  },
]);

describe("a user's note on an empty cell (Excel writes no <c> for it)", () => {
  it("is there when the host opens the workbook, with its text and author", async () => {
    const book = await openWorkbookBuffer(EXCEL_STYLE, "plan.xlsx");
    const notes = notesOf(book, "Activities");
    expect(notes.get("S2")).toEqual({ text: "Amina Diallo:\nChecked with the donor", author: "Amina Diallo" });
    expect(notes.get("A1")).toEqual({ text: "on the header", author: "tc={0F3C}" });
    expect(notes.get("C5")).toEqual({ text: 'a <b> & "c" A tab\tend', author: "Amina Diallo" });
  });

  it("is in the saved file's comments part, with its author, and again after a second open and save", async () => {
    const once = await reopen(await openWorkbookBuffer(EXCEL_STYLE, "plan.xlsx"));
    expect(notesOf(once, "Activities").get("S2")).toEqual({
      text: "Amina Diallo:\nChecked with the donor",
      author: "Amina Diallo",
    });
    const onceBytes = await once.toBuffer();
    const part = await commentsPartOf(onceBytes);
    const parsed = parseCommentsPart(part);
    expect(parsed.map((n) => [n.ref, n.text, n.author])).toEqual(
      expect.arrayContaining([
        ["S2", "Amina Diallo:\nChecked with the donor", "Amina Diallo"],
        ["A1", "on the header", "tc={0F3C}"],
        ["C5", 'a <b> & "c" A tab\tend', "Amina Diallo"],
      ]),
    );
    // Twice equals once: the next open and save writes the same comments part.
    const twice = await (await openWorkbookBuffer(onceBytes, "once.xlsx")).toBuffer();
    expect(await commentsPartOf(twice)).toBe(part);
  });

  it("is never overwritten by the add-in's own note, which is skipped with a reason", async () => {
    const book = await openWorkbookBuffer(EXCEL_STYLE, "plan.xlsx");
    const report = await book.port.apply({
      ops: [{ kind: "note", sheet: "Activities", cell: "S2", text: "Unknown approach" }],
    });
    expect(report.skipped.map((s) => s.reason).join(" ")).toMatch(/user's own note/);
    expect(notesOf(book, "Activities").get("S2")?.text).toBe("Amina Diallo:\nChecked with the donor");
    expect(notesOf(book, "Activities").get("S2")?.text?.startsWith(ANNOTATION_MARK)).toBe(false);
  });

  it("adds no value: the cell stays empty, the sheet's used range is unchanged", async () => {
    const book = await openWorkbookBuffer(EXCEL_STYLE, "plan.xlsx");
    const grid = await book.port.readSheet("Activities");
    expect(grid.rows).toEqual([["ID"]]);
    const info = (await book.port.listSheets())[0]!;
    expect([info.rowCount, info.columnCount]).toEqual([1, 1]);
  });
});

describe("notes ExcelJS reads wrongly or not at all", () => {
  it("a note written as one plain <t> (openpyxl) keeps its text", async () => {
    const bytes = notedPackage([
      {
        name: "Activities",
        sheetData: `${A1_ID}<row r="2"><c r="B2"><v>5</v></c></row>`,
        comments: commentsXml(
          ["openpyxl"],
          [
            { ref: "B2", text: "<t>Budget confirmed</t>" },
            { ref: "D4", text: "<t>on an empty cell</t>" },
          ],
        ),
      },
    ]);
    const notes = notesOf(await reopen(await openWorkbookBuffer(bytes, "py.xlsx")), "Activities");
    expect(notes.get("B2")).toEqual({ text: "Budget confirmed", author: "openpyxl" });
    expect(notes.get("D4")).toEqual({ text: "on an empty cell", author: "openpyxl" });
  });

  it("phonetic guides are not part of a note's text", async () => {
    const bytes = notedPackage([
      {
        name: "Activities",
        sheetData: A1_ID,
        comments: commentsXml(["x"], [{ ref: "E7", text: `${run("東京")}<rPh sb="0" eb="2"><t>トウキョウ</t></rPh>` }]),
      },
    ]);
    const notes = notesOf(await openWorkbookBuffer(bytes, "kana.xlsx"), "Activities");
    expect(notes.get("E7")).toEqual({ text: "東京", author: "x" });
  });

  it("each sheet gets its own notes, whatever the sheet is called", async () => {
    const bytes = notedPackage([
      { name: "__proto__", sheetData: A1_ID, comments: commentsXml(["a"], [{ ref: "B9", text: run("first") }]) },
      { name: "Activities", sheetData: A1_ID, comments: commentsXml(["b"], [{ ref: "B9", text: run("second") }]) },
    ]);
    const book = await reopen(await openWorkbookBuffer(bytes, "two.xlsx"));
    expect(notesOf(book, "__proto__").get("B9")).toEqual({ text: "first", author: "a" });
    expect(notesOf(book, "Activities").get("B9")).toEqual({ text: "second", author: "b" });
  });

  it("a note the add-in writes has no author of its own: ExcelJS's default is kept for it", async () => {
    const book = await openWorkbookBuffer(EXCEL_STYLE, "plan.xlsx");
    await book.port.apply({ ops: [{ kind: "note", sheet: "Activities", cell: "D3", text: "Unknown approach" }] });
    const part = await commentsPartOf(await book.toBuffer());
    const byRef = new Map(parseCommentsPart(part).map((n) => [n.ref, n]));
    expect(byRef.get("D3")?.text).toBe(`${ANNOTATION_MARK}Unknown approach`);
    expect(byRef.get("D3")?.author).toBe("Author");
    expect(byRef.get("S2")?.author).toBe("Amina Diallo");
  });
});

describe("notes from a hostile package", () => {
  it("a note far beyond the sheet's limits is refused as too many cells", async () => {
    const bytes = notedPackage([
      { name: "Activities", sheetData: A1_ID, comments: commentsXml(["x"], [{ ref: "A2000000", text: run("far") }]) },
    ]);
    await expect(openWorkbookBuffer(bytes, "far.xlsx")).rejects.toMatchObject({ kind: "too-many-cells" });
  });

  it("more notes than the cell limit are refused, not turned into cells", async () => {
    const many = Array.from({ length: 50 }, (_v, i) => ({ ref: `B${i + 2}`, text: run(`n${i}`) }));
    const bytes = notedPackage([{ name: "Activities", sheetData: A1_ID, comments: commentsXml(["x"], many) }]);
    await expect(openWorkbookBuffer(bytes, "many.xlsx", { maxCells: 40 })).rejects.toMatchObject({
      kind: "too-many-cells",
    });
    expect(notesOf(await openWorkbookBuffer(bytes, "many.xlsx", { maxCells: 60 }), "Activities").size).toBe(50);
  });

  it("a comment without a valid cell reference is ignored, not an error", async () => {
    const bytes = notedPackage([
      {
        name: "Activities",
        sheetData: A1_ID,
        comments: commentsXml(
          ["x"],
          [
            { ref: "__proto__", text: run("no cell") },
            { ref: "B0", text: run("row zero") },
            { ref: "B3", text: run("kept") },
          ],
        ),
      },
    ]);
    const notes = notesOf(await openWorkbookBuffer(bytes, "odd-refs.xlsx"), "Activities");
    expect([...notes.keys()]).toEqual(["B3"]);
  });
});

describe("parseCommentsPart", () => {
  it("reads runs, plain text, entities, escapes, line ends and authors", () => {
    const xml = commentsXml(
      ["A &amp; B", "C"],
      [
        { ref: "a1", authorId: 1, text: `${run("x")}${run(" y")}` },
        { ref: "B2", authorId: 7, text: "<t>line\r\nbreak &#x1F418; _x000D_</t>" },
        { ref: "C3", authorId: 0, text: "" },
      ],
    );
    expect(parseCommentsPart(xml)).toEqual([
      { ref: "A1", row: 1, col: 1, text: "x y", author: "C" },
      { ref: "B2", row: 2, col: 2, text: "line\nbreak 🐘 \r" },
      { ref: "C3", row: 3, col: 3, text: "", author: "A & B" },
    ]);
  });

  it("reads a part written with a namespace prefix", () => {
    const xml = `<x:comments xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:authors><x:author>Ana</x:author></x:authors><x:commentList><x:comment ref="D4" authorId="0"><x:text><x:r><x:t>hi</x:t></x:r></x:text></x:comment></x:commentList></x:comments>`;
    expect(parseCommentsPart(xml)).toEqual([{ ref: "D4", row: 4, col: 4, text: "hi", author: "Ana" }]);
  });
});
