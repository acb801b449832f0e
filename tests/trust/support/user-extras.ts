/**
 * What a user sets on a workbook besides values, notes and fills: number formats on their cells, column
 * widths, their own data validations, their own defined names, and a hidden sheet. Generated for a
 * GeneratedBook, written into its .xlsx with ExcelJS, and read back from the file host's workbook, so
 * the trust suite can check that each survives every command and that a second run changes none.
 *
 * Only places that are the user's get extras: their own sheets, the import sheet, and the user's own
 * columns of Activities (the add-in formats and validates the plan's columns on purpose, below the
 * user's rows; widths are the user's everywhere once the sheet exists, src/core/layout/activities-sheet.ts).
 */
import type ExcelJS from "exceljs";
import fc from "fast-check";
import { ACTIVITY_HEADERS } from "../../../src/core/activity/columns";
import { cellAddress, columnLetters, type CellValue } from "../../../src/core/grid";
import { SHEETS } from "../../../src/core/layout/sheet-names";
import { openWorkbookBuffer } from "../../../src/hosts/xlsx";
import { widthFromFile } from "../../../src/hosts/xlsx/column-width-nine";
import { OWNED_SHEETS, printedShort, type GeneratedBook } from "../../fixtures/trust/plan-workbook";

export interface UserFormat {
  sheet: string;
  row: number;
  col: number;
  format: string;
}
export interface UserWidth {
  sheet: string;
  col: number;
  width: number;
}
export interface UserValidation {
  sheet: string;
  /** "C2:C6" */
  range: string;
  rule: { type: "list"; formulae: string[] } | { type: "whole"; operator: "between"; formulae: number[] };
}
export interface UserName {
  name: string;
  sheet: string;
  range: string;
}
export interface UserExtras {
  formats: UserFormat[];
  widths: UserWidth[];
  validations: UserValidation[];
  names: UserName[];
  /** A user sheet the user hid (their own, or a new "Archive 2023" added hidden). */
  hidden: string;
}

export const ARCHIVE_SHEET = "Archive 2023";

/**
 * In .xlsx a date is a number with a date format: a date format on a number makes it a date, and a
 * number format on a date makes it a number. So dates get date formats and every other cell the rest,
 * and the user's values stay what they were.
 */
const DATE_FORMATS = ["dd/mm/yyyy", "yyyy-mm-dd hh:mm", "d mmm yyyy"] as const;
const OTHER_FORMATS = ["0.00%", "#,##0", "@", "[$$-409]#,##0.00", '0.0 "days"'] as const;

/** Columns of each user place: sheet -> columns the user owns (all of a user sheet; Activities' own columns). */
function userColumns(book: GeneratedBook): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [sheet, rows] of Object.entries(book.sheets)) {
    if (OWNED_SHEETS.has(sheet) || sheet === SHEETS.settings || sheet === SHEETS.countries) continue;
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (sheet !== SHEETS.activities) {
      out.set(
        sheet,
        Array.from({ length: width }, (_v, i) => i + 1),
      );
      continue;
    }
    const headers = rows[book.headerRow - 1] ?? [];
    const own = headers.flatMap((h, j) =>
      typeof h === "string" && !(ACTIVITY_HEADERS as readonly string[]).includes(h) ? [j + 1] : [],
    );
    if (own.length > 0) out.set(sheet, own);
  }
  return out;
}

function filled(v: CellValue | undefined): boolean {
  return v !== null && v !== undefined;
}

