/**
 * Proof by a real spreadsheet program: a workbook written through the port is opened by LibreOffice
 * headless, exported sheet by sheet to CSV (values must match) and re-saved as .xlsx (tables, names,
 * validations and notes must still be there when we read LibreOffice's file back).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp } from "../../src/core/changeset";
import { openWorkbookBuffer, openWorkbookFile } from "../../src/hosts/xlsx";
import { definedNames, ws } from "../../src/hosts/xlsx/exceljs-internals";
import { CSV_ALL_SHEETS, convertWithSoffice, sheetCsv } from "./support/soffice";
import { tempDir, xlsxBytes } from "./support/build";

jest.setTimeout(180_000);

const activities = [
  ["ID", "Approach", "Lead", "Budget", "Title"],
  ["A-1", "1.1.1", "INTERPOL", 125000, "=not a formula"],
  ["A-2", "3.2.4", "UNODC; WCO", 40000.5, "+44 hotline"],
  ["A-3", "4.2", "World Bank", 0, '@mention, "quoted"'],
  ["__proto__", "constructor", "prototype", -12, "Ligne en français: é à ç"],
];

const ops: ChangeOp[] = [
  { kind: "ensureSheet", sheet: "Cover", position: 0, tabColor: "#1F4E79" },
  {
    kind: "values",
    sheet: "Cover",
    at: "A1",
    values: [["ICCWC Strategic Action Plan 2023-2026"], ["As of", 45838]],
    formats: [null, "yyyy-mm-dd"],
  },
  { kind: "ensureSheet", sheet: "Lists", hidden: false },
  { kind: "resetSheet", sheet: "Lists" },
  {
    kind: "values",
    sheet: "Lists",
    at: "A1",
    values: [["Agencies"], ["CITES Secretariat"], ["INTERPOL"], ["UNODC"], ["World Bank"], ["WCO"]],
  },
  { kind: "name", name: "lstAgencies", sheet: "Lists", range: "A2:A6" },
  {
    kind: "listValidation",
    sheet: "Activities",
    range: "C2:C200",
    source: "=lstAgencies",
    allowBlank: true,
    errorStyle: "warning",
    prompt: "Lead agency",
  },
  { kind: "table", sheet: "Activities", name: "tblActivities", range: "A1:E5" },
  { kind: "freeze", sheet: "Activities", rows: 1, cols: 1 },
  {
    kind: "note",
    sheet: "Activities",
    cell: "B4",
    text: `${ANNOTATION_MARK}4.2 is a sub-outcome; pick an approach such as 4.2.1`,
  },
  { kind: "fill", sheet: "Activities", range: "B4", color: SEVERITY_FILLS.warning },
  { kind: "ensureSheet", sheet: "Issues" },
  {
    kind: "values",
    sheet: "Issues",
    at: "A1",
    values: [
      ["Severity", "Cell", "Message"],
      ["warning", "B4", "4.2 is a sub-outcome"],
    ],
  },
  { kind: "link", sheet: "Issues", cell: "B2", text: "B4", toSheet: "Activities", toCell: "B4" },
  { kind: "table", sheet: "Issues", name: "tblIssues", range: "A1:C2" },
  {
    kind: "conditionalFormat",
    sheet: "Activities",
    range: "D2:D5",
    formula: "D2<0",
    style: { fill: SEVERITY_FILLS.error },
  },
  { kind: "protect", sheet: "Issues" },
];

describe("LibreOffice reads what the file host writes", () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await tempDir();
    file = path.join(dir, "plan.xlsx");
    const book = await openWorkbookBuffer(await xlsxBytes({ Activities: activities }), "plan-in.xlsx");
    const report = await book.port.apply({ ops });
    expect(report.skipped).toEqual([]);
    await book.saveTo(file);
  });

  it("converts every sheet to CSV without error, with the values we wrote", async () => {
    const { files, log } = await convertWithSoffice(file, CSV_ALL_SHEETS);
    expect(log).not.toMatch(/Error:/i);
    const csv = await sheetCsv(files, "plan", "Activities");
    expect(csv).toEqual(activities.map((r) => r.map((v) => String(v))));
    const cover = await sheetCsv(files, "plan", "Cover");
    expect(cover[1]).toEqual(["As of", "2025-06-30"]); // serial 45838
    const issues = await sheetCsv(files, "plan", "Issues");
    expect(issues[1]).toEqual(["warning", "B4", "4.2 is a sub-outcome"]);
    expect((await sheetCsv(files, "plan", "Lists")).map((r) => r[0])).toEqual([
      "Agencies",
      "CITES Secretariat",
      "INTERPOL",
      "UNODC",
      "World Bank",
      "WCO",
    ]);
  });

  it("keeps tables, defined names, list validations, notes and text cells when LibreOffice saves it again", async () => {
    const { files } = await convertWithSoffice(file, "xlsx");
    const back = await openWorkbookFile(files.find((f) => f.endsWith(".xlsx"))!);
    expect(back.workbook.worksheets.map((w) => w.name)).toEqual(["Cover", "Activities", "Lists", "Issues"]);
    expect((await back.port.readSheet("Activities")).rows).toEqual(activities);
    const activitiesSheet = back.workbook.getWorksheet("Activities")!;
    expect(Object.keys(ws(activitiesSheet).tables)).toContain("tblActivities");
    expect(definedNames(back.workbook).model.find((n) => n.name === "lstAgencies")?.ranges).toEqual([
      "Lists!$A$2:$A$6",
    ]);
    const validations = Object.values(ws(activitiesSheet).dataValidations.model) as {
      type?: string;
      formulae?: string[];
    }[];
    expect(validations.length).toBeGreaterThan(0);
    expect(validations[0]?.type).toBe("list");
    expect(validations[0]?.formulae?.[0]).toBe("lstAgencies");
    expect(JSON.stringify(activitiesSheet.getCell("B4").note)).toContain("4.2 is a sub-outcome");
    const link = back.workbook.getWorksheet("Issues")!.getCell("B2").value as { hyperlink?: string };
    expect(link.hyperlink).toMatch(/Activities!\$?B\$?4/);
  });

  it("a workbook we read (tables and all) and save again still opens in LibreOffice, tables kept", async () => {
    const again = await openWorkbookFile(file);
    await again.port.apply({ ops });
    const second = path.join(dir, "plan2.xlsx");
    await again.saveTo(second);
    const { files } = await convertWithSoffice(second, "xlsx");
    const back = await openWorkbookFile(files.find((f) => f.endsWith(".xlsx"))!);
    expect((await back.port.readSheet("Activities")).rows).toEqual(activities);
    expect(Object.keys(ws(back.workbook.getWorksheet("Issues")!).tables)).toEqual(["tblIssues"]);
    expect(Object.keys(ws(back.workbook.getWorksheet("Activities")!).tables)).toEqual(["tblActivities"]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
