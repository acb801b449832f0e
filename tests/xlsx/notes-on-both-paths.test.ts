/**
 * A user's note on an empty cell, with its author, on both file paths: the whole-workbook path
 * (package-notes.ts restores what ExcelJS drops) and the streaming path (streaming/read.ts reads the
 * comments parts itself). Opened, saved, and opened again, then saved a second time: same notes.
 */
import { openWorkbookBuffer, type XlsxWorkbook } from "../../src/hosts/xlsx";
import { parseCommentsPart } from "../../src/hosts/xlsx/package-notes";
import { unzipText } from "./support/independent-reader";
import { commentsXml, notedPackage, run } from "./support/noted-package";

const PACKAGE = notedPackage(
  [
    {
      name: "Activities",
      sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
      comments: commentsXml(
        ["Amina Diallo"],
        [
          { ref: "S2", text: run("Checked with the donor") },
          { ref: "B1", text: run("on a value") },
          { ref: "C9", text: "<t>plain, on an empty row</t>" },
        ],
      ),
    },
  ],
  ["ID", "Title"],
);

async function notesInFile(bytes: Buffer): Promise<string[]> {
  const parts = await unzipText(bytes);
  return [...parts]
    .filter(([name]) => /^xl\/comments[^/]*\.xml$/i.test(name))
    .flatMap(([, xml]) => parseCommentsPart(xml))
    .map((n) => `${n.ref} ${JSON.stringify(n.text)}`)
    .sort();
}

const EXPECTED = ['B1 "on a value"', 'C9 "plain, on an empty row"', 'S2 "Checked with the donor"'];

describe.each([
  ["whole", Infinity],
  ["streaming", 0],
] as const)("notes on the %s path", (mode, streamAboveCells) => {
  async function open(bytes: Buffer, name: string): Promise<XlsxWorkbook> {
    const book = await openWorkbookBuffer(bytes, name, { streamAboveCells });
    expect(book.mode).toBe(mode);
    return book;
  }

  it("every note, empty cells included, is in the saved file, and a second save writes the same", async () => {
    const once = await (await open(PACKAGE, "plan.xlsx")).toBuffer();
    expect(await notesInFile(once)).toEqual(EXPECTED);
    const twice = await (await open(once, "once.xlsx")).toBuffer();
    expect(await notesInFile(twice)).toEqual(EXPECTED);
  });

  it("the add-in does not write over a user's note on an empty cell", async () => {
    const book = await open(PACKAGE, "plan.xlsx");
    const report = await book.port.apply({
      ops: [{ kind: "note", sheet: "Activities", cell: "S2", text: "Unknown approach" }],
    });
    expect(report.skipped).toHaveLength(1);
    expect(await notesInFile(await book.toBuffer())).toEqual(EXPECTED);
  });
});
