/**
 * The streaming path (src/hosts/xlsx/streaming, docs/file-host.md "Two paths") against the
 * whole-workbook path on the same input: same cells (by the independent reader), same notes,
 * validations, tables, names, panes and widths (by ExcelJS on the whole path), user content kept,
 * annotate twice = once, and a file it cannot carry goes whole, never loses anything.
 */
import ExcelJS from "exceljs";
import { annotateWorkbook } from "../../src/app/annotate";
import { setUpPlan } from "../../src/app/setup";
import { ANNOTATION_MARK } from "../../src/core/changeset";
import { samplePlanSchema, sampleSettings } from "../../src/core/layout/sample";
import { createWorkbook, openWorkbookBuffer, type XlsxWorkbook } from "../../src/hosts/xlsx";
import { ws } from "../../src/hosts/xlsx/exceljs-internals";
import samplePlanJson from "../../samples/sample-plan.json";
import { readRaw, type RawCell } from "./support/independent-reader";
import { minimalXlsx, sharedStringsXml } from "../hostile/support/raw-zip";

const sample = samplePlanSchema.parse(samplePlanJson);
const STREAM = { streamAboveCells: 0 };
const WHOLE = { streamAboveCells: Infinity };
const options = {
  asOf: "2025-06-30",
  generatedOn: "2025-07-01",
  hostSkips: ["pivot", "chart"] as ("pivot" | "chart")[],
};

/** The sample plan as a user would send it: with their own note, validation, sheet and awkward text. */
async function userPlan(): Promise<Buffer> {
  const book = createWorkbook();
  await setUpPlan(book.port, { sample: sample.activities, sampleSettings: sampleSettings(sample) });
  const act = book.workbook.getWorksheet("Activities")!;
  act.getCell("B3").note = "Checked with the country office";
  const mine = book.workbook.addWorksheet("My notes");
  mine.getCell("A1").value = "=not a formula";
  mine.getCell("A2").value = "tab\there, bell\u0007 and _x0041_";
  mine.getCell("B2").value = 42.5;
  mine.getCell("C3").value = new Date(Date.UTC(2024, 0, 31));
  mine.getCell("D4").value = { error: "#N/A" } as ExcelJS.CellValue;
  mine.getCell("B2").numFmt = "#,##0.0";
  mine.getColumn(1).width = 33;
  mine.views = [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" }];
  ws(mine).dataValidations.add("E2:E40", {
    type: "list",
    allowBlank: true,
    formulae: ['"yes,no"'],
    showErrorMessage: true,
  });
  mine.mergeCells("F1:G2");
  // Print settings a user sets for their own sheet: margins, a header and a footer with Excel's codes.
  mine.pageSetup.margins = { left: 0.5, right: 0.4, top: 1, bottom: 0.9, header: 0.3, footer: 0.35 };
  mine.headerFooter = {
    differentFirst: true,
    oddHeader: '&L&"Calibri,Bold"ICCWC & partners&RPage &P of &N',
    oddFooter: "&CPrinted &D",
    firstHeader: "&CCover",
  } as ExcelJS.HeaderFooter;
  return book.toBuffer();
}

async function annotated(input: Buffer, limits: typeof STREAM): Promise<{ book: XlsxWorkbook; bytes: Buffer }> {
  const book = await openWorkbookBuffer(input, "plan.xlsx", limits);
  await annotateWorkbook(book.port, options);
  return { book, bytes: await book.toBuffer() };
}

function cellsOf(raw: Map<string, RawCell> | undefined): Record<string, RawCell> {
  return Object.fromEntries(
    [...(raw ?? new Map<string, RawCell>())].filter(([, c]) => c.text !== null || c.formula !== null),
  );
}

/** What ExcelJS sees besides the cells, sheet by sheet. */
function structure(book: XlsxWorkbook): unknown {
  return book.workbook.worksheets.map((s) => {
    const notes: Record<string, unknown> = {};
    s.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.note !== undefined)
          notes[cell.address] =
            typeof cell.note === "string"
              ? cell.note
              : (cell.note as { texts?: { text: string }[] }).texts?.map((t) => t.text).join("");
      }),
    );
    const widths: Record<number, number | undefined> = {};
    for (let c = 1; c <= s.columnCount; c++) if (s.getColumn(c).width !== undefined) widths[c] = s.getColumn(c).width;
    const tables = Object.values(ws(s).tables).map((t) => {
      const m = (t as { model?: { name: string; tableRef: string; columns: { name: string }[] } }).model!;
      return [m.name, m.tableRef, m.columns.map((c) => c.name)];
    });
    const dv = ws(s).dataValidations.model;
    return {
      name: s.name,
      state: s.state,
      notes,
      widths,
      tables,
      validations: Object.keys(dv).length,
      listSources: [
        ...new Set(Object.values(dv).map((v) => JSON.stringify((v as { formulae?: unknown }).formulae))),
      ].sort(),
      frozen: (s.views ?? [])[0] ? [s.views[0]!.state, (s.views[0] as { ySplit?: number }).ySplit] : null,
      merges: Object.keys((s as unknown as { _merges: Record<string, unknown> })._merges).sort(),
      margins: s.pageSetup.margins,
      headerFooter: s.headerFooter,
      protect: Boolean((s as unknown as { sheetProtection?: unknown }).sheetProtection),
    };
  });
}

