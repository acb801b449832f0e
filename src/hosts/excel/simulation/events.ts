/**
 * Worksheet change events in the simulation, as Excel raises them:
 * - A handler added with `onChanged.add` is registered when its context syncs, and `remove()` is
 *   queued on the context it was added with (Office.js: `Excel.run(result.context, ...)`); a sync of
 *   another context does not remove it.
 * - Every change of values or formulas raises one WorksheetChangedEvent per write, the add-in's own
 *   writes included (source "Local", triggerSource "ThisLocalAddin" from ExcelApi 1.14), a person's
 *   edit with triggerSource "Unknown". Format changes (fills, notes) do not raise it, as in Excel.
 * - Events are delivered asynchronously, after the sync or edit that caused them (a macrotask), never
 *   inside it. `details` is given for a single cell only (ExcelApi 1.9), as Office.js does.
 */
import { rectAddress, type Rect } from "../a1";
import type { SimRequestContext } from "./context";
import { SimulatedOfficeError } from "./errors";
import type { StoredValue } from "./excel-input";
import type { SimSheet, SimWorkbook } from "./state";

type Handler<T> = (args: T) => Promise<unknown>;

interface Registration {
  /** The sheet listened to, or null for every sheet (WorksheetCollection.onChanged). */
  sheet: SimSheet | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Office.js declares handlers as (args: T) => Promise<any>
  handler: Handler<any>;
  context: SimRequestContext;
}

/** Who made a change: the add-in through the API, a person typing, or a co-author (Excel on the web). */
export type ChangeOrigin = "addin" | "user" | "remote";

/** One raised event, kept for tests (`sim.events.raised`). */
export interface RaisedEvent {
  sheet: string;
  address: string;
  source: "Local" | "Remote";
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

/** The value pair Office.js reports in `details` for a single-cell change. */
export interface CellChange {
  before: StoredValue;
  after: StoredValue;
}

function officeValue(v: StoredValue): string | number | boolean {
  if (v === null) return "";
  return typeof v === "object" ? v.error : v;
}

function officeType(v: StoredValue): Excel.RangeValueType {
  if (v === null) return "Empty" as Excel.RangeValueType;
  if (typeof v === "object") return "Error" as Excel.RangeValueType;
  if (typeof v === "boolean") return "Boolean" as Excel.RangeValueType;
  if (typeof v === "number") return (Number.isInteger(v) ? "Integer" : "Double") as Excel.RangeValueType;
  return "String" as Excel.RangeValueType;
}

/** The workbook's event registrations and the queue of events waiting to be delivered. */
export class SimEventHub {
  private registrations: Registration[] = [];
  private waiting: { args: Excel.WorksheetChangedEventArgs; sheet: SimSheet }[] = [];
  private scheduled = false;
  private running = new Set<Promise<unknown>>();
  /** Every event raised, in order (tests assert addresses and sources). */
  readonly raised: RaisedEvent[] = [];
  /** Errors thrown by handlers (Office.js reports them to the console and carries on). */
  readonly handlerErrors: unknown[] = [];
  /** How delivery is scheduled: a macrotask, as Excel posts events after the batch that caused them. */
  schedule: (deliver: () => void) => void = (deliver) => void setTimeout(deliver, 0);

  constructor(private readonly sim: SimWorkbook) {}

  /** Handlers registered now (after their sync). */
  get listeners(): number {
    return this.registrations.length;
  }

  register(r: Registration): void {
    this.registrations.push(r);
  }

  unregister(context: SimRequestContext, handler: Handler<unknown>): void {
    this.registrations = this.registrations.filter((r) => !(r.context === context && r.handler === handler));
  }