/** The book with a hidden archive sheet added (its values join the value checks), and extras for it. */
export function withUserExtras(book: GeneratedBook): fc.Arbitrary<{ book: GeneratedBook; extras: UserExtras }> {
  const archiveRows: CellValue[][] = [
    ["Closed activity", "Budget"],
    ["ACT-900", 12_000],
    ["=not a formula", -5],
  ];
  const withArchive = printedShort({ ...book, sheets: { ...book.sheets, [ARCHIVE_SHEET]: archiveRows } });
  const places = userColumns(withArchive);
  const cells: { sheet: string; row: number; col: number; date: boolean }[] = [];
  for (const [sheet, cols] of places) {
    const rows = withArchive.sheets[sheet]!;
    rows.forEach((r, i) =>
      cols.forEach(
        (c) => filled(r[c - 1]) && cells.push({ sheet, row: i + 1, col: c, date: r[c - 1] instanceof Date }),
      ),
    );
  }
  const columns = [...places].flatMap(([sheet, cols]) => cols.map((col) => ({ sheet, col })));
  const userSheets = [...places.keys()].filter((s) => s !== SHEETS.activities && s !== withArchive.importSheet);
  return fc
    .record({
      formats:
        cells.length > 0
          ? fc.array(
              fc
                .constantFrom(...cells)
                .chain((c) =>
                  fc.tuple(
                    fc.constant({ sheet: c.sheet, row: c.row, col: c.col }),
                    fc.constantFrom<string>(...(c.date ? DATE_FORMATS : OTHER_FORMATS)),
                  ),
                ),
              { maxLength: 6 },
            )
          : fc.constant<[{ sheet: string; row: number; col: number }, string][]>([]),
      widths: fc.array(fc.tuple(fc.constantFrom(...columns), fc.integer({ min: 3, max: 60 })), { maxLength: 4 }),
      validations: fc.array(
        fc.tuple(
          fc.constantFrom(...columns),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 0, max: 5 }),
          fc.oneof(
            fc.constant<UserValidation["rule"]>({ type: "list", formulae: ['"Yes,No,Maybe"'] }),
            fc.constant<UserValidation["rule"]>({ type: "whole", operator: "between", formulae: [1, 10] }),
          ),
        ),
        { maxLength: 2 },
      ),
      names: fc.array(
        fc.tuple(fc.constantFrom("MyBudget", "Donor_list", "Kenya.Roadmap"), fc.constantFrom(...columns)),
        {
          maxLength: 2,
        },
      ),
      hidden: fc.constantFrom(ARCHIVE_SHEET, ...userSheets),
    })
    .map(({ formats, widths, validations, names, hidden }) => {
      const seen = new Set<string>();
      const extras: UserExtras = {
        formats: formats.flatMap(([c, format]) => {
          const k = `f${c.sheet}!${c.row},${c.col}`;
          if (seen.has(k)) return [];
          seen.add(k);
          return [{ ...c, format }];
        }),
        widths: widths.flatMap(([c, width]) => {
          const k = `w${c.sheet}!${c.col}`;
          if (seen.has(k)) return [];
          seen.add(k);
          return [{ ...c, width }];
        }),
        validations: validations.flatMap(([c, top, extra, rule]) => {
          const k = `v${c.sheet}!${c.col}`;
          if (seen.has(k)) return [];
          seen.add(k);
          const letters = columnLetters(c.col);
          return [{ sheet: c.sheet, range: `${letters}${top}:${letters}${top + extra}`, rule }];
        }),
        names: uniqueBy(names, ([n]) => n).map(([name, c]) => ({
          name,
          sheet: c.sheet,
          range: `$${columnLetters(c.col)}$1:$${columnLetters(c.col)}$3`,
        })),
        hidden,
      };
      return { book: withArchive, extras };
    });
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Add the extras to a user's .xlsx (made by xlsxOfBook), as the user's own program or Excel would. The
 * file is opened by the file host, not by ExcelJS alone, which would drop the notes on empty cells.
 */
