/**
 * Step two of apply: read, in as few syncs as the payload limits allow, what the decisions depend on:
 * which sheets, tables, names, PivotTables and charts exist, which sheets are protected, which notes
 * the targeted cells already carry (a user's note is never overwritten), and the fills that
 * clearFill may remove (only the add-in's colours go).
 */
import { ANNOTATION_MARK, type ChangeSet } from "../../../core/changeset";
import { cellAddress } from "../../../core/grid";
import { parseRef, rectAddress } from "../a1";

export interface WorkbookFacts {
  sheets: { name: string; visible: boolean }[];
  tables: Set<string>;
  names: Set<string>;
  protectedSheets: Set<string>;
  /** "sheet|A1" (sheet lower-cased) -> note text, for the cells that note/clearNote ops touch; absent = no note. */
  notes: Map<string, string>;
  /** The notes on the sheets that get reset (loaded proxies, deleted in the same Excel.run). */
  noteItemsOnResetSheets: Map<string, Excel.Note[]>;
  /** Tables on the sheets that get reset. */
  tablesOnResetSheets: Map<string, string[]>;
  /** "sheet|A1" -> fill colour (upper case) or null when the cell has none, for clearFill cells. */
  fills: Map<string, string | null>;
  pivots: Set<string>;
  charts: Set<string>;
}

export const cellKeyOf = (sheet: string, a1: string): string => `${sheet.toLowerCase()}|${a1.toUpperCase()}`;

/** Rough request and response costs, to cut the inspection into syncs that respect the 5 MB limits. */
const NOTE_RESPONSE_BYTES = 2100;
const SMALL_ITEM_BYTES = 120;