  /** A change of values or formulas in `rect` of `sheet`; `cell` carries the before/after of a single-cell change. */
  changed(sheet: SimSheet, rect: Rect, origin: ChangeOrigin, cell?: CellChange): void {
    if (!this.registrations.some((r) => r.sheet === null || r.sheet === sheet)) return;
    const api = this.sim.excelApi;
    const address = rectAddress(rect);
    const source = origin === "remote" ? "Remote" : "Local";
    const triggerSource = api >= 14 ? (origin === "addin" ? "ThisLocalAddin" : "Unknown") : undefined;
    const args: Record<string, unknown> = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source,
      address,
      worksheetId: sheet.id,
      // ExcelApi 1.8: the changed range, through the handler's own Excel.run context.
      getRange: (ctx: SimRequestContext) => ctx.workbook.worksheets.getItem(sheet.name).getRange(address),
      getRangeOrNullObject: (ctx: SimRequestContext) => ctx.workbook.worksheets.getItem(sheet.name).getRange(address),
    };
    if (triggerSource) args["triggerSource"] = triggerSource;
    if (api >= 9 && cell && rect.rows === 1 && rect.cols === 1) {
      args["details"] = {
        valueBefore: officeValue(cell.before),
        valueAfter: officeValue(cell.after),
        valueTypeBefore: officeType(cell.before),
        valueTypeAfter: officeType(cell.after),
      };
    }
    this.raised.push({ sheet: sheet.name, address, source, ...(triggerSource ? { triggerSource } : {}) });
    // The properties above the host's API level are absent, as in that Excel; the cast is the one place
    // the simulated event meets the full Office.js type.
    this.waiting.push({ args: args as unknown as Excel.WorksheetChangedEventArgs, sheet });
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.deliver());
    }
  }

  private deliver(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    for (const { args, sheet } of batch) {
      for (const r of [...this.registrations]) {
        if (r.sheet !== null && r.sheet !== sheet) continue;
        if (!this.sim.sheets.includes(sheet)) continue;
        const p = Promise.resolve()
          .then(() => r.handler(args))
          .catch((e: unknown) => void this.handlerErrors.push(e));
        this.running.add(p);
        void p.finally(() => this.running.delete(p));
      }
    }
  }

  /** Resolves once every raised event is delivered and every handler it started has settled. */
  async settled(): Promise<void> {
    while (this.scheduled || this.waiting.length > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.all([...this.running]);
      else await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
}

/** `onChanged` of a worksheet (ExcelApi 1.7) or of the worksheet collection (1.9). */
export class SimEventHandlers<T> {
  constructor(
    private readonly context: SimRequestContext,
    private readonly label: string,
    private readonly api: number,
    /** At sync time: the sheet to listen to, or null for all sheets. */
    private readonly target: () => SimSheet | null,
  ) {}

  add(handler: Handler<T>): SimEventHandlerResult<T> {
    if (typeof handler !== "function")
      throw new SimulatedOfficeError("InvalidArgument", `${this.label}.add needs a handler function.`);
    this.context.enqueue({
      label: `${this.label}.add`,
      api: this.api,
      bytes: this.label.length + 10,
      run: () => this.context.sim.events.register({ sheet: this.target(), handler, context: this.context }),
    });
    return new SimEventHandlerResult<T>(this.context, this.label, handler);
  }

  remove(handler: Handler<T>): void {
    this.context.enqueue({
      label: `${this.label}.remove`,
      api: this.api,
      bytes: this.label.length + 10,
      run: () => this.context.sim.events.unregister(this.context, handler as Handler<unknown>),
    });
  }
}

/** What `add` returns; `remove()` takes effect when the context it was added with syncs. */
export class SimEventHandlerResult<T> {
  constructor(
    readonly context: SimRequestContext,
    private readonly label: string,
    private readonly handler: Handler<T>,
  ) {}

  remove(): void {
    this.context.enqueue({
      label: `${this.label}.remove`,
      api: 7,
      bytes: this.label.length + 10,
      run: () => this.context.sim.events.unregister(this.context, this.handler as Handler<unknown>),
    });
  }
}
