/**
 * Simulated tables, defined names, notes (ExcelApi 1.18), PivotTables (1.8) and charts: just what the
 * adapter calls, each call tagged with the requirement set it needs so that a host below it fails
 * with ApiNotFound, as Excel would.
 */
import { SimObject } from "./base";
import type { SimRequestContext } from "./context";
import { cellKey, intersects, parseRef, quoteSheet, rectAddress, type Rect } from "../a1";
import { SimulatedOfficeError } from "./errors";
import { SimRange } from "./range";
import type { SimSheet, TableState } from "./state";
import type { SimWorksheet } from "./worksheet";

function rangeArg(context: SimRequestContext, arg: unknown, ws: SimWorksheet | null): { sheet: SimSheet; rect: Rect } {
  if (arg instanceof SimRange) return { sheet: arg.sheet(), rect: arg.rect() };
  if (typeof arg !== "string") throw new SimulatedOfficeError("InvalidArgument", "Expected a Range or an address.");
  return SimRange.resolveIn(context, arg, ws ? ws.state() : null);
}

// ---------------- tables ----------------

export class SimTable extends SimObject implements Pick<Excel.Table, "name" | "style"> {
  protected readonly objectName = "Table";
  protected readonly scalarProps = ["name", "style"] as const;
  constructor(
    context: SimRequestContext,
    private readonly find: () => TableState | null,
    nullable: boolean,
  ) {
    super(context);
    this.queue("locate", 1, null, () => {
      if (!find() && !nullable) throw new SimulatedOfficeError("ItemNotFound", "The requested table does not exist.");
    });
    if (nullable) this.settle();
  }
  protected override exists(): boolean {
    return this.find() !== null;
  }
  private state(): TableState {
    const t = this.find();
    if (!t) throw new SimulatedOfficeError("ItemNotFound", "The table does not exist.");
    return t;
  }
  protected snapshot(prop: string): unknown {
    if (prop === "name") return this.state().name;
    if (prop === "style") return this.state().style;
    return this.unknownProp(prop);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queue("name", 1, v, () => {
      const t = this.state();
      const tables = this.context.sim.tables;
      const other = tables.get(v.toLowerCase());
      if (other && other !== t)
        throw new SimulatedOfficeError("ItemAlreadyExists", `A table named "${v}" already exists.`);
      tables.delete(t.name.toLowerCase());
      t.name = v;
      tables.set(v.toLowerCase(), t);
    });
  }
  get style(): string {
    return this.prop("style");
  }
  set style(v: string) {
    this.queue("style", 1, v, () => (this.state().style = v));
  }
  /** The table's name when the queued call runs (PivotTable sources). */
  nameAtSync(): string {
    return this.state().name;
  }
  getRange(): SimRange {
    const ws = this.context.workbook.worksheets.getItem(this.find()?.sheet ?? "");
    return new SimRange(this.context, ws, () => this.state().rect);
  }
  /** ExcelApi 1.13. Headers stay where they are; the new range must overlap the old one's header row. */
  resize(...[newRange]: Parameters<Excel.Table["resize"]>): void {
    this.queue("resize", 13, typeof newRange === "string" ? newRange : "range", () => {
      const t = this.state();
      const { rect } =
        newRange instanceof SimRange
          ? { rect: newRange.rect() }
          : SimRange.resolveIn(this.context, String(newRange), this.context.sim.sheet(t.sheet));
      if (rect.row !== t.rect.row)
        throw new SimulatedOfficeError(
          "InvalidArgument",
          "A table's header row must stay in place when it is resized.",
        );
      t.rect = rect;
      fixHeaders(this.context.sim.sheet(t.sheet), rect);
    });
  }
  convertToRange(): SimRange {
    const ws = this.context.workbook.worksheets.getItem(this.find()?.sheet ?? "");
    let rect: Rect | null = null;
    this.queue("convertToRange", 2, null, () => {
      const t = this.state();
      rect = t.rect;
      this.context.sim.tables.delete(t.name.toLowerCase());
    });
    return new SimRange(this.context, ws, () => rect);
  }
  delete(): void {
    this.queue("delete", 1, null, () => {
      const t = this.state();
      this.context.sim.sheet(t.sheet).clearRect(t.rect, "All");
      this.context.sim.tables.delete(t.name.toLowerCase());
    });
  }
}

