/**
 * A column width of exactly 9 that came from the file survives a save. ExcelJS 4.4 takes 9 for its own
 * default width (lib/doc/column.js line 8 DEFAULT_COLUMN_WIDTH, line 35 `isCustomWidth` is
 * `width !== 9`), so a column whose only setting is a width of 9 counts as "default" (line 147
 * `isDefault`) and no `<col>` is written: Excel then shows its own default, 8.43, not the user's 9.
 *
 * The fix: a column built from a `<col>` that states width="9" (lib/doc/column.js line 295
 * `fromModel`) is marked; a marked column with a width of 9 is a custom width. The mark travels with
 * the column's `defn` (lib/doc/worksheet.js line 294, columns moved by spliceColumns) and is lost when
 * the width changes or the column is cleared. Columns with no width in the file, and widths set by
 * code, behave exactly as before, so no other output byte changes.
 */
// ExcelJS ships no typings for its internals; this is the one module the column writer is made of.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Column = require("exceljs/lib/doc/column") as ColumnClass;

/** ExcelJS's default width (lib/doc/column.js DEFAULT_COLUMN_WIDTH). */
const EXCELJS_DEFAULT_WIDTH = 9;

/** Set on a column (and its defn) whose width of 9 was written in the file. */
const WIDTH_FROM_FILE = Symbol("iccwc.widthNineFromFile");

interface ColumnLike {
  width?: number;
  [WIDTH_FROM_FILE]?: boolean;
}
/** col-xform.js parseOpen: width is undefined when the attribute is absent. */
interface ColModel {
  min: number;
  max: number;
  width?: number;
}
interface ColumnClass {
  prototype: object;
  fromModel(worksheet: unknown, cols?: ColModel[]): ColumnLike[] | null;
}

/**
 * A column definition (as given to `worksheet.columns`) whose width came from the file, so that a
 * width of 9 is written. For a writer that rebuilds columns from its own store (the streaming path).
 */
export function widthFromFile<T extends object>(defn: T): T & { [WIDTH_FROM_FILE]: true } {
  return { ...defn, [WIDTH_FROM_FILE]: true };
}

let installed = false;

/** Idempotent: wraps ExcelJS's Column (fromModel, isCustomWidth, defn) once per process. */
export function installColumnWidthNine(): void {
  if (installed) return;
  installed = true;

  const proto = Column.prototype;
  const custom = Object.getOwnPropertyDescriptor(proto, "isCustomWidth");
  const defn = Object.getOwnPropertyDescriptor(proto, "defn");
  if (!custom?.get || !defn?.get || !defn.set) {
    throw new Error("ExcelJS Column changed: column-width-nine.ts needs a look");
  }
  const isCustomWidth = custom.get;
  const getDefn = defn.get;
  const setDefn = defn.set;

  Object.defineProperty(proto, "isCustomWidth", {
    ...custom,
    get(this: ColumnLike): boolean {
      return (
        (isCustomWidth.call(this) as boolean) ||
        (this[WIDTH_FROM_FILE] === true && this.width === EXCELJS_DEFAULT_WIDTH)
      );
    },
  });

  Object.defineProperty(proto, "defn", {
    ...defn,
    get(this: ColumnLike): object {
      const value = getDefn.call(this) as object;
      return this[WIDTH_FROM_FILE] === true ? { ...value, [WIDTH_FROM_FILE]: true } : value;
    },
    set(this: ColumnLike, value: (object & { [WIDTH_FROM_FILE]?: boolean }) | null | undefined): void {
      setDefn.call(this, value);
      if (value?.[WIDTH_FROM_FILE] === true) this[WIDTH_FROM_FILE] = true;
      else delete this[WIDTH_FROM_FILE];
    },
  });

  const fromModel = Column.fromModel.bind(Column);
  Column.fromModel = function fromModelKeepingNine(worksheet: unknown, cols?: ColModel[]): ColumnLike[] | null {
    const columns = fromModel(worksheet, cols);
    for (const col of Array.isArray(cols) ? cols : []) {
      if (col.width !== EXCELJS_DEFAULT_WIDTH) continue;
      for (let n = col.min; n <= col.max; n++) {
        const column = columns?.[n - 1];
        if (column) column[WIDTH_FROM_FILE] = true;
      }
    }
    return columns;
  };
}
