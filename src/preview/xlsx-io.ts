/**
 * .xlsx in and out of the preview, in the browser. ExcelJS (its browser build, which webpack picks
 * through the package's "browser" field) is loaded on demand in its own chunk, so the page and the
 * pane render without it.
 * In: guard the bytes (file-guard.ts), read every sheet into the simulation (values, formulas, number
 * formats, notes, fills). Out: the original file (or a new one) with every change set the pane applied
 * written by the file host's own applyChangeSet, so the download holds what `iccwc-plan` would write.
 */
import type { Workbook, Worksheet, CellValue as ExcelValue } from "exceljs";
import type { ChangeSet } from "../core/changeset";
import type { CellValue } from "../core/grid";
import { cellKey } from "../hosts/excel/a1";
import { SimWorkbook } from "../hosts/excel/simulation";
import { storedFromGrid } from "../hosts/excel/simulation/excel-input";
import { guardWorkbook, PREVIEW_LIMITS, zipTextReader } from "./file-guard";

type ExcelJSModule = typeof import("exceljs");

async function excelJs(): Promise<ExcelJSModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as ExcelJSModule & {
    default?: ExcelJSModule;
  };
  return mod.default ?? mod;
}

/** An ExcelJS cell value as the simulation stores it, plus its formula text when it has one. */
export function fromExcelValue(v: ExcelValue): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date)
    return { value: v };
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      const result = fromExcelValue((f.result ?? null) as ExcelValue).value;
      return { value: result, ...(f.formula ? { formula: `=${f.formula}` } : {}) };
    }
    if ("richText" in v) return { value: v.richText.map((r) => r.text).join("") };
    if ("hyperlink" in v) {
      const t = (v as { text?: unknown }).text;
      return {
        value:
          typeof t === "string"
            ? t
            : typeof t === "object" && t && "richText" in t
              ? (t as { richText: { text: string }[] }).richText.map((r) => r.text).join("")
              : "",
      };
    }
    if ("error" in v) return { value: { error: String((v as { error: unknown }).error) } };
  }
  return { value: String(v) };
}

/**
 * ExcelJS attaches a note only to a cell the sheet XML lists, and Excel lists no empty cell: put back
 * every user's note from the comments parts, as the file host does (package-notes.ts).
 */
async function restoreUserNotes(
  wb: Workbook,
  bytes: ArrayBuffer,
  fileName: string,
): Promise<ReadonlyMap<string, readonly { row: number; col: number; text: string }[]>> {
  const { readPackageNotes, restoreNotes } = await import(
    /* webpackChunkName: "exceljs" */ "../hosts/xlsx/package-notes"
  );
  const notes = await readPackageNotes(zipTextReader(new Uint8Array(bytes), fileName));
  restoreNotes(wb, notes, fileName, { maxCells: PREVIEW_LIMITS.maxCells, maxRows: 1_048_576, maxColumns: 16_384 });
  return notes;
}

function noteText(note: unknown): string | null {
  if (typeof note === "string") return note;
  if (note && typeof note === "object" && "texts" in note)
    return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join("");
  return null;
}

function loadSheet(
  sim: SimWorkbook,
  ws: Worksheet,
  notes: readonly { row: number; col: number; text: string }[] = [],
): void {
  const s = sim.addSheet(ws.name);
  if (ws.state === "hidden") s.visibility = "Hidden";
  if (ws.state === "veryHidden") s.visibility = "VeryHidden";
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const { value, formula } = fromExcelValue(cell.value);
      s.set(r, c, storedFromGrid(value));
      const k = cellKey(r, c);
      if (formula) s.formulas.set(k, formula);
      const numFmt = cell.numFmt || (value instanceof Date ? "yyyy-mm-dd" : "");
      if (numFmt && numFmt !== "General") s.numberFormats.set(k, numFmt);
      const note = noteText(cell.note);
      if (note) s.notes.set(k, { content: note, authorName: "" });
      const fill = cell.fill;
      const argb = fill && fill.type === "pattern" ? fill.fgColor?.argb : undefined;
      if (argb && argb.length >= 6) s.formats.set(k, { fill: `#${argb.slice(-6).toUpperCase()}` });
    });
  });
  // A note on a cell with no value is not among the rows above: take it from the comments part.
  for (const n of notes) {
    const k = cellKey(n.row, n.col);
    if (!s.notes.has(k) && n.text !== "") s.notes.set(k, { content: n.text, authorName: "" });
  }
}

/** Open an .xlsx chosen by the user into a new simulated workbook (throws PreviewFileError for a hostile or broken file). */
export async function openXlsx(bytes: ArrayBuffer, fileName: string): Promise<SimWorkbook> {
  await guardWorkbook(new Uint8Array(bytes), fileName);
  const ExcelJS = await excelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch {
    throw Object.assign(
      new Error(`"${fileName}" could not be read as a workbook: open it in Excel, save it again as .xlsx, and retry.`),
      { name: "PreviewFileError" },
    );
  }
  const notes = await restoreUserNotes(wb, bytes, fileName);
  const sim = new SimWorkbook();
  for (const ws of wb.worksheets) loadSheet(sim, ws, notes.get(ws.name));
  if (sim.sheets.length === 0) sim.addSheet("Sheet1");
  return sim;
}

/** The workbook as .xlsx bytes: the source file (or a new one) plus every applied change set. */
export async function writeXlsx(source: ArrayBuffer | null, applied: readonly ChangeSet[]): Promise<Uint8Array> {
  const [ExcelJS, { applyChangeSet }, { compactValidations }] = await Promise.all([
    excelJs(),
    import(/* webpackChunkName: "exceljs" */ "../hosts/xlsx/apply"),
    import(/* webpackChunkName: "exceljs" */ "../hosts/xlsx/compact-validations"),
  ]);
  const wb: Workbook = new ExcelJS.Workbook();
  if (source) {
    await wb.xlsx.load(source);
    await restoreUserNotes(wb, source, "the workbook");
  }
  for (const changes of applied) await applyChangeSet(wb, changes);
  // As the file host does before it saves: list validations written as disjoint ranges.
  for (const sheet of wb.worksheets) compactValidations(sheet);
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
