/**
 * The proxy machinery: every simulated API object queues its work on the request context and sees
 * results only after `context.sync()`, as in Office.js. Reading a property that was not loaded and
 * synced throws PropertyNotLoaded (office-addin-mock only returns an error string; this is why the
 * project has its own simulation).
 */
import type { SimRequestContext } from "./context";
import { propertyNotLoaded, SimulatedOfficeError } from "./errors";

/** What a queued action yields at sync time. */
export interface ActionResult {
  /** The values sent back to the add-in (their JSON length is the response size). */
  response?: unknown;
  /** Cells read, for the 5,000,000-cell cap. */
  cells?: number;
  /** Runs only when the whole sync succeeded: stores loaded values in the proxy. */
  commit?: () => void;
}

export interface QueuedAction {
  label: string;
  /** Lowest ExcelApi minor version the call needs (1.8 -> 8). */
  api: number;
  /** Request bytes: the JSON length of the call's arguments. */
  bytes: number;
  run(): unknown;
}

export interface QueuedRead extends QueuedAction {
  run(): ActionResult;
}

export type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

export function loadList(arg: LoadArg): string[] {
  const text =
    arg === undefined ? "" : typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg.select ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : JSON.stringify(v).length;
}

export abstract class SimObject {
  private readonly loaded = new Map<string, unknown>();
  private resolvedNull: boolean | undefined;

  constructor(readonly context: SimRequestContext) {}

  protected abstract readonly objectName: string;
  /** Properties `load()` accepts with no argument (the scalar ones, as Office.js does). */
  protected abstract readonly scalarProps: readonly string[];
  /** Current value of a loadable property, computed at sync time. */
  protected abstract snapshot(prop: string): unknown;
  /** Cells a load of these properties reads (ranges override). */
  protected cellsRead(_props: string[]): number {
    return 0;
  }
  /** Whether the object exists at sync time (OrNullObject proxies override). */
  protected exists(): boolean {
    return true;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(this.objectName, name);
    return this.loaded.get(name) as T;
  }

  /** Queue a call whose effect happens at sync time (its return value is ignored). */
  protected queue(label: string, api: number, args: unknown, run: () => unknown): void {
    this.context.enqueue({ label: `${this.objectName}.${label}`, api, bytes: jsonBytes(args) + label.length, run });
  }

  /** Queue a read: its result is sent back, counted, and committed only if the sync succeeds. */
  protected queueRead(label: string, api: number, args: unknown, run: () => ActionResult): void {
    this.context.enqueueRead({ label: `${this.objectName}.${label}`, api, bytes: jsonBytes(args) + label.length, run });
  }

  /** Queue a property write; it is applied at sync, in order. */
  protected write(prop: string, api: number, value: unknown, apply: () => void): void {
    this.queue(prop, api, value, apply);
  }

  /** Called by the context when a queued creation has resolved, to settle isNullObject. */
  protected settle(): void {
    this.queueRead("resolve", 1, null, () => {
      const isNull = !this.exists();
      return { commit: () => (this.resolvedNull = isNull) };
    });
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw propertyNotLoaded(this.objectName, "isNullObject");
    return this.resolvedNull;
  }

  load(arg?: LoadArg): this {
    const props = loadList(arg);
    const list = props.length ? props : [...this.scalarProps];
    this.queueRead("load", 1, list, () => {
      if (!this.exists()) return { commit: () => undefined };
      const values: Record<string, unknown> = {};
      for (const p of list) values[p] = this.snapshot(p);
      return {
        response: values,
        cells: this.cellsRead(list),
        commit: () => Object.entries(values).forEach(([k, v]) => this.loaded.set(k, v)),
      };
    });
    return this;
  }

  /** Used by collections: an item proxy arrives with the properties its collection load asked for. */
  acceptLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    this.resolvedNull = false;
  }

  /** Office.js: stop tracking a proxy whose values are no longer needed. */
  untrack(): this {
    this.context.sim.untracked++;
    return this;
  }

  protected unknownProp(prop: string): never {
    throw new SimulatedOfficeError(
      "InvalidArgument",
      `${this.objectName} has no loadable property "${prop}" in the simulation.`,
    );
  }
}