describe("the streaming path", () => {
  let input: Buffer;
  beforeAll(async () => {
    input = await userPlan();
  });

  it("is chosen above the cell threshold and gives the same cells as the whole-workbook path", async () => {
    const whole = await annotated(input, WHOLE);
    const streamed = await annotated(input, STREAM);
    expect(whole.book.mode).toBe("whole");
    expect(streamed.book.mode).toBe("streaming");
    const a = await readRaw(whole.bytes);
    const b = await readRaw(streamed.bytes);
    expect(b.sheetNames).toEqual(a.sheetNames);
    for (const name of a.sheetNames)
      expect({ name, cells: cellsOf(b.sheets.get(name)) }).toEqual({ name, cells: cellsOf(a.sheets.get(name)) });
  }, 60_000);

  it("keeps notes (the user's and the add-in's), validations, tables, names, panes, widths and merges as the whole path does", async () => {
    const whole = await annotated(input, WHOLE);
    const streamed = await annotated(input, STREAM);
    const reopen = async (bytes: Buffer) => openWorkbookBuffer(bytes, "out.xlsx", WHOLE);
    const w = await reopen(whole.bytes);
    const s = await reopen(streamed.bytes);
    expect(structure(s)).toEqual(structure(w));
    expect(s.workbook.definedNames.model.map((n) => [n.name, n.ranges]).sort()).toEqual(
      w.workbook.definedNames.model.map((n) => [n.name, n.ranges]).sort(),
    );
    const act = s.workbook.getWorksheet("Activities")!;
    expect(act.getCell("B3").note).toBe("Checked with the country office");
    // The user's print settings came through, not only equally lost on both paths.
    const mine = s.workbook.getWorksheet("My notes")!;
    expect(mine.headerFooter.oddFooter).toBe("&CPrinted &D");
    expect(mine.headerFooter.oddHeader).toBe('&L&"Calibri,Bold"ICCWC & partners&RPage &P of &N');
    expect(mine.headerFooter.differentFirst).toBe(true);
    expect(mine.pageSetup.margins).toEqual({ left: 0.5, right: 0.4, top: 1, bottom: 0.9, header: 0.3, footer: 0.35 });
    const annotatedNotes = (structure(s) as { notes: Record<string, string> }[])
      .flatMap((x) => Object.values(x.notes))
      .filter((t) => t.startsWith(ANNOTATION_MARK));
    expect(annotatedNotes.length).toBeGreaterThan(0);
  }, 60_000);

  it("keeps every value the user entered, with its type, in the user's own sheet", async () => {
    const streamed = await annotated(input, STREAM);
    const again = await openWorkbookBuffer(streamed.bytes, "out.xlsx", WHOLE);
    const mine = again.workbook.getWorksheet("My notes")!;
    expect(mine.getCell("A1").value).toBe("=not a formula");
    expect(mine.getCell("A2").value).toBe("tab\there, bell\u0007 and _x0041_");
    expect(mine.getCell("B2").value).toBe(42.5);
    expect(mine.getCell("B2").numFmt).toBe("#,##0.0");
    expect((mine.getCell("C3").value as Date).toISOString()).toBe("2024-01-31T00:00:00.000Z");
    expect(mine.getCell("D4").value).toEqual({ error: "#N/A" });
  }, 60_000);

  it("annotating twice on the streaming path gives the same workbook as once", async () => {
    const once = await annotated(input, STREAM);
    const twice = await annotated(once.bytes, STREAM);
    expect(twice.book.mode).toBe("streaming");
    const a = await readRaw(once.bytes);
    const b = await readRaw(twice.bytes);
    expect(b.sheetNames).toEqual(a.sheetNames);
    for (const name of a.sheetNames)
      expect({ name, cells: cellsOf(b.sheets.get(name)) }).toEqual({ name, cells: cellsOf(a.sheets.get(name)) });
    const w1 = await openWorkbookBuffer(once.bytes, "1.xlsx", WHOLE);
    const w2 = await openWorkbookBuffer(twice.bytes, "2.xlsx", WHOLE);
    expect(structure(w2)).toEqual(structure(w1));
  }, 90_000);

  it("a large file holding what the streaming path cannot carry (here formulas) is opened whole, and says why", async () => {
    const book = createWorkbook();
    const s = book.workbook.addWorksheet("Activities");
    s.getCell("A1").value = "ID";
    s.getCell("B2").value = { formula: "1+1", result: 2 } as ExcelJS.CellValue;
    const opened = await openWorkbookBuffer(await book.toBuffer(), "formulas.xlsx", STREAM);
    expect(opened.mode).toBe("whole");
    expect(opened.streamingRefused.join(" ")).toMatch(/formulas/);
    expect(opened.workbook.getWorksheet("Activities")!.getCell("B2").formula).toBe("1+1");
  });

  it("hostile files are refused before either path sees them", async () => {
    const laughs = `<!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
    await expect(
      openWorkbookBuffer(minimalXlsx({ sharedStrings: sharedStringsXml(["&b;"], laughs) }), "bomb.xlsx", STREAM),
    ).rejects.toMatchObject({ kind: "xml-entities" });
    await expect(openWorkbookBuffer(minimalXlsx().subarray(0, 400), "cut.xlsx", STREAM)).rejects.toMatchObject({
      kind: "corrupt",
    });
  });

  it("rows written by one values op share their formats, and a fill on one of them reaches only that row", async () => {
    const book = await openWorkbookBuffer(input, "plan.xlsx", STREAM);
    await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "Scratch" },
        {
          kind: "values",
          sheet: "Scratch",
          at: "A2",
          values: [
            ["a", 0.5],
            ["b", 0.25],
            ["c", 0.75],
          ],
          formats: [null, "0.0%"],
        },
        { kind: "fill", sheet: "Scratch", range: "B3", color: "#F4CCCC" },
      ],
    });
    const s = (await openWorkbookBuffer(await book.toBuffer(), "out.xlsx", WHOLE)).workbook.getWorksheet("Scratch")!;
    expect(["B2", "B3", "B4"].map((a) => s.getCell(a).numFmt)).toEqual(["0.0%", "0.0%", "0.0%"]);
    expect(
      ["B2", "B3", "B4"].map(
        (a) => (s.getCell(a).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ?? null,
      ),
    ).toEqual([null, "FFF4CCCC", null]);
    expect(s.getCell("A3").value).toBe("b");
  });

  it("keeps a user's own cell colour through a fill and a clear, as the whole path does", async () => {
    const user = new ExcelJS.Workbook();
    const sheet = user.addWorksheet("Activities");
    sheet.getCell("A1").value = "ID";
    sheet.getCell("E2").value = "9.9.9";
    sheet.getCell("E2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    sheet.getCell("F2").value = "x";
    const book = await openWorkbookBuffer(Buffer.from(await user.xlsx.writeBuffer()), "plan.xlsx", STREAM);
    expect(book.mode).toBe("streaming");
    const fillOf = async (cell: string): Promise<string | null> => {
      const s = (await openWorkbookBuffer(await book.toBuffer(), "out.xlsx", WHOLE)).workbook.getWorksheet(
        "Activities",
      )!;
      const fill = s.getCell(cell).fill as ExcelJS.FillPattern | undefined;
      return fill?.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
    };
    await book.port.apply({
      ops: [
        { kind: "fill", sheet: "Activities", range: "E2", color: "#F4CCCC" },
        { kind: "fill", sheet: "Activities", range: "F2", color: "#F4CCCC" },
      ],
    });
    expect(await fillOf("E2")).toBe("FFFFFF00");
    expect(await fillOf("F2")).toBe("FFF4CCCC");
    await book.port.apply({ ops: [{ kind: "clearFill", sheet: "Activities", range: "E2:F2", colors: ["#F4CCCC"] }] });
    expect(await fillOf("E2")).toBe("FFFFFF00");
    expect(await fillOf("F2")).toBeNull();
  });
});
