import ExcelJS from "exceljs";
import { ANNOTATION_MARK, type ChangeOp } from "../../src/core/changeset";
import { createWorkbook, openWorkbookBuffer, PIVOT_SKIP_REASON, type XlsxWorkbook } from "../../src/hosts/xlsx";
import { ws, definedNames } from "../../src/hosts/xlsx/exceljs-internals";
import { xlsxBytes } from "./support/build";

async function reopen(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return openWorkbookBuffer(await book.toBuffer(), "round-trip.xlsx");
}

function sheet(book: XlsxWorkbook, name: string): ExcelJS.Worksheet {
  const s = book.workbook.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const header = ["ID", "Approach", "Lead", "Budget"];

describe("apply: every op kind of a change set", () => {
  it("writes values as data (text stays text) and formulas only from formulas ops", async () => {
    const book = createWorkbook();
    const report = await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "Summaries" },
        {
          kind: "values",
          sheet: "Summaries",
          at: "B2",
          values: [
            ["=SUM(A1:A3)", "+1", "-x", "@me"],
            [45123, true, { error: "#N/A" }, null],
          ],
          formats: [null, null, null, "yyyy-mm-dd"],
        },
        { kind: "formulas", sheet: "Summaries", at: "B4", formulas: [["=1+1", "COUNTA(B2:E2)"]] },
      ],
    });
    expect(report).toEqual({ applied: 3, skipped: [] });
    const again = await reopen(book);
    const grid = await again.port.readSheet("Summaries", { formulas: true });
    expect(grid.rows[0]).toEqual(["=SUM(A1:A3)", "+1", "-x", "@me"]);
    expect(grid.rows[1]).toEqual([45123, true, { error: "#N/A" }]);
    expect(grid.formulas?.[0]).toEqual([null, null, null, null]);
    expect(grid.formulas?.[2]?.slice(0, 2)).toEqual(["1+1", "COUNTA(B2:E2)"]);
    expect(sheet(again, "Summaries").getCell("E2").numFmt).toBe("yyyy-mm-dd");
  });

  it("places, hides and colours sheets, and never clears an existing one", async () => {
    const book = await openWorkbookBuffer(await xlsxBytes({ Activities: [header, ["A-1"]] }), "t.xlsx");
    await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "Cover", position: 0, tabColor: "#1F4E79" },
        { kind: "ensureSheet", sheet: "_ICCWC", hidden: true },
        { kind: "ensureSheet", sheet: "Activities", position: 5 },
      ],
    });
    const again = await reopen(book);
    expect(again.workbook.worksheets.map((w) => w.name)).toEqual(["Cover", "Activities", "_ICCWC"]);
    expect(sheet(again, "_ICCWC").state).toBe("hidden");
    expect(sheet(again, "Cover").properties.tabColor?.argb).toBe("FF1F4E79");
    expect((await again.port.readSheet("Activities")).rows).toEqual([header, ["A-1"]]);
  });

  it("resetSheet rebuilds a generated sheet in place, dropping its tables, names and validations", async () => {
    const book = createWorkbook();
    const build: ChangeOp[] = [
      { kind: "ensureSheet", sheet: "Activities" },
      { kind: "ensureSheet", sheet: "Issues" },
      { kind: "ensureSheet", sheet: "Lists" },
      {
        kind: "values",
        sheet: "Issues",
        at: "A1",
        values: [
          ["Code", "Cell"],
          ["x", "B2"],
          ["y", "B3"],
        ],
      },
      { kind: "table", sheet: "Issues", name: "tblIssues", range: "A1:B3" },
      { kind: "name", name: "lstIssues", sheet: "Issues", range: "A2:A3" },
      {
        kind: "listValidation",
        sheet: "Issues",
        range: "B2:B3",
        source: "=lstIssues",
        allowBlank: true,
        errorStyle: "stop",
      },
    ];
    await book.port.apply({ ops: build });
    await book.port.apply({ ops: [{ kind: "resetSheet", sheet: "Issues" }] });
    const again = await reopen(book);
    expect(again.workbook.worksheets.map((w) => w.name)).toEqual(["Activities", "Issues", "Lists"]);
    expect((await again.port.readSheet("Issues")).rows).toEqual([]);
    expect(Object.keys(ws(sheet(again, "Issues")).tables)).toEqual([]);
    expect(definedNames(again.workbook).model.map((n) => n.name)).not.toContain("lstIssues");
    expect(Object.keys(ws(sheet(again, "Issues")).dataValidations.model)).toEqual([]);
  });

  it("styles, number formats, widths and frozen panes", async () => {
    const book = createWorkbook();
    await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "Cover" },
        { kind: "values", sheet: "Cover", at: "A1", values: [["Title", 45000]] },
        {
          kind: "style",
          sheet: "Cover",
          range: "A1",
          style: {
            bold: true,
            fontColor: "#FF0000",
            fill: "#EEEEEE",
            wrap: true,
            horizontal: "center",
            borderBottom: true,
            fontSize: 14,
          },
        },
        { kind: "numberFormat", sheet: "Cover", range: "B1", format: "yyyy-mm-dd" },
        { kind: "columns", sheet: "Cover", widths: [30, null, 12] },
        { kind: "freeze", sheet: "Cover", rows: 1, cols: 2 },
      ],
    });
    const s = sheet(await reopen(book), "Cover");
    const a1 = s.getCell("A1");
    expect(a1.font?.bold).toBe(true);
    expect(a1.font?.size).toBe(14);
    expect(a1.font?.color?.argb).toBe("FFFF0000");
    expect(a1.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } });
    expect(a1.alignment).toMatchObject({ wrapText: true, horizontal: "center" });
    expect(a1.border?.bottom?.style).toBe("thin");
    expect(s.getCell("B1").numFmt).toBe("yyyy-mm-dd");
    expect(s.getColumn(1).width).toBe(30);
    expect(s.getColumn(3).width).toBe(12);
    expect(s.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
  });

  it("creates a table over data already on the sheet without changing a value, and resizes it without duplicating", async () => {
    const rows = [header, ["A-1", "1.1.1", "INTERPOL", 100], ["A-2", "2.1.1", "UNODC", 200]];
    const book = await openWorkbookBuffer(await xlsxBytes({ Activities: rows }), "t.xlsx");
    await book.port.apply({ ops: [{ kind: "table", sheet: "Activities", name: "tblActivities", range: "A1:D2" }] });
    await book.port.apply({
      ops: [{ kind: "table", sheet: "Activities", name: "tblActivities", range: "A1:D3", style: "TableStyleLight9" }],
    });
    const again = await reopen(book);
    expect((await again.port.readSheet("Activities")).rows).toEqual(rows);
    const tables = ws(sheet(again, "Activities")).tables;
    expect(Object.keys(tables)).toEqual(["tblActivities"]);
    const model =
      (tables["tblActivities"] as { model?: { tableRef?: string; ref?: string } }).model ??
      (tables["tblActivities"] as { tableRef?: string; ref?: string });
    expect(model.tableRef ?? model.ref).toMatch(/^A1:D3$/);
  });

  it("defined names and list validation on the whole range, replaced not stacked", async () => {
    const book = createWorkbook();
    const ops: ChangeOp[] = [
      { kind: "ensureSheet", sheet: "Lists" },
      { kind: "ensureSheet", sheet: "Activities" },
      { kind: "values", sheet: "Lists", at: "A1", values: [["Agencies"], ["INTERPOL"], ["UNODC"]] },
      { kind: "name", name: "lstAgencies", sheet: "Lists", range: "A2:A3" },
      {
        kind: "listValidation",
        sheet: "Activities",
        range: "C2:C500",
        source: "=lstAgencies",
        allowBlank: true,
        errorStyle: "warning",
        prompt: "Pick a lead agency",
        error: "Not a lead agency",
      },
    ];
    await book.port.apply({ ops });
    await book.port.apply({ ops });
    const again = await reopen(book);
    expect(definedNames(again.workbook).model).toEqual([{ name: "lstAgencies", ranges: ["Lists!$A$2:$A$3"] }]);
    const buffer = await again.toBuffer();
    const { readRaw } = await import("./support/independent-reader");
    const raw = await readRaw(buffer);
    const xml =
      [...raw.parts.entries()].find(
        ([k]) => k.startsWith("xl/worksheets/") && raw.parts.get(k)!.includes("dataValidation"),
      )?.[1] ?? "";
    const validations = xml.match(/<dataValidation\b[^>]*>/g) ?? [];
    expect(validations).toHaveLength(1);
    expect(validations[0]).toContain('sqref="C2:C500"');
    expect(validations[0]).toContain('errorStyle="warning"');
    expect(xml).toContain("<formula1>lstAgencies</formula1>");
  });

  it("conditional formats are replaced, not stacked, when applied twice", async () => {
    const book = createWorkbook();
    const op: ChangeOp = {
      kind: "conditionalFormat",
      sheet: "S",
      range: "A2:A10",
      formula: "=A2>5",
      style: { fill: "#F4CCCC", bold: true },
    };
    await book.port.apply({ ops: [{ kind: "ensureSheet", sheet: "S" }, op, op] });
    const list = ws(sheet(await reopen(book), "S")).conditionalFormattings;
    expect(list).toHaveLength(1);
    expect(list[0]?.rules[0]?.formulae).toEqual(["A2>5"]);
  });

  it("notes: adds and clears the add-in's own, never touches a user's note", async () => {
    const bytes = await xlsxBytes({ Activities: [header, ["A-1", "9.9", "X", 1]] }, (wb) => {
      wb.getWorksheet("Activities")!.getCell("C2").note = "Ask Maria about this lead";
    });
    const book = await openWorkbookBuffer(bytes, "t.xlsx");
    const report = await book.port.apply({
      ops: [
        { kind: "note", sheet: "Activities", cell: "B2", text: `${ANNOTATION_MARK}approach 9.9 does not exist` },
        { kind: "note", sheet: "Activities", cell: "C2", text: `${ANNOTATION_MARK}unknown agency` },
      ],
    });
    expect(report.applied).toBe(1);
    expect(report.skipped).toEqual([{ kind: "note", reason: expect.stringContaining("user's own note") }]);
    let again = await reopen(book);
    const s = sheet(again, "Activities");
    expect(String(s.getCell("B2").note)).toContain("approach 9.9 does not exist");
    await again.port.apply({
      ops: [
        { kind: "clearNote", sheet: "Activities", cell: "B2" },
        { kind: "clearNote", sheet: "Activities", cell: "C2" },
      ],
    });
    again = await reopen(again);
    expect(sheet(again, "Activities").getCell("B2").note).toBeUndefined();
    expect(JSON.stringify(sheet(again, "Activities").getCell("C2").note)).toContain("Ask Maria");
  });

  it("fills and clears only the listed colours", async () => {
    const bytes = await xlsxBytes({ S: [["a", "b", "c"]] }, (wb) => {
      wb.getWorksheet("S")!.getCell("C1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    });
    const book = await openWorkbookBuffer(bytes, "t.xlsx");
    await book.port.apply({ ops: [{ kind: "fill", sheet: "S", range: "A1:B1", color: "#F4CCCC" }] });
    await book.port.apply({ ops: [{ kind: "clearFill", sheet: "S", range: "A1:C1", colors: ["#F4CCCC"] }] });
    const s = sheet(await reopen(book), "S");
    expect(s.getCell("A1").fill).toBeUndefined();
    expect(s.getCell("B1").fill).toBeUndefined();
    expect(s.getCell("C1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FF00FF00" } });
  });

  it("links to a cell of the workbook, protects a sheet, and skips pivots and charts", async () => {
    const book = createWorkbook();
    const report = await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "Issues" },
        { kind: "ensureSheet", sheet: "My Activities" },
        { kind: "link", sheet: "Issues", cell: "A2", text: "=B2 go", toSheet: "My Activities", toCell: "B2" },
        { kind: "protect", sheet: "Issues" },
        {
          kind: "pivot",
          name: "p",
          sourceTable: "tblFacts",
          sheet: "Issues",
          at: "A1",
          rows: ["Outcome"],
          values: [{ field: "Budget", summary: "sum" }],
        },
        {
          kind: "chart",
          name: "c",
          sheet: "Issues",
          sourceSheet: "Issues",
          sourceRange: "A1:B2",
          type: "pie",
          at: "D1",
          title: "t",
        },
      ],
    });
    expect(report.skipped).toEqual([
      { kind: "pivot", reason: PIVOT_SKIP_REASON },
      { kind: "chart", reason: PIVOT_SKIP_REASON },
    ]);
    const again = await reopen(book);
    const cell = sheet(again, "Issues").getCell("A2");
    expect(cell.value).toMatchObject({ text: "=B2 go", hyperlink: "'My Activities'!B2" });
    expect((await again.port.readSheet("Issues")).rows).toEqual([[], ["=B2 go"]].slice(1));
    // ExcelJS reads selectLockedCells as false only when selecting is forbidden.
    const protection = (
      sheet(again, "Issues") as unknown as { sheetProtection: { sheet?: boolean; selectLockedCells?: boolean } }
    ).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.selectLockedCells).not.toBe(false);
  });

  it("applying the same change set twice gives the same file as once", async () => {
    const ops: ChangeOp[] = [
      { kind: "ensureSheet", sheet: "Lists" },
      { kind: "values", sheet: "Lists", at: "A1", values: [["Agencies"], ["WCO"]] },
      { kind: "table", sheet: "Lists", name: "tblLists", range: "A1:A2" },
      { kind: "name", name: "lstA", sheet: "Lists", range: "A2:A2" },
      { kind: "listValidation", sheet: "Lists", range: "B2:B9", source: "=lstA", allowBlank: true, errorStyle: "stop" },
      { kind: "note", sheet: "Lists", cell: "A2", text: `${ANNOTATION_MARK}x` },
      { kind: "fill", sheet: "Lists", range: "A2", color: "#FFE8B3" },
      { kind: "conditionalFormat", sheet: "Lists", range: "A2:A9", formula: 'A2=""', style: { fill: "#D9E8F6" } },
    ];
    const once = createWorkbook();
    await once.port.apply({ ops });
    const twice = createWorkbook();
    await twice.port.apply({ ops });
    await twice.port.apply({ ops });
    const { readRaw } = await import("./support/independent-reader");
    const a = await readRaw(await once.toBuffer());
    const b = await readRaw(await twice.toBuffer());
    for (const [part, xml] of a.parts) {
      if (part === "docProps/core.xml") continue; // creation time stamps
      expect(b.parts.get(part)).toBe(xml);
    }
    expect([...b.parts.keys()].sort()).toEqual([...a.parts.keys()].sort());
  });
});
