/**
 * Defined names on any sheet survive opening. ExcelJS 4.4 keeps defined names in plain objects keyed
 * by user text: DefinedNames.matrixMap by name (lib/doc/defined-names.js lines 12, 16 and 184) and each
 * name's CellMatrix.sheets by sheet name (lib/utils/cell-matrix.js lines 7, 51 and 107). A sheet named
 * `constructor` or `__proto__` then finds Object.prototype's member instead of its own entry, and the
 * name is dropped; one named `toString` or `hasOwnProperty` makes the load throw ("corrupt").
 *
 * The fix: both stores are prototype-free maps (Object.create(null)), so any text is just a key.
 * `matrixMap` and `sheets` become accessors on the prototypes that keep a prototype-free copy of what
 * is assigned (the constructors assign `{}`), and the DefinedNames model setter, which fills a local
 * `{}`, is rewritten with a prototype-free map. Iteration order and every other byte are unchanged.
 */
// ExcelJS ships no typings for its internals; these are the two modules the names store is made of.
/* eslint-disable @typescript-eslint/no-require-imports */
const DefinedNames = require("exceljs/lib/doc/defined-names") as { prototype: object };
const CellMatrix = require("exceljs/lib/utils/cell-matrix") as new () => { addCell(range: string): void };
/* eslint-enable @typescript-eslint/no-require-imports */

/** defined-names.js line 8: the ranges ExcelJS keeps (others, such as #REF!, are skipped as before). */
const RANGE = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

type Store = Record<string, unknown>;

/** A prototype-free copy: no key can reach Object.prototype. */
function prototypeFree(value: unknown): Store {
  const map = Object.create(null) as Store;
  if (value && typeof value === "object") Object.assign(map, value);
  return map;
}

/** Makes `key` an accessor on `proto` that always holds a prototype-free map. */
function prototypeFreeField(proto: object, key: string): void {
  const slot = Symbol(`iccwc.${key}`);
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable: false,
    get(this: Record<symbol, Store | undefined>): Store {
      return (this[slot] ??= prototypeFree(undefined));
    },
    set(this: Record<symbol, Store | undefined>, value: unknown): void {
      this[slot] = prototypeFree(value);
    },
  });
}

let installed = false;

/** Idempotent: makes ExcelJS's defined-names stores prototype-free once per process. */
export function installPrototypeFreeDefinedNames(): void {
  if (installed) return;
  installed = true;

  prototypeFreeField(DefinedNames.prototype, "matrixMap");
  prototypeFreeField(CellMatrix.prototype, "sheets");

  const model = Object.getOwnPropertyDescriptor(DefinedNames.prototype, "model");
  if (!model?.get || !model.set) throw new Error("ExcelJS DefinedNames changed: defined-names-store.ts needs a look");
  // As defined-names.js line 182 `set model`, into a prototype-free map.
  Object.defineProperty(DefinedNames.prototype, "model", {
    ...model,
    set(this: { matrixMap: Store }, value: { name: string; ranges: string[] }[]): void {
      const matrixMap = prototypeFree(undefined);
      for (const definedName of value) {
        const matrix = new CellMatrix();
        matrixMap[definedName.name] = matrix;
        for (const range of definedName.ranges) {
          if (RANGE.test(range.split("!").pop() ?? "")) matrix.addCell(range);
        }
      }
      this.matrixMap = matrixMap;
    },
  });
}