/** Excel gives every table column a unique, non-empty header text, writing "Column1" where needed. */
function fixHeaders(sheet: SimSheet, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = rect.col; c < rect.col + rect.cols; c++) {
    let h = sheet.get(rect.row, c);
    let text = h === null ? "" : typeof h === "object" ? h.error : String(h);
    if (text === "") text = `Column${c - rect.col + 1}`;
    let unique = text;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${text}${n}`;
    seen.add(unique.toLowerCase());
    if (unique !== h) {
      h = unique;
      sheet.set(rect.row, c, unique);
      sheet.formulas.delete(cellKey(rect.row, c));
    }
  }
}

export class SimTableCollection extends SimObject {
  protected readonly objectName = "TableCollection";
  protected readonly scalarProps = ["items"] as const;
  private itemProxies: SimTable[] | undefined;
  constructor(
    context: SimRequestContext,
    private readonly ws: SimWorksheet | null,
  ) {
    super(context);
  }
  private list(): TableState[] {
    const all = [...this.context.sim.tables.values()];
    return this.ws ? all.filter((t) => t.sheet === this.ws!.state().name) : all;
  }
  protected snapshot(prop: string): unknown {
    if (prop !== "items" && prop !== "items/name" && prop !== "name") return this.unknownProp(prop);
    return this.list().map((t) => ({ name: t.name }));
  }
  override load(arg?: Parameters<SimObject["load"]>[0]): this {
    void arg; // Collections load their items; the item properties asked for are all kept.
    super.load("items");
    this.queueRead("items", 1, null, () => {
      const list = this.list();
      return {
        commit: () =>
          (this.itemProxies = list.map((t) => {
            const p = new SimTable(
              this.context,
              () => (this.context.sim.tables.get(t.name.toLowerCase()) === t ? t : null),
              false,
            );
            p.acceptLoaded({ name: t.name, style: t.style });
            return p;
          })),
      };
    });
    return this;
  }
  get items(): SimTable[] {
    return this.itemProxies ?? this.prop("items");
  }
  add(...[address, hasHeaders]: Parameters<Excel.TableCollection["add"]>): SimTable {
    let created: TableState | null = null;
    this.queue("add", 1, [typeof address === "string" ? address : "range", hasHeaders], () => {
      const { sheet, rect } = rangeArg(this.context, address, this.ws);
      if (!hasHeaders)
        throw new SimulatedOfficeError("InvalidArgument", "The simulation keeps tables with headers only.");
      for (const t of this.context.sim.tables.values()) {
        if (t.sheet === sheet.name && intersects(t.rect, rect))
          throw new SimulatedOfficeError("InvalidOperation", `A table can't overlap another table (${t.name}).`);
      }
      fixHeaders(sheet, rect);
      let n = this.context.sim.tables.size + 1;
      while (this.context.sim.tables.has(`table${n}`)) n++;
      created = { name: `Table${n}`, sheet: sheet.name, rect, style: "TableStyleMedium2" };
      this.context.sim.tables.set(created.name.toLowerCase(), created);
    });
    return new SimTable(this.context, () => created, false);
  }
  getItem(...[key]: Parameters<Excel.TableCollection["getItem"]>): SimTable {
    return new SimTable(this.context, () => this.context.sim.tables.get(key.toLowerCase()) ?? null, false);
  }
  getItemOrNullObject(...[key]: Parameters<Excel.TableCollection["getItemOrNullObject"]>): SimTable {
    this.queue("getItemOrNullObject", 4, key, () => undefined);
    return new SimTable(this.context, () => this.context.sim.tables.get(key.toLowerCase()) ?? null, true);
  }
}

// ---------------- names ----------------

