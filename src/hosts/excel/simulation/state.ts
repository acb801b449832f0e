/**
 * The simulated workbook's state: what Excel would hold after the adapter's requests, kept plainly so
 * tests can assert it cell by cell. Values are dense row arrays (a 100,000-row plan stays small);
 * everything else is sparse.
 */
import { parseAddress, type CellValue } from "../../../core/grid";
import { cellKey, keyCol, keyRow, parseRef, quoteSheet, rectAddress, type Rect } from "../a1";
import { SimEventHub, type CellChange, type ChangeOrigin } from "./events";
import { storedFromGrid, typeIntoCell, type StoredValue } from "./excel-input";
import { SimulatedOfficeError } from "./errors";

export interface CellFormatState {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  borderBottom?: string;
}

export interface HyperlinkState {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
}

export interface ListValidationState {
  rect: Rect;
  source: string;
  inCellDropDown: boolean;
  ignoreBlanks: boolean;
  errorStyle?: string;
  prompt?: string;
  errorMessage?: string;
}

export interface ConditionalFormatState {
  rect: Rect;
  formula: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
}

export class SimSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  freeze: { rows: number; cols: number } | null = null;
  protected = false;
  values: StoredValue[][] = [];
  readonly formulas = new Map<number, string>();
  readonly numberFormats = new Map<number, string>();
  readonly quotePrefix = new Set<number>();
  readonly formats = new Map<number, CellFormatState>();
  readonly hyperlinks = new Map<number, HyperlinkState>();
  readonly notes = new Map<number, { content: string; authorName: string }>();
  /** Column widths in points, as Office.js sets them. */
  readonly columnWidths = new Map<number, number>();
  validations: ListValidationState[] = [];
  conditionalFormats: ConditionalFormatState[] = [];
  /** The sheet's own selection, which becomes the workbook's when the sheet is activated (as in Excel). */
  selected = "A1";

  constructor(
    public name: string,
    /** Worksheet.id, as Excel reports it in change events ("{00000000-0001-0000-0000-000000000000}"). */
    readonly id: string = "",
  ) {}

  /**
   * Put `input` into the cell as Excel does when it is typed or written through Range.values: "=..."
   * becomes a formula, "3.2" a number, a leading apostrophe keeps text (excel-input.ts). Returns the
   * value before and after, for the change event.
   */
  type(row: number, col: number, input: unknown): CellChange & { isoDate: boolean } {
    if (this.protected)
      throw new SimulatedOfficeError("InvalidOperation", `The cell is on a protected sheet "${this.name}".`);
    const k = cellKey(row, col);
    const before = this.get(row, col);
    const t = typeIntoCell(input);
    if (t.formula !== undefined) this.formulas.set(k, t.formula);
    else this.formulas.delete(k);
    if (t.quotePrefix) this.quotePrefix.add(k);
    else this.quotePrefix.delete(k);
    this.set(row, col, t.value);
    return { before, after: t.value, isoDate: t.isoDate === true };
  }

  get(row: number, col: number): StoredValue {
    return this.values[row - 1]?.[col - 1] ?? null;
  }

  set(row: number, col: number, v: StoredValue): void {
    let r = this.values[row - 1];
    if (!r) {
      for (let i = this.values.length; i < row; i++) if (!this.values[i]) this.values[i] = [];
      r = this.values[row - 1]!;
    }
    if (v === null && col > r.length) return;
    for (let j = r.length; j < col - 1; j++) r[j] = null;
    r[col - 1] = v;
  }

  /** The used range (valuesOnly: values and formulas; otherwise also formats), or null when empty. */
  usedRect(valuesOnly: boolean): Rect | null {
    let minR = Infinity,
      minC = Infinity,
      maxR = 0,
      maxC = 0;
    const see = (r: number, c: number): void => {
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
      if (c < minC) minC = c;
      if (c > maxC) maxC = c;
    };
    this.values.forEach((row, i) => {
      if (!row) return;
      for (let j = 0; j < row.length; j++) if (row[j] !== null && row[j] !== undefined) see(i + 1, j + 1);
    });
    const maps: Iterable<number>[] = [this.formulas.keys()];
    if (!valuesOnly) maps.push(this.numberFormats.keys(), this.formats.keys(), this.notes.keys());
    for (const m of maps) for (const k of m) see(keyRow(k), keyCol(k));
    if (maxR === 0) return null;
    return { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
  }

  clearRect(rect: Rect, what: "All" | "Contents" | "Formats"): void {
    const inRect = (k: number): boolean =>
      keyRow(k) >= rect.row &&
      keyRow(k) < rect.row + rect.rows &&
      keyCol(k) >= rect.col &&
      keyCol(k) < rect.col + rect.cols;
    if (what !== "Formats") {
      for (let r = rect.row; r < rect.row + rect.rows && r <= this.values.length; r++) {
        const row = this.values[r - 1];
        if (!row) continue;
        for (let c = rect.col; c < rect.col + rect.cols && c <= row.length; c++) row[c - 1] = null;
      }
      for (const k of [...this.formulas.keys()]) if (inRect(k)) this.formulas.delete(k);
      for (const k of [...this.quotePrefix]) if (inRect(k)) this.quotePrefix.delete(k);
      for (const k of [...this.hyperlinks.keys()]) if (inRect(k)) this.hyperlinks.delete(k);
    }
    if (what !== "Contents") {
      for (const k of [...this.numberFormats.keys()]) if (inRect(k)) this.numberFormats.delete(k);
      for (const k of [...this.formats.keys()]) if (inRect(k)) this.formats.delete(k);
    }
  }
}