export async function inspectWorkbook(
  context: Excel.RequestContext,
  changes: ChangeSet,
  supports: { notes: boolean; pivots: boolean },
  budgetBytes: number,
  checkAbort: () => void,
): Promise<WorkbookFacts> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name,items/visibility");
  const tables = wb.tables.load("items/name");
  const names = wb.names.load("items/name");
  await context.sync();
  checkAbort();
  const facts: WorkbookFacts = {
    sheets: sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" })),
    tables: new Set(tables.items.map((t) => t.name.toLowerCase())),
    names: new Set(names.items.map((n) => n.name.toUpperCase())),
    protectedSheets: new Set(),
    notes: new Map(),
    noteItemsOnResetSheets: new Map(),
    tablesOnResetSheets: new Map(),
    fills: new Map(),
    pivots: new Set(),
    charts: new Set(),
  };
  const exists = new Map(facts.sheets.map((s) => [s.name.toLowerCase(), s.name] as const));
  const touched = new Set<string>();
  const resetSheets = new Set<string>();
  const noteCells = new Map<string, { sheet: string; cell: string }>();
  const fillCells = new Map<string, { sheet: string; cell: string }>();
  for (const op of changes.ops) {
    if (op.kind === "pivot" || op.kind === "chart" || "sheet" in op) {
      const sheet = (op as { sheet: string }).sheet.toLowerCase();
      if (exists.has(sheet)) touched.add(sheet);
      if (op.kind === "resetSheet" && exists.has(sheet)) resetSheets.add(sheet);
      if ((op.kind === "note" || op.kind === "clearNote") && exists.has(sheet))
        noteCells.set(cellKeyOf(op.sheet, op.cell), { sheet: exists.get(sheet)!, cell: op.cell.toUpperCase() });
      // A fill on a sheet that keeps its content: read the cell's colour first, so a user's own colour is kept.
      if (op.kind === "fill" && exists.has(sheet) && !resetSheets.has(sheet)) {
        // A malformed range is refused with its op index by the checks that follow; nothing to read here.
        const rect = safeRect(op.range);
        if (rect && rect.rows * rect.cols <= 10000)
          for (let r = rect.row; r < rect.row + rect.rows; r++)
            for (let c = rect.col; c < rect.col + rect.cols; c++)
              fillCells.set(cellKeyOf(op.sheet, cellAddress(r, c)), {
                sheet: exists.get(sheet)!,
                cell: cellAddress(r, c),
              });
      }
      if (op.kind === "clearFill" && exists.has(sheet)) {
        // Cell by cell, so a range with several fills loses only the add-in's colours.
        const { rect } = parseRef(op.range);
        if (rect.rows * rect.cols <= 10000) {
          for (let r = rect.row; r < rect.row + rect.rows; r++)
            for (let c = rect.col; c < rect.col + rect.cols; c++)
              fillCells.set(cellKeyOf(op.sheet, cellAddress(r, c)), {
                sheet: exists.get(sheet)!,
                cell: cellAddress(r, c),
              });
        } else
          fillCells.set(cellKeyOf(op.sheet, rectAddress(rect)), { sheet: exists.get(sheet)!, cell: rectAddress(rect) });
      }
    }
  }

  // Per-item reads, cut into syncs by their estimated response size.
  type Pending = () => void;
  let pending: Pending[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await context.sync();
    checkAbort();
    for (const p of pending) p();
    pending = [];
    bytes = 0;
  };
  const add = async (cost: number, queue: () => Pending): Promise<void> => {
    if (bytes + cost > budgetBytes) await flush();
    pending.push(queue());
    bytes += cost;
  };

  for (const sheet of touched) {
    await add(SMALL_ITEM_BYTES, () => {
      const p = wb.worksheets.getItem(exists.get(sheet)!).protection.load("protected");
      return () => p.protected && facts.protectedSheets.add(sheet);
    });
  }
  for (const sheet of resetSheets) {
    await add(SMALL_ITEM_BYTES * 10, () => {
      const t = wb.worksheets.getItem(exists.get(sheet)!).tables.load("items/name");
      return () =>
        facts.tablesOnResetSheets.set(
          sheet,
          t.items.map((x) => x.name),
        );
    });
    if (supports.notes) {
      await add(NOTE_RESPONSE_BYTES * 20, () => {
        const n = wb.worksheets.getItem(exists.get(sheet)!).notes.load("items");
        return () => facts.noteItemsOnResetSheets.set(sheet, n.items);
      });
    }
  }
  if (supports.notes) {
    for (const [key, { sheet, cell }] of noteCells) {
      await add(NOTE_RESPONSE_BYTES, () => {
        const note = wb.worksheets.getItem(sheet).notes.getItemOrNullObject(cell).load("content");
        return () => {
          if (!note.isNullObject) facts.notes.set(key, note.content);
        };
      });
    }
  }
  for (const [key, { sheet, cell }] of fillCells) {
    await add(SMALL_ITEM_BYTES, () => {
      const fill = wb.worksheets.getItem(sheet).getRange(cell).format.fill.load("color");
      return () => {
        const c = fill.color;
        // Excel reports "#FFFFFF" for no fill and null for a mix.
        facts.fills.set(key, c === null ? null : c.toUpperCase());
      };
    });
  }
  for (const op of changes.ops) {
    if (op.kind === "pivot" && supports.pivots) {
      await add(SMALL_ITEM_BYTES, () => {
        const p = wb.pivotTables.getItemOrNullObject(op.name);
        // eslint-disable-next-line office-addins/call-sync-before-read -- this reader runs after the batch's sync
        return () => !p.isNullObject && facts.pivots.add(op.name.toLowerCase());
      });
    }
    if (op.kind === "chart" && exists.has(op.sheet.toLowerCase())) {
      await add(SMALL_ITEM_BYTES, () => {
        const c = wb.worksheets.getItem(op.sheet).charts.getItemOrNullObject(op.name);
        // eslint-disable-next-line office-addins/call-sync-before-read -- this reader runs after the batch's sync
        return () => !c.isNullObject && facts.charts.add(`${op.sheet.toLowerCase()}|${op.name.toLowerCase()}`);
      });
    }
  }
  await flush();
  return facts;
}

export function isAddinNote(text: string | undefined): boolean {
  return text !== undefined && text.startsWith(ANNOTATION_MARK);
}

function safeRect(range: string): ReturnType<typeof parseRef>["rect"] | null {
  try {
    return parseRef(range).rect;
  } catch {
    return null;
  }
}