export class SimNamedItem extends SimObject implements Pick<Excel.NamedItem, "name" | "formula"> {
  protected readonly objectName = "NamedItem";
  protected readonly scalarProps = ["name", "formula"] as const;
  constructor(
    context: SimRequestContext,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(context);
    this.queue("locate", 1, key, () => {
      if (!nullable && !context.sim.names.has(key.toUpperCase()))
        throw new SimulatedOfficeError("ItemNotFound", `The name "${key}" does not exist.`);
    });
    if (nullable) this.settle();
  }
  protected override exists(): boolean {
    return this.context.sim.names.has(this.key.toUpperCase());
  }
  protected snapshot(prop: string): unknown {
    const n = this.context.sim.names.get(this.key.toUpperCase());
    if (prop === "name") return n?.name;
    if (prop === "formula") return n?.formula;
    return this.unknownProp(prop);
  }
  get name(): string {
    return this.prop("name");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Office.js typings declare any
  get formula(): any {
    return this.prop("formula");
  }
  delete(): void {
    this.queue("delete", 4, null, () => {
      if (!this.context.sim.names.delete(this.key.toUpperCase()))
        throw new SimulatedOfficeError("ItemNotFound", `The name "${this.key}" does not exist.`);
    });
  }
}

export class SimNamedItemCollection extends SimObject {
  protected readonly objectName = "NamedItemCollection";
  protected readonly scalarProps = ["items"] as const;
  private itemProxies: SimNamedItem[] | undefined;
  protected snapshot(prop: string): unknown {
    if (prop !== "items" && prop !== "items/name" && prop !== "name") return this.unknownProp(prop);
    return [...this.context.sim.names.values()].map((n) => ({ name: n.name, formula: n.formula }));
  }
  override load(arg?: Parameters<SimObject["load"]>[0]): this {
    void arg; // Collections load their items; the item properties asked for are all kept.
    super.load("items");
    this.queueRead("items", 1, null, () => {
      const list = [...this.context.sim.names.values()];
      return {
        commit: () =>
          (this.itemProxies = list.map((n) => {
            const p = new SimNamedItem(this.context, n.name, true);
            p.acceptLoaded({ name: n.name, formula: n.formula });
            return p;
          })),
      };
    });
    return this;
  }
  get items(): SimNamedItem[] {
    return this.itemProxies ?? this.prop("items");
  }
  add(...[name, reference]: Parameters<Excel.NamedItemCollection["add"]>): SimNamedItem {
    this.queue("add", 4, [name, typeof reference === "string" ? reference : "range"], () => {
      const names = this.context.sim.names;
      if (names.has(name.toUpperCase()))
        throw new SimulatedOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new SimulatedOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
      const { sheet, rect } = rangeArg(
        this.context,
        typeof reference === "string" ? reference.replace(/^=/, "") : reference,
        null,
      );
      const abs = rectAddress(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      names.set(name.toUpperCase(), { name, formula: `=${quoteSheet(sheet.name)}!${abs}` });
    });
    return new SimNamedItem(this.context, name, false);
  }
  getItem(...[name]: Parameters<Excel.NamedItemCollection["getItem"]>): SimNamedItem {
    return new SimNamedItem(this.context, name, false);
  }
  getItemOrNullObject(...[name]: Parameters<Excel.NamedItemCollection["getItemOrNullObject"]>): SimNamedItem {
    return new SimNamedItem(this.context, name, true);
  }
}

// ---------------- notes (ExcelApi 1.18) ----------------

export class SimNote extends SimObject implements Pick<Excel.Note, "content" | "authorName"> {
  protected readonly objectName = "Note";
  protected readonly scalarProps = ["content", "authorName"] as const;
  constructor(
    context: SimRequestContext,
    private readonly at: () => { sheet: SimSheet; key: number } | null,
    nullable: boolean,
  ) {
    super(context);
    this.queue("locate", 18, null, () => {
      if (!nullable && !this.exists()) throw new SimulatedOfficeError("ItemNotFound", "There is no note on that cell.");
    });
    if (nullable) this.settle();
  }
  protected override exists(): boolean {
    const a = this.at();
    return !!a && a.sheet.notes.has(a.key);
  }
  private state(): { content: string; authorName: string } {
    const a = this.at();
    const n = a && a.sheet.notes.get(a.key);
    if (!n) throw new SimulatedOfficeError("ItemNotFound", "There is no note on that cell.");
    return n;
  }
  protected snapshot(prop: string): unknown {
    if (prop === "content") return this.state().content;
    if (prop === "authorName") return this.state().authorName;
    return this.unknownProp(prop);
  }
  get content(): string {
    return this.prop("content");
  }
  set content(v: string) {
    this.queue("content", 18, v, () => (this.state().content = v));
  }
  get authorName(): string {
    return this.prop("authorName");
  }
  delete(): void {
    this.queue("delete", 18, null, () => {
      const a = this.at();
      if (!a || !a.sheet.notes.delete(a.key))
        throw new SimulatedOfficeError("ItemNotFound", "There is no note on that cell.");
    });
  }
}

export class SimNoteCollection extends SimObject {
  protected readonly objectName = "NoteCollection";
  protected readonly scalarProps = ["items"] as const;
  private itemProxies: SimNote[] | undefined;
  constructor(
    context: SimRequestContext,
    private readonly ws: SimWorksheet | null,
  ) {
    super(context);
  }
  private locate(address: string): { sheet: SimSheet; key: number } {
    const { sheet, rect } = SimRange.resolveIn(this.context, address, this.ws ? this.ws.state() : null);
    if (rect.rows !== 1 || rect.cols !== 1)
      throw new SimulatedOfficeError("InvalidArgument", `InvalidCellAddress: a note goes on one cell, not ${address}.`);
    return { sheet, key: cellKey(rect.row, rect.col) };
  }
  private all(): { sheet: SimSheet; key: number }[] {
    const sheets = this.ws ? [this.ws.state()] : this.context.sim.sheets;
    return sheets.flatMap((sheet) => [...sheet.notes.keys()].map((key) => ({ sheet, key })));
  }
  protected snapshot(prop: string): unknown {
    if (prop !== "items" && prop !== "items/content") return this.unknownProp(prop);
    return this.all().map((a) => ({ content: a.sheet.notes.get(a.key)?.content }));
  }
  override load(arg?: Parameters<SimObject["load"]>[0]): this {
    this.queue("api", 18, null, () => undefined);
    void arg; // Collections load their items; the item properties asked for are all kept.
    super.load("items");
    this.queueRead("items", 18, null, () => {
      const list = this.all();
      return {
        commit: () =>
          (this.itemProxies = list.map((a) => {
            const p = new SimNote(this.context, () => a, true);
            p.acceptLoaded({
              content: a.sheet.notes.get(a.key)?.content,
              authorName: a.sheet.notes.get(a.key)?.authorName,
            });
            return p;
          })),
      };
    });
    return this;
  }
  get items(): SimNote[] {
    return this.itemProxies ?? this.prop("items");
  }
  add(...[cellAddress, content]: Parameters<Excel.NoteCollection["add"]>): SimNote {
    let at: { sheet: SimSheet; key: number } | null = null;
    this.queue("add", 18, [typeof cellAddress === "string" ? cellAddress : "range", content], () => {
      at =
        cellAddress instanceof SimRange
          ? { sheet: cellAddress.sheet(), key: cellKey(cellAddress.rect().row, cellAddress.rect().col) }
          : this.locate(String(cellAddress));
      if (at.sheet.notes.has(at.key))
        throw new SimulatedOfficeError("InvalidOperation", "The cell already has a note.");
      at.sheet.notes.set(at.key, { content: String(content), authorName: this.context.sim.author });
    });
    return new SimNote(this.context, () => at, false);
  }
  getItem(...[key]: Parameters<Excel.NoteCollection["getItem"]>): SimNote {
    return new SimNote(this.context, () => this.locate(key), false);
  }
  getItemOrNullObject(...[key]: Parameters<Excel.NoteCollection["getItemOrNullObject"]>): SimNote {
    return new SimNote(this.context, () => this.locate(key), true);
  }
}

// ---------------- PivotTables (ExcelApi 1.8) ----------------

interface PivotBuild {
  name: string;
}

export class SimPivotHierarchy {
  constructor(
    readonly pivot: SimPivotTable,
    readonly field: string,
  ) {}
}

export class SimDataPivotHierarchy {
  constructor(
    private readonly pivot: SimPivotTable,
    private readonly index: () => number,
  ) {}
  set summarizeBy(
    v:
      | Excel.AggregationFunction
      | "Unknown"
      | "Automatic"
      | "Sum"
      | "Count"
      | "Average"
      | "Max"
      | "Min"
      | "Product"
      | "CountNumbers"
      | "StandardDeviation"
      | "StandardDeviationP"
      | "Variance"
      | "VarianceP",
  ) {
    this.pivot.context.enqueue({
      label: "DataPivotHierarchy.summarizeBy",
      api: 8,
      bytes: 20,
      run: () => {
        const d = this.pivot.state().values[this.index()]!;
        // Excel renames a default-named data field after its new summary ("Count of ID").
        if (d.name === `${d.summarizeBy} of ${d.field}`) d.name = `${String(v)} of ${d.field}`;
        d.summarizeBy = String(v);
      },
    });
  }
  set name(v: string) {
    this.pivot.context.enqueue({
      label: "DataPivotHierarchy.name",
      api: 8,
      bytes: v.length + 10,
      run: () => (this.pivot.state().values[this.index()]!.name = v),
    });
  }
}

export class SimPivotTable extends SimObject implements Pick<Excel.PivotTable, "name"> {
  protected readonly objectName = "PivotTable";
  protected readonly scalarProps = ["name"] as const;
  readonly hierarchies: { getItem: (name: string) => SimPivotHierarchy };
  readonly rowHierarchies: { add: (h: SimPivotHierarchy) => SimPivotHierarchy };
  readonly columnHierarchies: { add: (h: SimPivotHierarchy) => SimPivotHierarchy };
  readonly dataHierarchies: { add: (h: SimPivotHierarchy) => SimDataPivotHierarchy };