export interface TableState {
  name: string;
  sheet: string;
  rect: Rect;
  style: string;
}

export interface PivotState {
  name: string;
  sheet: string;
  at: string;
  source: string;
  rows: string[];
  columns: string[];
  values: { field: string; summarizeBy: string; name: string }[];
}

export interface ChartState {
  name: string;
  sheet: string;
  type: string;
  source: string;
  title: string;
  at: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  cellsRead: number;
}

export interface SimLimits {
  /** Excel on the web: 5 MB per request. */
  requestBytes: number;
  /** Excel on the web: 5 MB per response. */
  responseBytes: number;
  /** Any read is capped at 5,000,000 cells. */
  cellsPerRead: number;
}

export const WEB_LIMITS: SimLimits = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  cellsPerRead: 5_000_000,
};

export interface SimOptions {
  /** Highest ExcelApi minor version the simulated host supports: 18 for Microsoft 365, 7 for Excel 2019, 14 for 2021. */
  excelApi?: number;
  limits?: Partial<SimLimits>;
  author?: string;
}

/** A simulated Excel workbook. Create one per test; drive it through `runSimulated` or `simulatedRun`. */
export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  readonly tables = new Map<string, TableState>();
  /** Defined names (upper-cased key) -> { name, formula "=Sheet!$A$1:$A$9" }. */
  readonly names = new Map<string, { name: string; formula: string }>();
  readonly pivots = new Map<string, PivotState>();
  readonly charts = new Map<string, ChartState>();
  /** The selected range and the active sheet. Excel always has both; null until something is selected or activated here. */
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** onChanged registrations and the events raised (events.ts). */
  readonly events: SimEventHub = new SimEventHub(this);
  private sheetsCreated = 0;
  readonly syncs: SyncRecord[] = [];
  /** Times calculation was suspended until the next sync. */
  calculationSuspensions = 0;
  untracked = 0;
  excelApi: number;
  readonly limits: SimLimits;
  readonly author: string;

  constructor(options: SimOptions = {}) {
    this.excelApi = options.excelApi ?? 18;
    this.limits = { ...WEB_LIMITS, ...options.limits };
    this.author = options.author ?? "Programme Officer";
  }

  /** Load a map of sheets (as the preview page does after reading an .xlsx). Values are stored as a file holds them: not typed. */
  static fromGrids(grids: Record<string, readonly (readonly CellValue[])[]>, options: SimOptions = {}): SimWorkbook {
    const wb = new SimWorkbook(options);
    for (const [name, rows] of Object.entries(grids)) {
      const s = wb.addSheet(name);
      s.values = rows.map((r) => r.map(storedFromGrid));
    }
    return wb;
  }

  /** Export every sheet's values as grids (formula cells export their formula text, since nothing calculates here). */
  toGrids(): Record<string, CellValue[][]> {
    const out: Record<string, CellValue[][]> = {};
    for (const s of this.sheets) {
      const used = s.usedRect(true);
      const rows: CellValue[][] = [];
      if (used) {
        for (let r = 1; r <= used.row + used.rows - 1; r++) {
          const row: CellValue[] = [];
          for (let c = 1; c <= used.col + used.cols - 1; c++) row.push(s.formulas.get(cellKey(r, c)) ?? s.get(r, c));
          rows.push(row);
        }
      }
      out[s.name] = rows;
    }
    return out;
  }

  /** Office.context.requirements.isSetSupported as this host would answer. */
  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const minor = Number((version ?? "1.1").split(".")[1] ?? 0);
    return minor <= this.excelApi;
  };

  addSheet(name: string): SimSheet {
    if (this.findSheet(name))
      throw new SimulatedOfficeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new SimulatedOfficeError("InvalidArgument", `"${name}" is not a valid worksheet name.`);
    const n = ++this.sheetsCreated;
    const s = new SimSheet(name, `{00000000-${String(n).padStart(4, "0")}-0000-0000-000000000000}`);
    this.sheets.push(s);
    return s;
  }

  /** The sheet Excel shows: the active one, else the first visible one. */
  shownSheet(): SimSheet | undefined {
    return (
      (this.activeSheet ? this.findSheet(this.activeSheet) : undefined) ??
      this.sheets.find((s) => s.visibility === "Visible")
    );
  }

  /** Activate a sheet: its own last selection becomes the workbook's (Worksheet.activate). */
  activate(sheet: SimSheet): void {
    if (sheet.visibility !== "Visible")
      throw new SimulatedOfficeError("InvalidOperation", `The hidden sheet "${sheet.name}" cannot be activated.`);
    this.activeSheet = sheet.name;
    this.selection = { sheet: sheet.name, address: sheet.selected };
  }

  /** Select a range (Range.select, or a person clicking): its sheet becomes the active one. */
  select(sheet: SimSheet, rect: Rect): void {
    this.activate(sheet);
    sheet.selected = rectAddress(rect);
    this.selection = { sheet: sheet.name, address: sheet.selected };
  }

  // ---- what a person does in the grid (the preview page and tests) ----

  /** A person selects "B3" or "B3:D9" on a sheet (a click, shift+click or drag in the grid). */
  userSelect(sheet: string, address: string): void {
    const { rect } = parseRef(address.replace(/\$/g, ""));
    this.select(this.sheet(sheet), rect);
  }

  /**
   * A person types (or pastes) `rows` into the block starting at `at`, as Excel takes typing: the
   * text is typed (excel-input.ts), a typed ISO date gets a date format, and one WorksheetChanged
   * event is raised for the block with source "Local" (triggerSource "Unknown" from ExcelApi 1.14).
   * `origin: "remote"` makes it a co-author's edit (source "Remote"). Returns what each cell now holds.
   */
  userEdit(
    sheet: string,
    at: string,
    rows: readonly (readonly unknown[])[],
    origin: Exclude<ChangeOrigin, "addin"> = "user",
  ): { values: StoredValue[][]; formulas: (string | null)[][]; dateCells: string[] } {
    const s = this.sheet(sheet);
    const { row, col } = parseRef(at.replace(/\$/g, "")).rect;
    const width = Math.max(1, ...rows.map((r) => r.length));
    const rect: Rect = { row, col, rows: Math.max(1, rows.length), cols: width };
    const values: StoredValue[][] = [];
    const formulas: (string | null)[][] = [];
    const dateCells: string[] = [];
    let single: CellChange | undefined;
    for (let i = 0; i < rect.rows; i++) {
      const vRow: StoredValue[] = [];
      const fRow: (string | null)[] = [];
      for (let j = 0; j < width; j++) {
        const r = row + i;
        const c = col + j;
        const change = s.type(r, c, rows[i]?.[j] ?? null);
        const k = cellKey(r, c);
        if (change.isoDate && !s.numberFormats.has(k)) s.numberFormats.set(k, "yyyy-mm-dd");
        if (change.isoDate) dateCells.push(rectAddress({ row: r, col: c, rows: 1, cols: 1 }));
        vRow.push(change.after);
        fRow.push(s.formulas.get(k) ?? null);
        single = change;
      }
      values.push(vRow);
      formulas.push(fRow);
    }
    this.events.changed(s, rect, origin, rect.rows * rect.cols === 1 ? single : undefined);
    return { values, formulas, dateCells };
  }

  findSheet(name: string): SimSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  sheet(name: string): SimSheet {
    const s = this.findSheet(name);
    if (!s)
      throw new SimulatedOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet "${name}".`);
    return s;
  }

  // ---- assertions, cell by cell ----

  private at(sheet: string, a1: string): { s: SimSheet; row: number; col: number; k: number } {
    const s = this.sheet(sheet);
    const { row, col } = parseAddress(a1);
    return { s, row, col, k: cellKey(row, col) };
  }

  /** The cell's value as Excel holds it (formula cells: null, nothing calculates here; see formula()). */
  value(sheet: string, a1: string): CellValue {
    const { s, row, col } = this.at(sheet, a1);
    return s.get(row, col);
  }
  formula(sheet: string, a1: string): string | undefined {
    const { s, k } = this.at(sheet, a1);
    return s.formulas.get(k);
  }
  numberFormat(sheet: string, a1: string): string {
    const { s, k } = this.at(sheet, a1);
    return s.numberFormats.get(k) ?? "General";
  }
  quotePrefixed(sheet: string, a1: string): boolean {
    const { s, k } = this.at(sheet, a1);
    return s.quotePrefix.has(k);
  }
  fill(sheet: string, a1: string): string | null {
    const { s, k } = this.at(sheet, a1);
    return s.formats.get(k)?.fill ?? null;
  }
  format(sheet: string, a1: string): CellFormatState {
    const { s, k } = this.at(sheet, a1);
    return { ...s.formats.get(k) };
  }
  note(sheet: string, a1: string): string | null {
    const { s, k } = this.at(sheet, a1);
    return s.notes.get(k)?.content ?? null;
  }
  hyperlink(sheet: string, a1: string): HyperlinkState | null {
    const { s, k } = this.at(sheet, a1);
    return s.hyperlinks.get(k) ?? null;
  }
  /** Every note as "Sheet!A1" -> text. */
  allNotes(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.sheets)
      for (const [k, n] of s.notes)
        out.set(`${s.name}!${rectAddress({ row: keyRow(k), col: keyCol(k), rows: 1, cols: 1 })}`, n.content);
    return out;
  }
  table(name: string): { name: string; sheet: string; range: string; style: string } | undefined {
    const t = this.tables.get(name.toLowerCase());
    return t && { name: t.name, sheet: t.sheet, range: rectAddress(t.rect), style: t.style };
  }
  name(name: string): string | undefined {
    return this.names.get(name.toUpperCase())?.formula;
  }
  validations(sheet: string): { range: string; source: string; errorStyle?: string; ignoreBlanks: boolean }[] {
    return this.sheet(sheet).validations.map((v) => ({
      range: rectAddress(v.rect),
      source: v.source,
      errorStyle: v.errorStyle,
      ignoreBlanks: v.ignoreBlanks,
    }));
  }
  conditionalFormats(
    sheet: string,
  ): { range: string; formula: string; fill?: string; bold?: boolean; fontColor?: string }[] {
    return this.sheet(sheet).conditionalFormats.map((c) => ({
      range: rectAddress(c.rect),
      formula: c.formula,
      fill: c.fill,
      bold: c.bold,
      fontColor: c.fontColor,
    }));
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  /** "Sheet!A1:B2" style reference with quoting, as Excel prints addresses. */
  static ref(sheet: string, rect: Rect): string {
    return `${quoteSheet(sheet)}!${rectAddress(rect)}`;
  }
  /** Resolve "Sheet!A1:B2" or a defined name. */
  resolve(ref: string, defaultSheet?: string): { sheet: SimSheet; rect: Rect } {
    const byName = this.names.get(ref.replace(/^=/, "").toUpperCase());
    const text = byName ? byName.formula.replace(/^=/, "") : ref.replace(/^=/, "");
    const { sheet, rect } = parseRef(text.replace(/\$/g, ""));
    const sheetName = sheet ?? defaultSheet;
    if (!sheetName) throw new SimulatedOfficeError("InvalidArgument", `The reference "${ref}" names no worksheet.`);
    return { sheet: this.sheet(sheetName), rect };
  }

  totals(): {
    syncs: number;
    requestBytes: number;
    responseBytes: number;
    maxRequestBytes: number;
    maxResponseBytes: number;
  } {
    let requestBytes = 0,
      responseBytes = 0,
      maxRequestBytes = 0,
      maxResponseBytes = 0;
    for (const s of this.syncs) {
      requestBytes += s.requestBytes;
      responseBytes += s.responseBytes;
      maxRequestBytes = Math.max(maxRequestBytes, s.requestBytes);
      maxResponseBytes = Math.max(maxResponseBytes, s.responseBytes);
    }
    return { syncs: this.syncs.length, requestBytes, responseBytes, maxRequestBytes, maxResponseBytes };
  }

  resetCounters(): void {
    this.syncs.length = 0;
    this.calculationSuspensions = 0;
    this.untracked = 0;
  }
}
