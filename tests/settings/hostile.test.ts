import fc from "fast-check";
import type { CellValue, Grid } from "../../src/core/grid";
import { parseAddress } from "../../src/core/grid";
import { parseSettings, settingsSheetChanges } from "../../src/core/settings";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "Setting",
    "Value",
    "ISO3",
    "Weight: need",
    "__proto__",
    "constructor",
    "prototype",
    "=1+1",
    "@x",
    "KEN",
    "Y",
    "N",
    "Band: High from",
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 10 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }),
);
const grid = (sheet: string): fc.Arbitrary<Grid> =>
  fc
    .record({
      top: fc.integer({ min: 1, max: 5 }),
      left: fc.integer({ min: 1, max: 5 }),
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    })
    .map((g) => ({ sheet, ...g }));

describe("settings: any grid at all", () => {
  test("gives settings and issues, never an exception, and every issue's cell lies inside the grid", () => {
    fc.assert(
      fc.property(grid("Settings"), grid("Countries"), (s, c) => {
        const { settings, issues } = parseSettings(s, c);
        expect(settings.bands.medium).toBeLessThan(settings.bands.high);
        expect(settings.weights.need + settings.weights.valueAdded + settings.weights.engagement).toBeGreaterThan(0);
        for (const i of issues) {
          if (i.cell === null) continue;
          const g = i.sheet === "Settings" ? s : c;
          const { row, col } = parseAddress(i.cell);
          expect(row).toBeGreaterThanOrEqual(g.top);
          expect(row).toBeLessThan(g.top + g.rows.length);
          expect(col).toBeGreaterThanOrEqual(g.left);
        }
        // The repair never throws either, and never writes over a cell that holds a value.
        const ops = settingsSheetChanges(undefined, { settingsGrid: s, countriesGrid: c }).ops;
        for (const op of ops) {
          if (op.kind !== "values") continue;
          const g = op.sheet === "Settings" ? s : c;
          // The drop-down lists beside tblSettings may rewrite their own values, nothing else.
          const own = op.sheet === "Settings" && op.values[0]?.[0] === "Y/N list";
          const at = parseAddress(op.at);
          const overwritten: string[] = [];
          op.values.forEach((r, i) =>
            r.forEach((_v, j) => {
              const existing = g.rows[at.row + i - g.top]?.[at.col + j - g.left];
              const empty =
                existing === null ||
                existing === undefined ||
                (typeof existing === "string" && existing.trim() === "") ||
                (own && existing === op.values[i]![j]);
              if (!empty) overwritten.push(`${op.sheet}!${at.row + i},${at.col + j}`);
            }),
          );
          expect(overwritten).toEqual([]);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