  constructor(
    context: SimRequestContext,
    private readonly build: PivotBuild,
    nullable: boolean,
  ) {
    super(context);
    this.queue("locate", 8, null, () => {
      if (!nullable && !this.exists())
        throw new SimulatedOfficeError("ItemNotFound", `The PivotTable "${build.name}" does not exist.`);
    });
    if (nullable) this.settle();
    const checkField = (field: string): void => {
      const p = this.state();
      const t = context.sim.tables.get(p.source.toLowerCase());
      if (!t) return;
      const sheet = context.sim.sheet(t.sheet);
      const headers: string[] = [];
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) headers.push(String(sheet.get(t.rect.row, c)));
      if (!headers.includes(field))
        throw new SimulatedOfficeError("ItemNotFound", `The PivotTable source has no field "${field}".`);
    };
    const add = (label: string, list: "rows" | "columns") => (h: SimPivotHierarchy) => {
      context.enqueue({
        label: `PivotTable.${label}.add`,
        api: 8,
        bytes: h.field.length + 20,
        run: () => (checkField(h.field), this.state()[list].push(h.field)),
      });
      return h;
    };
    this.hierarchies = { getItem: (name) => new SimPivotHierarchy(this, name) };
    this.rowHierarchies = { add: add("rowHierarchies", "rows") };
    this.columnHierarchies = { add: add("columnHierarchies", "columns") };
    this.dataHierarchies = {
      add: (h) => {
        let index = -1;
        context.enqueue({
          label: "PivotTable.dataHierarchies.add",
          api: 8,
          bytes: h.field.length + 20,
          run: () => {
            checkField(h.field);
            const v = this.state().values;
            v.push({ field: h.field, summarizeBy: "Sum", name: `Sum of ${h.field}` });
            index = v.length - 1;
          },
        });
        return new SimDataPivotHierarchy(this, () => index);
      },
    };
  }
  protected override exists(): boolean {
    return this.context.sim.pivots.has(this.build.name.toLowerCase());
  }
  state() {
    const p = this.context.sim.pivots.get(this.build.name.toLowerCase());
    if (!p) throw new SimulatedOfficeError("ItemNotFound", `The PivotTable "${this.build.name}" does not exist.`);
    return p;
  }
  protected snapshot(prop: string): unknown {
    return prop === "name" ? this.state().name : this.unknownProp(prop);
  }
  get name(): string {
    return this.prop("name");
  }
  delete(): void {
    this.queue("delete", 8, null, () => {
      this.state();
      this.context.sim.pivots.delete(this.build.name.toLowerCase());
    });
  }
}

export class SimPivotTableCollection {
  constructor(
    readonly context: SimRequestContext,
    private readonly ws: SimWorksheet | null,
  ) {}
  add(...[name, source, destination]: Parameters<Excel.PivotTableCollection["add"]>): SimPivotTable {
    this.context.enqueue({
      label: "PivotTableCollection.add",
      api: 8,
      bytes: JSON.stringify([
        name,
        typeof source === "string" ? source : "object",
        typeof destination === "string" ? destination : "range",
      ]).length,
      run: () => {
        const sim = this.context.sim;
        if (sim.pivots.has(name.toLowerCase()))
          throw new SimulatedOfficeError("ItemAlreadyExists", `A PivotTable named "${name}" already exists.`);
        const src =
          typeof source === "string"
            ? source
            : source instanceof SimTable
              ? (source as SimTable).nameAtSync()
              : "range";
        if (!sim.tables.has(src.toLowerCase()))
          throw new SimulatedOfficeError("InvalidArgument", `The PivotTable source "${src}" is not a table.`);
        const dest = rangeArg(this.context, destination, this.ws);
        sim.pivots.set(name.toLowerCase(), {
          name,
          sheet: dest.sheet.name,
          at: rectAddress(dest.rect),
          source: src,
          rows: [],
          columns: [],
          values: [],
        });
      },
    });
    return new SimPivotTable(this.context, { name }, false);
  }
  getItem(...[name]: Parameters<Excel.PivotTableCollection["getItem"]>): SimPivotTable {
    return new SimPivotTable(this.context, { name }, false);
  }
  getItemOrNullObject(...[name]: Parameters<Excel.PivotTableCollection["getItemOrNullObject"]>): SimPivotTable {
    return new SimPivotTable(this.context, { name }, true);
  }
}

// ---------------- charts ----------------

export class SimChart extends SimObject implements Pick<Excel.Chart, "name"> {
  protected readonly objectName = "Chart";
  protected readonly scalarProps = ["name"] as const;
  readonly title: { text: string };
  constructor(
    context: SimRequestContext,
    private key: () => string | null,
    nullable: boolean,
  ) {
    super(context);
    this.queue("locate", 1, null, () => {
      if (!nullable && !this.exists()) throw new SimulatedOfficeError("ItemNotFound", "The chart does not exist.");
    });
    if (nullable) this.settle();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the title object's setter needs the chart
    const self = this;
    this.title = {
      set text(v: string) {
        self.queue("title.text", 1, v, () => (self.state().title = v));
      },
      get text(): string {
        throw new SimulatedOfficeError("PropertyNotLoaded", "Chart title text is write-only in the simulation.");
      },
    };
  }
  protected override exists(): boolean {
    const k = this.key();
    return k !== null && this.context.sim.charts.has(k);
  }
  private state() {
    const k = this.key();
    const c = k === null ? undefined : this.context.sim.charts.get(k);
    if (!c) throw new SimulatedOfficeError("ItemNotFound", "The chart does not exist.");
    return c;
  }
  protected snapshot(prop: string): unknown {
    return prop === "name" ? this.state().name : this.unknownProp(prop);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queue("name", 1, v, () => {
      const c = this.state();
      this.context.sim.charts.delete(c.name.toLowerCase());
      c.name = v;
      this.context.sim.charts.set(v.toLowerCase(), c);
      const prev = this.key;
      this.key = () => (prev() === null ? null : v.toLowerCase());
    });
  }
  setPosition(...[startCell]: Parameters<Excel.Chart["setPosition"]>): void {
    this.queue("setPosition", 1, typeof startCell === "string" ? startCell : "range", () => {
      this.state().at =
        typeof startCell === "string" ? startCell : rectAddress((startCell as unknown as SimRange).rect());
    });
  }
  delete(): void {
    this.queue("delete", 1, null, () => this.context.sim.charts.delete(this.state().name.toLowerCase()));
  }
}

export class SimChartCollection {
  constructor(
    readonly context: SimRequestContext,
    private readonly ws: SimWorksheet,
  ) {}
  add(...[type, sourceData]: Parameters<Excel.ChartCollection["add"]>): SimChart {
    let key: string | null = null;
    this.context.enqueue({
      label: "ChartCollection.add",
      api: 1,
      bytes: String(type).length + 20,
      run: () => {
        const src = sourceData as unknown as SimRange;
        const sim = this.context.sim;
        let n = sim.charts.size + 1;
        while (sim.charts.has(`chart ${n}`)) n++;
        key = `chart ${n}`;
        sim.charts.set(key, {
          name: `Chart ${n}`,
          sheet: this.ws.state().name,
          type: String(type),
          source: `${quoteSheet(src.sheet().name)}!${rectAddress(src.rect())}`,
          title: "",
          at: "A1",
        });
      },
    });
    return new SimChart(this.context, () => key, false);
  }
  getItem(...[name]: Parameters<Excel.ChartCollection["getItem"]>): SimChart {
    return new SimChart(this.context, () => name.toLowerCase(), false);
  }
  getItemOrNullObject(...[name]: Parameters<Excel.ChartCollection["getItemOrNullObject"]>): SimChart {
    return new SimChart(this.context, () => name.toLowerCase(), true);
  }
}

export { parseRef };
