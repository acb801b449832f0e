/** Simulated Excel.Worksheet and Excel.WorksheetCollection. */
import { SimObject } from "./base";
import type { SimRequestContext } from "./context";
import { parseRef } from "../a1";
import { SimulatedOfficeError } from "./errors";
import { SimEventHandlers } from "./events";
import { SimRange } from "./range";
import type { SimSheet } from "./state";
import { SimChartCollection, SimNoteCollection, SimPivotTableCollection, SimTableCollection } from "./collections";

type WorksheetData = Pick<Excel.Worksheet, "name" | "position" | "visibility" | "tabColor">;

export class SimWorksheet extends SimObject implements WorksheetData {
  protected readonly objectName = "Worksheet";
  protected readonly scalarProps = ["name", "position", "visibility", "tabColor"] as const;
  private resolved: SimSheet | null | undefined;
  readonly tables: SimTableCollection;
  readonly notes: SimNoteCollection;
  readonly pivotTables: SimPivotTableCollection;
  readonly charts: SimChartCollection;
  readonly freezePanes: {
    freezeRows: (...a: Parameters<Excel.WorksheetFreezePanes["freezeRows"]>) => void;
    freezeAt: (...a: Parameters<Excel.WorksheetFreezePanes["freezeAt"]>) => void;
    unfreeze: () => void;
  };
  readonly protection: SimWorksheetProtection;

  /** `find` runs at sync time and returns the sheet or null. */
  constructor(
    context: SimRequestContext,
    private readonly find: () => SimSheet | null,
    nullable: boolean,
  ) {
    super(context);
    this.queue("locate", 1, null, () => {
      if (!this.locateOnce() && !nullable)
        throw new SimulatedOfficeError("ItemNotFound", "The requested worksheet does not exist.");
    });
    if (nullable) this.settle();
    this.tables = new SimTableCollection(context, this);
    this.notes = new SimNoteCollection(context, this);
    this.pivotTables = new SimPivotTableCollection(context, this);
    this.charts = new SimChartCollection(context, this);
    this.protection = new SimWorksheetProtection(this);
    this.freezePanes = {
      freezeRows: (count) =>
        this.queue("freezeRows", 7, count, () => (this.state().freeze = { rows: count ?? 1, cols: 0 })),
      freezeAt: (at) =>
        this.queue("freezeAt", 7, typeof at === "string" ? at : "range", () => {
          const rect = typeof at === "string" ? parseRef(at).rect : (at as unknown as SimRange).rect();
          this.state().freeze = { rows: rect.row + rect.rows - 1, cols: rect.col + rect.cols - 1 };
        }),
      unfreeze: () => this.queue("unfreeze", 7, null, () => (this.state().freeze = null)),
    };
  }

  private locateOnce(): SimSheet | null {
    if (this.resolved === undefined) this.resolved = this.find();
    return this.resolved;
  }
  protected override exists(): boolean {
    return this.locateOnce() !== null;
  }
  state(): SimSheet {
    const s = this.locateOnce();
    if (!s || !this.context.sim.sheets.includes(s))
      throw new SimulatedOfficeError("ItemNotFound", "The worksheet does not exist.");
    return s;
  }

  protected snapshot(prop: string): unknown {
    const s = this.state();
    switch (prop) {
      case "name":
        return s.name;
      case "position":
        return this.context.sim.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "id":
        return s.id;
      default:
        return this.unknownProp(prop);
    }
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queue("name", 1, v, () => (this.state().name = v));
  }
  get position(): number {
    return this.prop("position");
  }
  set position(p: number) {
    this.queue("position", 1, p, () => {
      const list = this.context.sim.sheets;
      const s = this.state();
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, s);
    });
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.prop("visibility");
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.queue("visibility", 1, v, () => {
      const s = this.state();
      if (
        v !== "Visible" &&
        this.context.sim.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
      ) {
        throw new SimulatedOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = v as SimSheet["visibility"];
    });
  }
  get tabColor(): string {
    return this.prop("tabColor");
  }
  set tabColor(c: string) {
    this.queue("tabColor", 7, c, () => (this.state().tabColor = c));
  }

