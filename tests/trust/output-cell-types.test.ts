/**
 * The donor workbook's cell types, read by a second reader (ExcelJS directly, not the file host):
 * `init --sample` then `annotate`, and every ID and code is text ("3.2", never the number 3.2), every
 * date a date, every amount of money a number, and no cell anywhere holds a formula. The add-in
 * generates no cell formulas at all (docs/trust.md): the allowed list below is empty. Its only live
 * cells are the Issues sheet's links to cells of the same workbook.
 */
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../cli/run-cli";

/** Formulas the add-in itself writes into cells. None today; a new one must be added here, on purpose. */
const ALLOWED_GENERATED_FORMULAS: readonly RegExp[] = [];

type Kind = "text" | "date" | "number";

/** Column headers and the type every non-empty cell under them must have, on any sheet of the output. */
const COLUMN_TYPES: Record<string, Kind> = {
  ID: "text",
  "Activity ID": "text",
  Code: "text",
  Outcome: "text",
  "Sub-outcome": "text",
  Approach: "text",
  "Start date": "date",
  "End date": "date",
  "Budget (USD)": "number",
  "Funded (USD)": "number",
  "Gap (USD)": "number",
  "Budget share (USD)": "number",
  "Funded share (USD)": "number",
  "Gap share (USD)": "number",
  Score: "number",
  Rank: "number",
  // These two only make header rows recognisable on Framework (Code, Level) and Issues (Row, Activity ID).
  Level: "text",
  Row: "number",
};

/** Tables whose header rows the check reads: [sheet, first header, the columns it must find]. */
const EXPECTED_HEADERS: [string, string[]][] = [
  [
    "Activities",
    [
      "ID",
      "Outcome",
      "Sub-outcome",
      "Approach",
      "Start date",
      "End date",
      "Budget (USD)",
      "Funded (USD)",
      "Score",
      "Rank",
    ],
  ],
  ["Summaries", ["Outcome", "Sub-outcome", "Approach", "Budget (USD)", "Funded (USD)", "Gap (USD)"]],
  ["Framework", ["Code"]],
  ["Issues", ["Activity ID"]],
];

let wb: ExcelJS.Workbook;
let dir = "";

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "iccwc-trust-types-"));
  const plan = path.join(dir, "sample-plan.xlsx");
  const out = path.join(dir, "sample-plan.annotated.xlsx");
  const init = await cli("init", plan, "--sample");
  expect(init.code).toBe(0);
  const annotate = await cli("annotate", plan, "-o", out, "--as-of", "2025-06-30");
  expect(annotate.err).toBe("");
  expect(annotate.code).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
}, 120_000);

afterAll(async () => {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

function kindOf(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return "empty";
  if (typeof v === "string") return "text";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "boolean";
  if (v instanceof Date) return "date";
  if (typeof v === "object" && v !== null && "formula" in v) return "formula";
  if (typeof v === "object" && v !== null && "sharedFormula" in v) return "formula";
  if (typeof v === "object" && v !== null && "richText" in v) return "text";
  if (typeof v === "object" && v !== null && "hyperlink" in v) return "link";
  if (typeof v === "object" && v !== null && "error" in v) return "error";
  return "other";
}

/** Each row that is a header row (holds at least two known column names), with the columns it names. */
function headerRows(ws: ExcelJS.Worksheet): { row: number; columns: Map<number, string> }[] {
  const out: { row: number; columns: Map<number, string> }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const columns = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (typeof cell.value === "string" && cell.value in COLUMN_TYPES) columns.set(c, cell.value);
    });
    if (columns.size >= 2) out.push({ row: r, columns });
  });
  return out;
}

describe("the annotated sample, read by ExcelJS directly", () => {
  it("finds the tables it checks (so an empty result cannot pass)", () => {
    for (const [sheet, headers] of EXPECTED_HEADERS) {
      const ws = wb.getWorksheet(sheet);
      expect(ws).toBeDefined();
      const found = new Set(headerRows(ws!).flatMap((h) => [...h.columns.values()]));
      for (const h of headers)
        expect({ sheet, header: h, found: found.has(h) }).toEqual({ sheet, header: h, found: true });
    }
  });

  it("IDs and codes are text, dates are dates, money and scores are numbers, in every table of every sheet", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const ws of wb.worksheets) {
      const headers = headerRows(ws);
      headers.forEach((h, i) => {
        // A table runs from below its header to the next header row or its first empty row.
        const end = headers[i + 1]?.row ?? ws.rowCount + 1;
        for (let r = h.row + 1; r < end; r++) {
          const row = ws.getRow(r);
          if (!row.hasValues) break;
          for (const [c, name] of h.columns) {
            const cell = row.getCell(c);
            const kind = kindOf(cell);
            if (kind === "empty") continue;
            checked++;
            if (kind !== COLUMN_TYPES[name])
              wrong.push(`${ws.name}!${cell.address} (${name}): ${kind} ${JSON.stringify(cell.value)}`);
          }
        }
      });
    }
    expect(wrong).toEqual([]);
    // The sample has 66 activities: well over a thousand typed cells are checked across the sheets.
    expect(checked).toBeGreaterThan(1000);
  });

  it("codes that look like numbers are stored as text in the file ('3.2', never 3.2)", () => {
    const ws = wb.getWorksheet("Framework")!;
    const codes: unknown[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (v === "3.2" || v === 3.2 || v === "1" || v === 1) codes.push(v);
    });
    expect(codes).toEqual(expect.arrayContaining(["1", "3.2"]));
    expect(codes).not.toContain(3.2);
    expect(codes).not.toContain(1);
  });

  it("the Cover's dates are dates", () => {
    const cover = wb.getWorksheet("Cover")!;
    const dated: string[] = [];
    cover.eachRow((row) => {
      const label = row.getCell(1).value;
      if (label === "Checked as of" || label === "Generated on")
        dated.push(`${String(label)}: ${kindOf(row.getCell(2))}`);
    });
    expect(dated).toEqual(["Checked as of: date", "Generated on: date"]);
  });

  it("no cell holds a formula the add-in did not generate; links point inside the workbook only", () => {
    const formulas: string[] = [];
    const outsideLinks: string[] = [];
    let links = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const kind = kindOf(cell);
          if (kind === "formula") {
            const f = String(
              (cell.value as { formula?: string; sharedFormula?: string }).formula ??
                (cell.value as { sharedFormula?: string }).sharedFormula,
            );
            if (!ALLOWED_GENERATED_FORMULAS.some((re) => re.test(f)))
              formulas.push(`${ws.name}!${cell.address}: =${f}`);
          }
          if (kind === "link") {
            links++;
            const target = (cell.value as { hyperlink: string }).hyperlink;
            if (ws.name !== "Issues" || /^[a-z][a-z0-9+.-]*:/i.test(target))
              outsideLinks.push(`${ws.name}!${cell.address} -> ${target}`);
          }
        }),
      );
    }
    expect(formulas).toEqual([]);
    expect(outsideLinks).toEqual([]);
    expect(links).toBeGreaterThan(0);
  });
});