export async function addUserExtras(bytes: Buffer, extras: UserExtras): Promise<Buffer> {
  const host = await openWorkbookBuffer(bytes, "user.xlsx", { streamAboveCells: Infinity });
  const wb = host.workbook;
  for (const f of extras.formats) {
    // A new style object: cells ExcelJS loaded with the same style share one, and numFmt= would change them all.
    const cell = wb.getWorksheet(f.sheet)!.getCell(f.row, f.col);
    cell.style = { ...cell.style, numFmt: f.format };
  }
  for (const w of extras.widths) {
    // This file stands for one Excel wrote, which holds a width of 9 like any other; ExcelJS leaves out a
    // width of 9 set by code (its default, docs/trust.md finding 7), so the width is marked as from a file.
    const column = wb.getWorksheet(w.sheet)!.getColumn(w.col);
    column.defn = widthFromFile({ ...column.defn, width: w.width });
  }
  for (const v of extras.validations) {
    const ws = wb.getWorksheet(v.sheet)! as unknown as { dataValidations: { add(range: string, rule: unknown): void } };
    ws.dataValidations.add(v.range, { ...v.rule, allowBlank: true, showErrorMessage: true });
  }
  for (const n of extras.names) wb.definedNames.add(`${quoteSheet(n.sheet)}!${n.range}`, n.name);
  wb.getWorksheet(extras.hidden)!.state = "hidden";
  return host.toBuffer();
}

/** One line per extra that is not as the user left it. */
export function userExtrasKept(
  wb: ExcelJS.Workbook,
  extras: UserExtras,
  userSheetsBefore: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const f of extras.formats) {
    const now = wb.getWorksheet(f.sheet)?.findRow(f.row)?.findCell(f.col)?.numFmt;
    if (now !== f.format)
      problems.push(
        `${f.sheet}!${cellAddress(f.row, f.col)}: number format ${JSON.stringify(f.format)} is now ${JSON.stringify(now ?? null)}`,
      );
  }
  for (const w of extras.widths) {
    const now = wb.getWorksheet(w.sheet)?.getColumn(w.col).width;
    if (now !== w.width)
      problems.push(`${w.sheet} column ${columnLetters(w.col)}: width ${w.width} is now ${String(now)}`);
  }
  for (const v of extras.validations) {
    const ws = wb.getWorksheet(v.sheet);
    const [from, to] = v.range.split(":");
    const col = from!.replace(/\d+/g, "");
    for (let r = Number(from!.replace(/\D+/g, "")); r <= Number(to!.replace(/\D+/g, "")); r++) {
      const dv = ws?.getCell(`${col}${r}`).dataValidation as { type?: string; formulae?: unknown[] } | undefined;
      const same =
        dv?.type === v.rule.type &&
        JSON.stringify((dv.formulae ?? []).map(String)) === JSON.stringify(v.rule.formulae.map(String));
      if (!same)
        problems.push(
          `${v.sheet}!${col}${r}: the user's ${v.rule.type} validation is now ${JSON.stringify(dv ?? null)}`,
        );
    }
  }
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const n of extras.names) {
    const now = names.find((m) => m.name === n.name);
    const want = `${quoteSheet(n.sheet)}!${n.range}`;
    const has = now?.ranges.some((r) => r === want || r === `${n.sheet}!${n.range}`);
    if (!has) problems.push(`the name ${n.name} (${want}) is now ${JSON.stringify(now?.ranges ?? null)}`);
  }
  const hidden = wb.getWorksheet(extras.hidden);
  if (hidden?.state !== "hidden")
    problems.push(`the hidden sheet "${extras.hidden}" is now ${hidden ? hidden.state : "gone"}`);
  const order = wb.worksheets.map((w) => w.name).filter((n) => userSheetsBefore.includes(n));
  if (order.join("|") !== userSheetsBefore.join("|"))
    problems.push(`user sheets were ${userSheetsBefore.join(", ")}, now in the order ${order.join(", ")}`);
  return problems;
}

/** Formats, widths, names and sheet states of a whole workbook, for twice-equals-once (stateDiff compares validations). */
export function extrasState(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(`sheet ${ws.name} ${ws.state ?? "visible"}`);
    (ws.columns ?? []).forEach((c, i) => c.width !== undefined && out.push(`width ${ws.name} ${i + 1} ${c.width}`));
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.numFmt && cell.numFmt !== "General") out.push(`format ${ws.name}!${cell.address} ${cell.numFmt}`);
      }),
    );
  }
  for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model)
    out.push(`name ${n.name} ${n.ranges.join(",")}`);
  return out.sort();
}
