import type { CellValue } from "../../src/core/grid";
import { COUNTRIES } from "../../src/core/reference";
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTING_DEFINITIONS,
  settingsSheetChanges,
  settingValueChanges,
} from "../../src/core/settings";
import { MemoryWorkbook } from "../support/memory-workbook";

async function setUp(book: MemoryWorkbook): Promise<void> {
  const has = (s: string) => book.sheets.has(s);
  await book.port.apply(
    settingsSheetChanges(undefined, {
      settingsGrid: has("Settings") ? book.grid("Settings") : null,
      countriesGrid: has("Countries") ? book.grid("Countries") : null,
    }),
  );
}

describe("settingsSheetChanges", () => {
  test("a new workbook gets both tables with every setting at its default and every country", async () => {
    const book = new MemoryWorkbook();
    await setUp(book);
    expect(book.value("Settings", "A1")).toBe("Setting");
    expect(book.value("Settings", "B1")).toBe("Value");
    expect(book.value("Settings", "C1")).toBe("Description");
    expect(book.value("Settings", "A2")).toBe("Weight: need");
    expect(book.value("Settings", "B2")).toBe(0.4);
    expect(book.tables.get("tblSettings")).toEqual({
      sheet: "Settings",
      range: `A1:C${SETTING_DEFINITIONS.length + 1}`,
    });
    expect(book.tables.get("tblCountries")).toEqual({ sheet: "Countries", range: `A1:F${COUNTRIES.length + 1}` });
    expect(book.value("Countries", "D1")).toBe("Priority (roadmap) Y/N");
    expect(book.value("Countries", "D2")).toBe("N");
    expect(book.value("Countries", "E2")).toBeNull();
    expect(book.validations.find((v) => v.sheet === "Countries" && v.range.startsWith("D2"))).toMatchObject({
      source: "=lstYesNo",
    });
    expect(book.names.get("lstYesNo")).toEqual({ sheet: "Settings", range: "E2:E3" });
    // What was written parses back to the defaults, with no warning.
    const { settings, issues } = parseSettings(book.grid("Settings"), book.grid("Countries"));
    expect({ ...settings, countries: [] }).toEqual(DEFAULT_SETTINGS);
    expect(settings.countries).toHaveLength(COUNTRIES.length);
    expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  test("repair keeps every user row and value, adds missing settings, and a second run changes nothing", async () => {
    const settingsRows: CellValue[][] = [
      ["Our settings"],
      [],
      ["Setting", "Value", "Description"],
      ["Weight: need", 0.9, "we care most about need"],
      ["My own note", "keep me", ""],
      ["Band: High from", "eighty", null],
    ];
    const countryRows: CellValue[][] = [
      ["ISO3", "Country", "Region", "Priority (roadmap) Y/N", "Need (1-5)", "Engagement (1-5)"],
      ["KEN", "Kenya", "Africa", "Y", 5, 4],
    ];
    const book = new MemoryWorkbook({ Settings: settingsRows, Countries: countryRows });
    await setUp(book);
    expect(book.value("Settings", "B4")).toBe(0.9);
    expect(book.value("Settings", "C4")).toBe("we care most about need");
    expect(book.value("Settings", "A5")).toBe("My own note");
    expect(book.value("Settings", "B6")).toBe("eighty");
    expect(book.value("Settings", "C6")).toMatch(/High/);
    const appended = SETTING_DEFINITIONS.length - 2;
    expect(book.tables.get("tblSettings")).toEqual({ sheet: "Settings", range: `A3:C${6 + appended}` });
    expect(book.value("Settings", "A7")).toBe("Weight: value added");
    // Countries: the user's list stays as it is.
    expect(book.tables.get("tblCountries")).toEqual({ sheet: "Countries", range: "A1:F2" });
    expect(book.value("Countries", "E2")).toBe(5);
    const once = book.snapshot();
    await setUp(book);
    expect(book.snapshot()).toEqual(once);
  });

  test("`current` fills new tables only; settingValueChanges writes the values the user asked for", async () => {
    const current = {
      ...DEFAULT_SETTINGS,
      availableFundsUsd: 2_000_000,
      countries: [{ iso3: "KEN", name: "Kenya", region: "Africa", priority: true, need: 4, engagement: 3, row: null }],
    };
    const book = new MemoryWorkbook({
      Settings: [
        ["Setting", "Value", "Description"],
        ["Available funds (USD)", 500, ""],
      ],
    });
    await book.port.apply(settingsSheetChanges(current, { settingsGrid: book.grid("Settings"), countriesGrid: null }));
    expect(book.value("Settings", "B2")).toBe(500);
    expect(book.grid("Countries").rows).toEqual([
      ["ISO3", "Country", "Region", "Priority (roadmap) Y/N", "Need (1-5)", "Engagement (1-5)"],
      ["KEN", "Kenya", "Africa", "Y", 4, 3],
    ]);
    await book.port.apply(
      settingValueChanges(
        book.grid("Settings"),
        new Map([
          ["availableFundsUsd", 750_000],
          ["weightNeed", 0.5],
        ]),
      ),
    );
    expect(book.value("Settings", "B2")).toBe(750_000);
    expect(parseSettings(book.grid("Settings"), null).settings.weights.need).toBe(0.5);
  });
});
