/**
 * Simulated Excel.Range and the objects hanging off it (format, data validation, conditional formats).
 * Declared against @types/office-js: the data properties come from Pick<Excel.Range, ...> and the
 * method arguments from Parameters<Excel.Range[...]>, so a change in the real API breaks the build.
 */
import { SimObject } from "./base";
import type { SimRequestContext } from "./context";
import { cellKey, parseRef, rectAddress, quoteSheet, type Rect } from "../a1";
import { SimulatedOfficeError } from "./errors";
import type { CellChange } from "./events";
import type { StoredValue } from "./excel-input";
import type { CellFormatState, SimSheet } from "./state";
import type { SimWorksheet } from "./worksheet";

type RangeData = Pick<
  Excel.Range,
  | "values"
  | "formulas"
  | "numberFormat"
  | "valueTypes"
  | "rowIndex"
  | "columnIndex"
  | "rowCount"
  | "columnCount"
  | "address"
  | "cellCount"
  | "hyperlink"
>;

function officeValue(v: StoredValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(v: StoredValue): string {
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

/** Reject what Office.js cannot send (Date objects, plain objects): the adapter must convert first. */
function checkScalar(v: unknown, where: string): void {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return;
  throw new SimulatedOfficeError(
    "InvalidArgument",
    `${where}: Office.js cannot send a ${v instanceof Date ? "Date" : typeof v}; write a serial number or text.`,
  );
}

export class SimRange extends SimObject implements RangeData {
  protected readonly objectName = "Range";
  protected readonly scalarProps = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "cellCount",
    "values",
    "formulas",
    "numberFormat",
    "valueTypes",
  ] as const;
  private located: Rect | null | undefined;
  readonly format: SimRangeFormat;
  readonly dataValidation: SimDataValidation;
  readonly conditionalFormats: SimConditionalFormatCollection;

  constructor(
    context: SimRequestContext,
    readonly worksheet: SimWorksheet,
    private readonly locate: () => Rect | null,
    nullable = false,
  ) {
    super(context);
    this.format = new SimRangeFormat(this);
    this.dataValidation = new SimDataValidation(this);
    this.conditionalFormats = new SimConditionalFormatCollection(this);
    this.queue("locate", 1, null, () => {
      const r = this.locateOnce();
      if (!r && !nullable)
        throw new SimulatedOfficeError("ItemNotFound", "The range does not exist (the sheet is empty).");
    });
    if (nullable) this.settle();
  }

  protected override exists(): boolean {
    return this.locateOnce() !== null;
  }

  private locateOnce(): Rect | null {
    if (this.located === undefined) this.located = this.locate();
    return this.located;
  }

  /** The cells, resolved at sync time. */
  rect(): Rect {
    const r = this.locateOnce();
    if (!r) throw new SimulatedOfficeError("ItemNotFound", "The range does not exist.");
    return r;
  }

  sheet(): SimSheet {
    return this.worksheet.state();
  }

  forEachCell(fn: (row: number, col: number, i: number, j: number) => void): void {
    const r = this.rect();
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) fn(r.row + i, r.col + j, i, j);
  }

  protected override cellsRead(props: string[]): number {
    const cellProps = ["values", "formulas", "numberFormat", "valueTypes", "text"];
    if (!props.some((p) => cellProps.includes(p))) return 0;
    const r = this.rect();
    return r.rows * r.cols;
  }

  protected snapshot(prop: string): unknown {
    const r = this.rect();
    const s = this.sheet();
    const grid = <T>(fn: (row: number, col: number) => T): T[][] => {
      const out: T[][] = [];
      for (let i = 0; i < r.rows; i++) {
        const row: T[] = new Array<T>(r.cols);
        for (let j = 0; j < r.cols; j++) row[j] = fn(r.row + i, r.col + j);
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "address":
        return `${quoteSheet(s.name)}!${rectAddress(r)}`;
      case "rowIndex":
        return r.row - 1;
      case "columnIndex":
        return r.col - 1;
      case "rowCount":
        return r.rows;
      case "columnCount":
        return r.cols;
      case "cellCount":
        return r.rows * r.cols;
      case "values":
        return grid((row, col) => officeValue(s.get(row, col)));
      case "valueTypes":
        return grid((row, col) => valueType(s.get(row, col)));
      case "formulas":
        return grid((row, col) => s.formulas.get(cellKey(row, col)) ?? officeValue(s.get(row, col)));
      case "numberFormat":
        return grid((row, col) => s.numberFormats.get(cellKey(row, col)) ?? "General");
      default:
        return this.unknownProp(prop);
    }
  }

  private writeGrid(
    prop: string,
    value: unknown[][],
    store: (row: number, col: number, v: unknown) => void,
    afterWrite?: () => void,
  ): void {
    this.write(prop, 1, value, () => {
      const r = this.rect();
      if (
        !Array.isArray(value) ||
        value.length !== r.rows ||
        value.some((row) => !Array.isArray(row) || row.length !== r.cols)
      ) {
        throw new SimulatedOfficeError(
          "InvalidArgument",
          `Range.${prop}: the array does not match the size of the range ${rectAddress(r)} (${r.rows} x ${r.cols}).`,
        );
      }
      this.forEachCell((row, col, i, j) => {
        const v = value[i]![j];
        checkScalar(v, `Range.${prop} at ${rectAddress({ row, col, rows: 1, cols: 1 })}`);
        store(row, col, v);
      });
      afterWrite?.();
    });
  }

  /** Values and formulas are typed as Excel types them; the write then raises onChanged (events.ts). */
  private typeGrid(prop: string, value: unknown[][]): void {
    let last: CellChange | undefined;
    this.writeGrid(
      prop,
      value,
      (row, col, x) => (last = this.sheet().type(row, col, x)),
      () => {
        const r = this.rect();
        this.context.sim.events.changed(this.sheet(), r, "addin", r.rows * r.cols === 1 ? last : undefined);
      },
    );
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Office.js typings declare any[][]
  get values(): any[][] {
    return this.prop("values");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Office.js typings declare any[][]
  set values(v: any[][]) {
    this.typeGrid("values", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Office.js typings declare any[][]
  get formulas(): any[][] {
    return this.prop("formulas");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Office.js typings declare any[][]
  set formulas(v: any[][]) {
    this.typeGrid("formulas", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Office.js typings declare any[][]
  get numberFormat(): any[][] {
    return this.prop("numberFormat");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Office.js typings declare any[][]
  set numberFormat(v: any[][]) {
    this.writeGrid("numberFormat", v, (row, col, x) => {
      const s = this.sheet();
      if (x === null || x === undefined) return;
      if (typeof x !== "string")
        throw new SimulatedOfficeError("InvalidArgument", "Range.numberFormat takes format codes as text.");
      if (x === "General") s.numberFormats.delete(cellKey(row, col));
      else s.numberFormats.set(cellKey(row, col), x);
    });
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.prop("valueTypes");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get cellCount(): number {
    return this.prop("cellCount");
  }
  get address(): string {
    return this.prop("address");
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.prop("hyperlink");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.queue("hyperlink", 7, link, () => {
      this.forEachCell((row, col) => {
        const s = this.sheet();
        s.hyperlinks.set(cellKey(row, col), {
          documentReference: link.documentReference,
          address: link.address,
          textToDisplay: link.textToDisplay,
        });
        // Excel shows textToDisplay as the cell's value, typed as text.
        if (link.textToDisplay !== undefined) {
          s.set(row, col, link.textToDisplay);
          s.formulas.delete(cellKey(row, col));
        }
      });
      if (link.textToDisplay !== undefined) this.context.sim.events.changed(this.sheet(), this.rect(), "addin");
    });
  }

  getCell(...[row, column]: Parameters<Excel.Range["getCell"]>): SimRange {
    return new SimRange(this.context, this.worksheet, () => {
      const r = this.rect();
      return { row: r.row + row, col: r.col + column, rows: 1, cols: 1 };
    });
  }

  getColumn(...[column]: Parameters<Excel.Range["getColumn"]>): SimRange {
    return new SimRange(this.context, this.worksheet, () => {
      const r = this.rect();
      return { row: r.row, col: r.col + column, rows: r.rows, cols: 1 };
    });
  }

  clear(...[applyTo]: Parameters<Excel.Range["clear"]>): void {
    this.queue("clear", 1, applyTo ?? "All", () => {
      const what = applyTo === "Contents" || applyTo === "Formats" ? applyTo : "All";
      this.sheet().clearRect(this.rect(), what);
      // Clearing contents changes values (an event); clearing formats only does not.
      if (what !== "Formats") this.context.sim.events.changed(this.sheet(), this.rect(), "addin");
    });
  }

  select(): void {
    this.queue("select", 1, null, () => this.context.sim.select(this.sheet(), this.rect()));
  }

  /** Helper for collections that take "A1" or a Range. */
  static resolveIn(
    context: SimRequestContext,
    arg: SimRange | string,
    defaultSheet: SimSheet | null,
  ): { sheet: SimSheet; rect: Rect } {
    if (typeof arg !== "string") return { sheet: arg.sheet(), rect: arg.rect() };
    const { sheet, rect } = parseRef(arg.replace(/\$/g, ""));
    if (sheet) return { sheet: context.sim.sheet(sheet), rect };
    if (!defaultSheet)
      throw new SimulatedOfficeError("InvalidArgument", `The address "${arg}" needs a sheet name here.`);
    return { sheet: defaultSheet, rect };
  }
}

/** A leaf object that writes one format field onto every cell of its range. */
abstract class SimRangeFormatPart extends SimObject {
  constructor(protected readonly range: SimRange) {
    super(range.context);
  }
  protected setOnCells(prop: string, api: number, value: unknown, patch: (f: CellFormatState) => void): void {
    this.write(prop, api, value, () => {
      const s = this.range.sheet();
      this.range.forEachCell((row, col) => {
        const k = cellKey(row, col);
        const f = s.formats.get(k) ?? {};
        patch(f);
        if (Object.values(f).every((x) => x === undefined)) s.formats.delete(k);
        else s.formats.set(k, f);
      });
    });
  }
  /** The common value of a field over the range, or null when the cells differ (as Office.js does). */
  protected common(read: (f: CellFormatState | undefined) => unknown): unknown {
    const s = this.range.sheet();
    let first: unknown;
    let seen = false;
    let mixed = false;
    this.range.forEachCell((row, col) => {
      const v = read(s.formats.get(cellKey(row, col)));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) mixed = true;
    });
    return mixed ? null : first;
  }
}

export class SimRangeFill extends SimRangeFormatPart implements Pick<Excel.RangeFill, "color"> {
  protected readonly objectName = "RangeFill";
  protected readonly scalarProps = ["color"] as const;
  protected snapshot(prop: string): unknown {
    if (prop !== "color") return this.unknownProp(prop);
    // Excel reports "#FFFFFF" for no fill.
    return this.common((f) => f?.fill ?? "#FFFFFF");
  }
  get color(): string {
    return this.prop("color");
  }
  set color(c: string) {
    this.setOnCells("color", 1, c, (f) => (f.fill = c.toUpperCase()));
  }
  clear(): void {
    this.setOnCells("clear", 1, null, (f) => (f.fill = undefined));
  }
}

export class SimRangeFont
  extends SimRangeFormatPart
  implements Pick<Excel.RangeFont, "bold" | "italic" | "color" | "size">
{
  protected readonly objectName = "RangeFont";
  protected readonly scalarProps = ["bold", "italic", "color", "size"] as const;
  protected snapshot(prop: string): unknown {
    if (prop === "bold") return this.common((f) => f?.bold ?? false);
    if (prop === "italic") return this.common((f) => f?.italic ?? false);
    if (prop === "color") return this.common((f) => f?.fontColor ?? "#000000");
    if (prop === "size") return this.common((f) => f?.fontSize ?? 11);
    return this.unknownProp(prop);
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(v: boolean) {
    this.setOnCells("bold", 1, v, (f) => (f.bold = v || undefined));
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(v: boolean) {
    this.setOnCells("italic", 1, v, (f) => (f.italic = v || undefined));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.setOnCells("color", 1, v, (f) => (f.fontColor = v.toUpperCase()));
  }
  get size(): number {
    return this.prop("size");
  }
  set size(v: number) {
    this.setOnCells("size", 1, v, (f) => (f.fontSize = v));
  }
}

export class SimRangeBorder extends SimRangeFormatPart implements Pick<Excel.RangeBorder, "style"> {
  protected readonly objectName = "RangeBorder";
  protected readonly scalarProps = ["style"] as const;
  constructor(
    range: SimRange,
    private readonly edge: string,
  ) {
    super(range);
  }
  protected snapshot(prop: string): unknown {
    return prop === "style" ? this.common((f) => f?.borderBottom ?? "None") : this.unknownProp(prop);
  }
  get style(): Excel.RangeBorder["style"] {
    return this.prop("style");
  }
  set style(v: Excel.RangeBorder["style"]) {
    if (this.edge !== "EdgeBottom")
      throw new SimulatedOfficeError(
        "InvalidArgument",
        `The simulation keeps only the bottom border, not ${this.edge}.`,
      );
    this.setOnCells("style", 1, v, (f) => (f.borderBottom = v === "None" ? undefined : String(v)));
  }
}

export class SimRangeFormat
  extends SimRangeFormatPart
  implements Pick<Excel.RangeFormat, "wrapText" | "columnWidth" | "horizontalAlignment" | "verticalAlignment">
{
  protected readonly objectName = "RangeFormat";
  protected readonly scalarProps = ["wrapText", "columnWidth", "horizontalAlignment", "verticalAlignment"] as const;
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;
  readonly borders: { getItem: (...args: Parameters<Excel.RangeBorderCollection["getItem"]>) => SimRangeBorder };

  constructor(range: SimRange) {
    super(range);
    this.fill = new SimRangeFill(range);
    this.font = new SimRangeFont(range);
    this.borders = { getItem: (index) => new SimRangeBorder(range, String(index)) };
  }
  protected snapshot(prop: string): unknown {
    switch (prop) {
      case "wrapText":
        return this.common((f) => f?.wrap ?? false);
      case "horizontalAlignment":
        return this.common((f) => f?.horizontal ?? "General");
      case "verticalAlignment":
        return this.common((f) => f?.vertical ?? "Bottom");
      case "columnWidth": {
        const r = this.range.rect();
        return this.range.sheet().columnWidths.get(r.col) ?? 48;
      }
      default:
        return this.unknownProp(prop);
    }
  }
  get wrapText(): boolean {
    return this.prop("wrapText");
  }
  set wrapText(v: boolean) {
    this.setOnCells("wrapText", 1, v, (f) => (f.wrap = v || undefined));
  }
  get horizontalAlignment():
    | Excel.HorizontalAlignment
    | "General"
    | "Left"
    | "Center"
    | "Right"
    | "Fill"
    | "Justify"
    | "CenterAcrossSelection"
    | "Distributed" {
    return this.prop("horizontalAlignment");
  }
  set horizontalAlignment(
    v:
      | Excel.HorizontalAlignment
      | "General"
      | "Left"
      | "Center"
      | "Right"
      | "Fill"
      | "Justify"
      | "CenterAcrossSelection"
      | "Distributed",
  ) {
    this.setOnCells("horizontalAlignment", 1, v, (f) => (f.horizontal = String(v)));
  }
  get verticalAlignment(): Excel.VerticalAlignment | "Center" | "Justify" | "Distributed" | "Top" | "Bottom" {
    return this.prop("verticalAlignment");
  }
  set verticalAlignment(v: Excel.VerticalAlignment | "Center" | "Justify" | "Distributed" | "Top" | "Bottom") {
    this.setOnCells("verticalAlignment", 1, v, (f) => (f.vertical = String(v)));
  }
  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", 2, points, () => {
      const r = this.range.rect();
      for (let c = r.col; c < r.col + r.cols; c++) this.range.sheet().columnWidths.set(c, points);
    });
  }
}

type ListRule = { list?: { inCellDropDown: boolean; source: string | Excel.Range } };

export class SimDataValidation extends SimObject implements Pick<Excel.DataValidation, "ignoreBlanks"> {
  protected readonly objectName = "DataValidation";
  protected readonly scalarProps = ["ignoreBlanks"] as const;
  private pending: { ignoreBlanks?: boolean; errorStyle?: string; errorMessage?: string; prompt?: string } = {};
  constructor(private readonly range: SimRange) {
    super(range.context);
  }
  protected snapshot(prop: string): unknown {
    if (prop !== "ignoreBlanks") return this.unknownProp(prop);
    const r = this.range.rect();
    return (
      this.range.sheet().validations.find((v) => v.rect.row === r.row && v.rect.col === r.col)?.ignoreBlanks ?? true
    );
  }
  get ignoreBlanks(): boolean {
    return this.prop("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.queue("ignoreBlanks", 8, v, () => {
      this.pending.ignoreBlanks = v;
      this.patchExisting();
    });
  }
  set rule(rule: ListRule) {
    this.queue("rule", 8, rule, () => {
      const list = rule.list;
      if (!list || typeof list.source !== "string")
        throw new SimulatedOfficeError("InvalidArgument", "The simulation keeps list rules with a text source only.");
      const s = this.range.sheet();
      const rect = this.range.rect();
      const clash = s.validations.find(
        (v) =>
          v.rect.row < rect.row + rect.rows &&
          rect.row < v.rect.row + v.rect.rows &&
          v.rect.col < rect.col + rect.cols &&
          rect.col < v.rect.col + v.rect.cols,
      );
      // Excel refuses a new rule over cells that already carry a different one: clear() first.
      if (clash)
        throw new SimulatedOfficeError(
          "InvalidOperation",
          `The range ${rectAddress(rect)} already has data validation; call dataValidation.clear() first.`,
        );
      s.validations.push({
        rect,
        source: list.source,
        inCellDropDown: list.inCellDropDown,
        ignoreBlanks: this.pending.ignoreBlanks ?? true,
        errorStyle: this.pending.errorStyle,
        errorMessage: this.pending.errorMessage,
        prompt: this.pending.prompt,
      });
    });
  }
  get rule(): Excel.DataValidationRule {
    return this.prop("rule");
  }
  set errorAlert(a: Partial<Excel.DataValidationErrorAlert>) {
    this.queue("errorAlert", 8, a, () => {
      this.pending.errorStyle = a.style ? String(a.style) : undefined;
      this.pending.errorMessage = a.message;
      this.patchExisting();
    });
  }
  set prompt(p: Partial<Excel.DataValidationPrompt>) {
    this.queue("prompt", 8, p, () => {
      this.pending.prompt = p.message;
      this.patchExisting();
    });
  }
  private patchExisting(): void {
    const r = this.range.rect();
    const v = this.range
      .sheet()
      .validations.find(
        (x) => x.rect.row === r.row && x.rect.col === r.col && x.rect.rows === r.rows && x.rect.cols === r.cols,
      );
    if (!v) return;
    if (this.pending.ignoreBlanks !== undefined) v.ignoreBlanks = this.pending.ignoreBlanks;
    if (this.pending.errorStyle !== undefined) v.errorStyle = this.pending.errorStyle;
    if (this.pending.errorMessage !== undefined) v.errorMessage = this.pending.errorMessage;
    if (this.pending.prompt !== undefined) v.prompt = this.pending.prompt;
  }
  clear(): void {
    this.queue("clear", 8, null, () => {
      const s = this.range.sheet();
      const r = this.range.rect();
      s.validations = s.validations.filter(
        (v) =>
          !(
            v.rect.row < r.row + r.rows &&
            r.row < v.rect.row + v.rect.rows &&
            v.rect.col < r.col + r.cols &&
            r.col < v.rect.col + v.rect.cols
          ),
      );
    });
  }
}

/** ConditionalFormat.custom: { rule: { formula }, format: { fill: { color }, font: { bold, color } } }. */
export class SimConditionalFormat {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { bold: boolean; color: string } };
  };
  constructor(range: SimRange, index: () => number) {
    const entry = () => {
      const e = range.sheet().conditionalFormats[index()];
      if (!e) throw new SimulatedOfficeError("ItemNotFound", "The conditional format does not exist.");
      return e;
    };
    const q = (label: string, v: unknown, fn: () => void) =>
      range.context.enqueue({
        label: `ConditionalFormat.${label}`,
        api: 6,
        bytes: JSON.stringify(v ?? null).length + label.length,
        run: fn,
      });
    this.custom = {
      rule: {
        set formula(f: string) {
          q("formula", f, () => (entry().formula = f));
        },
        get formula(): string {
          throw new SimulatedOfficeError(
            "PropertyNotLoaded",
            "ConditionalFormat rule formula is write-only in the simulation.",
          );
        },
      },
      format: {
        fill: {
          set color(c: string) {
            q("fill.color", c, () => (entry().fill = c.toUpperCase()));
          },
          get color(): string {
            throw new SimulatedOfficeError("PropertyNotLoaded", "write-only in the simulation");
          },
        },
        font: {
          set bold(b: boolean) {
            q("font.bold", b, () => (entry().bold = b));
          },
          get bold(): boolean {
            throw new SimulatedOfficeError("PropertyNotLoaded", "write-only in the simulation");
          },
          set color(c: string) {
            q("font.color", c, () => (entry().fontColor = c.toUpperCase()));
          },
          get color(): string {
            throw new SimulatedOfficeError("PropertyNotLoaded", "write-only in the simulation");
          },
        },
      },
    };
  }
}

export class SimConditionalFormatCollection {
  constructor(private readonly range: SimRange) {}
  add(...[type]: Parameters<Excel.ConditionalFormatCollection["add"]>): SimConditionalFormat {
    let index = -1;
    this.range.context.enqueue({
      label: "ConditionalFormatCollection.add",
      api: 6,
      bytes: JSON.stringify(type).length,
      run: () => {
        if (type !== "Custom")
          throw new SimulatedOfficeError("InvalidArgument", "The simulation keeps Custom conditional formats only.");
        const list = this.range.sheet().conditionalFormats;
        list.push({ rect: this.range.rect(), formula: "" });
        index = list.length - 1;
      },
    });
    return new SimConditionalFormat(this.range, () => index);
  }
  clearAll(): void {
    this.range.context.enqueue({
      label: "ConditionalFormatCollection.clearAll",
      api: 6,
      bytes: 10,
      run: () => {
        const s = this.range.sheet();
        const r = this.range.rect();
        s.conditionalFormats = s.conditionalFormats.filter(
          (c) =>
            !(
              c.rect.row < r.row + r.rows &&
              r.row < c.rect.row + c.rect.rows &&
              c.rect.col < r.col + r.cols &&
              r.col < c.rect.col + c.rect.cols
            ),
        );
      },
    });
  }
}