  getRange(...[address]: Parameters<Excel.Worksheet["getRange"]>): SimRange {
    return new SimRange(this.context, this, () =>
      address ? parseRef(address.replace(/\$/g, "")).rect : { row: 1, col: 1, rows: 1048576, cols: 16384 },
    );
  }
  getRangeByIndexes(
    ...[startRow, startColumn, rowCount, columnCount]: Parameters<Excel.Worksheet["getRangeByIndexes"]>
  ): SimRange {
    this.queue("getRangeByIndexes", 7, [startRow, startColumn, rowCount, columnCount], () => undefined);
    return new SimRange(this.context, this, () => ({
      row: startRow + 1,
      col: startColumn + 1,
      rows: rowCount,
      cols: columnCount,
    }));
  }
  getUsedRange(...[valuesOnly]: Parameters<Excel.Worksheet["getUsedRange"]>): SimRange {
    // Office.js: an empty sheet's used range is A1.
    return new SimRange(
      this.context,
      this,
      () => this.state().usedRect(valuesOnly ?? false) ?? { row: 1, col: 1, rows: 1, cols: 1 },
    );
  }
  getUsedRangeOrNullObject(...[valuesOnly]: Parameters<Excel.Worksheet["getUsedRangeOrNullObject"]>): SimRange {
    this.queue("getUsedRangeOrNullObject", 4, valuesOnly ?? false, () => undefined);
    // On a null worksheet the used range is a null object too.
    return new SimRange(this.context, this, () => this.locateOnce()?.usedRect(valuesOnly ?? false) ?? null, true);
  }
  activate(): void {
    this.queue("activate", 1, null, () => this.context.sim.activate(this.state()));
  }
  /** ExcelApi 1.7: raised after every change of values or formulas on this sheet (events.ts). */
  get onChanged(): SimEventHandlers<Excel.WorksheetChangedEventArgs> {
    return new SimEventHandlers(this.context, "Worksheet.onChanged", 7, () => this.state());
  }
  delete(): void {
    this.queue("delete", 1, null, () => {
      const sim = this.context.sim;
      const s = this.state();
      if (sim.sheets.length === 1)
        throw new SimulatedOfficeError("InvalidOperation", "A workbook must contain at least one sheet.");
      sim.sheets.splice(sim.sheets.indexOf(s), 1);
      for (const [k, t] of sim.tables) if (t.sheet === s.name) sim.tables.delete(k);
      for (const [k, p] of sim.pivots) if (p.sheet === s.name) sim.pivots.delete(k);
      for (const [k, c] of sim.charts) if (c.sheet === s.name) sim.charts.delete(k);
    });
  }
}

export class SimWorksheetProtection extends SimObject implements Pick<Excel.WorksheetProtection, "protected"> {
  protected readonly objectName = "WorksheetProtection";
  protected readonly scalarProps = ["protected"] as const;
  constructor(private readonly ws: SimWorksheet) {
    super(ws.context);
  }
  protected snapshot(prop: string): unknown {
    return prop === "protected" ? this.ws.state().protected : this.unknownProp(prop);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  protect(...[options]: Parameters<Excel.WorksheetProtection["protect"]>): void {
    this.queue("protect", 2, options ?? null, () => {
      const s = this.ws.state();
      if (s.protected)
        throw new SimulatedOfficeError("InvalidOperation", `The sheet "${s.name}" is already protected.`);
      s.protected = true;
    });
  }
  unprotect(): void {
    this.queue("unprotect", 2, null, () => (this.ws.state().protected = false));
  }
}

export class SimWorksheetCollection extends SimObject {
  protected readonly objectName = "WorksheetCollection";
  protected readonly scalarProps = ["items"] as const;
  private itemProxies: SimWorksheet[] | undefined;

  protected snapshot(prop: string): unknown {
    if (prop !== "items" && prop !== "items/name" && prop !== "name") return this.unknownProp(prop);
    const sheets = [...this.context.sim.sheets];
    return sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      position: this.context.sim.sheets.indexOf(s),
    }));
  }
  override load(arg?: Parameters<SimObject["load"]>[0]): this {
    void arg; // Collections load their items; the item properties asked for are all kept.
    super.load("items");
    this.queueRead("items", 1, null, () => {
      const sheets = [...this.context.sim.sheets];
      return {
        commit: () =>
          (this.itemProxies = sheets.map((s) => {
            const ws = new SimWorksheet(this.context, () => s, false);
            ws.acceptLoaded({ name: s.name, visibility: s.visibility, position: this.context.sim.sheets.indexOf(s) });
            return ws;
          })),
      };
    });
    return this;
  }
  get items(): SimWorksheet[] {
    if (!this.itemProxies) return this.prop("items");
    return this.itemProxies;
  }
  /** ExcelApi 1.9: raised after a change of values or formulas on any sheet. */
  get onChanged(): SimEventHandlers<Excel.WorksheetChangedEventArgs> {
    return new SimEventHandlers(this.context, "WorksheetCollection.onChanged", 9, () => null);
  }
  /** The sheet Excel shows (the active one). */
  getActiveWorksheet(): SimWorksheet {
    this.queue("getActiveWorksheet", 1, null, () => undefined);
    return new SimWorksheet(this.context, () => this.context.sim.shownSheet() ?? null, false);
  }
  getItem(...[key]: Parameters<Excel.WorksheetCollection["getItem"]>): SimWorksheet {
    this.queue("getItem", 1, key, () => undefined);
    return new SimWorksheet(this.context, () => this.context.sim.findSheet(key) ?? null, false);
  }
  getItemOrNullObject(...[key]: Parameters<Excel.WorksheetCollection["getItemOrNullObject"]>): SimWorksheet {
    this.queue("getItemOrNullObject", 4, key, () => undefined);
    return new SimWorksheet(this.context, () => this.context.sim.findSheet(key) ?? null, true);
  }
  add(...[name]: Parameters<Excel.WorksheetCollection["add"]>): SimWorksheet {
    let created: SimSheet | null = null;
    this.queue("add", 1, name ?? null, () => {
      created = this.context.sim.addSheet(name ?? `Sheet${this.context.sim.sheets.length + 1}`);
    });
    return new SimWorksheet(this.context, () => created, false);
  }
}
