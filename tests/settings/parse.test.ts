import type { CellValue, Grid } from "../../src/core/grid";
import { DEFAULT_SETTINGS, parseSettings, SETTING_DEFINITIONS } from "../../src/core/settings";

const grid = (sheet: string, rows: CellValue[][]): Grid => ({ sheet, top: 1, left: 1, rows });
const settingsSheet = (...rows: CellValue[][]) => grid("Settings", [["Setting", "Value", "Description"], ...rows]);
const countriesSheet = (...rows: CellValue[][]) =>
  grid("Countries", [
    ["ISO3", "Country", "Region", "Priority (roadmap) Y/N", "Need (1-5)", "Engagement (1-5)"],
    ...rows,
  ]);

describe("parseSettings: defaults", () => {
  test("no sheets: every documented default, and info issues that say so", () => {
    const { settings, issues } = parseSettings(null, null);
    expect(settings.weights).toEqual({ need: 0.4, valueAdded: 0.35, engagement: 0.25, priorityBonus: 10 });
    expect(settings.bands).toEqual({ high: 70, medium: 45 });
    expect(settings.periodMonths).toBe(3);
    expect(settings.availableFundsUsd).toBe(0);
    expect(settings.engagementFloor).toBe(0.4);
    expect(settings.multiCountryEngagement).toBe("minimum");
    expect(settings.rankSensitivityPlaces).toBe(5);
    expect(settings.importDateOrder).toBe("");
    expect(settings.countries).toEqual([]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ["settings-sheet-missing", "info"],
      ["countries-sheet-missing", "info"],
    ]);
  });

  test("a full, valid table is read as written (percent cells arrive as fractions)", () => {
    const { settings, issues } = parseSettings(
      settingsSheet(
        ["Weight: need", 0.5, ""],
        ["Weight: value added", "30%", ""],
        ["Weight: engagement", "0,2", ""],
        ["Engagement multiplier at 1/5", 0.25, ""],
        ["Engagement of several countries", "Mean", ""],
        ["Priority country bonus (points)", 5, ""],
        ["Band: High from", 75, ""],
        ["Band: Medium from", 50, ""],
        ["Available funds (USD)", "USD 1,250,000", ""],
        ["Reporting period (months)", 6, ""],
        ["Rank sensitivity (places)", 3, ""],
        ["Import date order", "day-first", ""],
      ),
      null,
    );
    expect(issues.filter((i) => i.sheet === "Settings")).toEqual([]);
    expect(settings.weights).toEqual({ need: 0.5, valueAdded: 0.3, engagement: 0.2, priorityBonus: 5 });
    expect(settings.engagementFloor).toBe(0.25);
    expect(settings.multiCountryEngagement).toBe("mean");
    expect(settings.bands).toEqual({ high: 75, medium: 50 });
    expect(settings.availableFundsUsd).toBe(1_250_000);
    expect(settings.periodMonths).toBe(6);
    expect(settings.rankSensitivityPlaces).toBe(3);
    expect(settings.importDateOrder).toBe("day-first");
  });

  test("a missing row is an info issue naming the setting and its default", () => {
    const { settings, issues } = parseSettings(settingsSheet(["Weight: need", 0.6, ""]), null);
    expect(settings.weights.need).toBe(0.6);
    const missing = issues.filter((i) => i.code === "setting-missing");
    expect(missing).toHaveLength(SETTING_DEFINITIONS.length - 1);
    expect(missing.map((i) => i.message).join(" ")).toContain('"Band: High from" row, so its default 70 is used');
  });

  test("a sheet without the table header is a warning, and defaults apply", () => {
    const { settings, issues } = parseSettings(grid("Settings", [["Weights"], ["need", 3]]), null);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(issues[0]).toMatchObject({ code: "settings-table-missing", severity: "warning", sheet: "Settings" });
  });
});

describe("parseSettings: each bad value is reported at its cell and falls back to its default", () => {
  const bad: [string, CellValue, string][] = [
    ["Weight: need", "heavy", "weights.need"],
    ["Weight: need", -1, "weights.need"],
    ["Weight: value added", 1000, "weights.valueAdded"],
    ["Weight: engagement", { error: "#REF!" }, "weights.engagement"],
    ["Engagement multiplier at 1/5", 1.5, "engagementFloor"],
    ["Engagement of several countries", "median", "multiCountryEngagement"],
    ["Priority country bonus (points)", 80, "priorityBonus"],
    ["Band: High from", 101, "bands.high"],
    ["Band: Medium from", "=A1", "bands.medium"],
    ["Available funds (USD)", -5000, "availableFundsUsd"],
    ["Available funds (USD)", new Date(Date.UTC(2025, 0, 1)), "availableFundsUsd"],
    ["Reporting period (months)", 5, "periodMonths"],
    ["Rank sensitivity (places)", 2.5, "rankSensitivityPlaces"],
    ["Import date order", "year-first", "importDateOrder"],
    ["Weight: need", true, "weights.need"],
  ];
  const at = (o: unknown, path: string): unknown =>
    path.split(".").reduce((x, k) => (x as Record<string, unknown>)[k], o);

  test.each(bad)("%s = %p", (name, value, path) => {
    const { settings, issues } = parseSettings(settingsSheet(["Weight: need", 0.4, ""], [name, value, ""]), null);
    const row = name === "Weight: need" ? 2 : 3;
    const issue = issues.find((i) => i.code === "setting-invalid" || i.code === "setting-duplicate");
    expect(at(settings, path)).toBe(at(DEFAULT_SETTINGS, path));
    if (name === "Weight: need") {
      // The first row wins; the second is a duplicate and says so.
      expect(issue).toMatchObject({ code: "setting-duplicate", cell: "B3" });
      return;
    }
    expect(issue).toMatchObject({
      code: "setting-invalid",
      severity: "warning",
      sheet: "Settings",
      row,
      column: "Value",
      cell: `B${row}`,
    });
    expect(issue!.message).toContain(`"${name}" must be`);
    expect(issue!.message).toContain("default");
    expect(issue!.value).not.toBe(undefined);
  });

  test("the value of a bad cell is shown in the issue", () => {
    const { issues } = parseSettings(settingsSheet(["Reporting period (months)", "quarterly", ""]), null);
    expect(issues.find((i) => i.code === "setting-invalid")).toMatchObject({
      cell: "B2",
      value: "quarterly",
      suggestion: "3",
    });
  });

  test("all three weights 0: a warning, and the default weights", () => {
    const { settings, issues } = parseSettings(
      settingsSheet(["Weight: need", 0, ""], ["Weight: value added", 0, ""], ["Weight: engagement", 0, ""]),
      null,
    );
    expect(settings.weights).toEqual(DEFAULT_SETTINGS.weights);
    expect(issues.find((i) => i.code === "settings-weights-zero")).toMatchObject({ severity: "warning", cell: "B2" });
  });

  test("Medium at or above High: a warning at the Medium cell, and the default bands", () => {
    const { settings, issues } = parseSettings(
      settingsSheet(["Band: High from", 50, ""], ["Band: Medium from", 60, ""]),
      null,
    );
    expect(settings.bands).toEqual({ high: 70, medium: 45 });
    expect(issues.find((i) => i.code === "settings-bands-order")).toMatchObject({ cell: "B3", value: "60 / 50" });
  });

  test("a blank value is an info issue with its default, except a blank import date order (a choice)", () => {
    const { settings, issues } = parseSettings(
      settingsSheet(["Available funds (USD)", null, ""], ["Import date order", "", ""]),
      null,
    );
    expect(settings.availableFundsUsd).toBe(0);
    expect(issues.filter((i) => i.code === "setting-blank").map((i) => i.cell)).toEqual(["B2"]);
  });

  test("explicit 0 funds: an info issue that nothing will be recommended", () => {
    const { issues } = parseSettings(settingsSheet(["Available funds (USD)", 0, ""]), null);
    expect(issues.find((i) => i.code === "funds-zero")).toMatchObject({ severity: "info", cell: "B2" });
  });

  test("unknown setting names are info issues; __proto__, constructor and prototype change nothing", () => {
    const { settings, issues } = parseSettings(
      settingsSheet(
        ["__proto__", 1, ""],
        ["constructor", "x", ""],
        ["prototype", 2, ""],
        ["toString", 3, ""],
        ["Colour", "blue", ""],
      ),
      null,
    );
    expect(issues.filter((i) => i.code === "setting-unknown").map((i) => i.cell)).toEqual([
      "A2",
      "A3",
      "A4",
      "A5",
      "A6",
    ]);
    expect(settings.weights).toEqual(DEFAULT_SETTINGS.weights);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(typeof {}.toString).toBe("function");
  });

  test("a table below a title, with moved columns, is found", () => {
    const g = grid("Settings", [
      ["ICCWC settings"],
      [],
      [null, "Description", "Value", "Setting"],
      [null, "", 0.7, "Weight: need"],
    ]);
    const { settings, issues } = parseSettings(g, null);
    expect(settings.weights.need).toBe(0.7);
    expect(issues.some((i) => i.code === "settings-table-missing")).toBe(false);
  });
});

describe("parseSettings: Countries", () => {
  test("rows are read with Y/N, need and engagement", () => {
    const { settings, issues } = parseSettings(
      null,
      countriesSheet(
        ["KEN", "Kenya", "Africa", "Y", 4, 3],
        ["UGA", "Uganda", "Africa", "N", null, 5],
        ["VNM", null, null, null, null, null],
      ),
    );
    expect(issues.filter((i) => i.sheet === "Countries")).toEqual([]);
    expect(settings.countries.map((c) => [c.iso3, c.name, c.priority, c.need, c.engagement, c.row])).toEqual([
      ["KEN", "Kenya", true, 4, 3, 2],
      ["UGA", "Uganda", false, null, 5, 3],
      ["VNM", expect.any(String), false, null, null, 4],
    ]);
    expect(settings.countries[2]!.name).toMatch(/Viet/);
  });

  test.each([
    [["KEN", "Kenya", "Africa", "maybe", 4, 3], "country-priority-invalid", "D2", "priority", false],
    [["KEN", "Kenya", "Africa", "Y", 6, 3], "country-score-invalid", "E2", "need", null],
    [["KEN", "Kenya", "Africa", "Y", 4, "high"], "country-score-invalid", "F2", "engagement", null],
    [["KEN", "Kenya", "Africa", "Y", 2.5, 3], "country-score-invalid", "E2", "need", null],
  ] as [CellValue[], string, string, "priority" | "need" | "engagement", unknown][])(
    "%p -> %s at %s",
    (row, code, cell, field, read) => {
      const { settings, issues } = parseSettings(null, countriesSheet(row));
      expect(issues.find((i) => i.code === code)).toMatchObject({ sheet: "Countries", cell, severity: "warning" });
      expect(settings.countries[0]![field]).toBe(read);
    },
  );

  test("unknown codes and hostile codes are reported and ignored; duplicates keep the first row", () => {
    const { settings, issues } = parseSettings(
      null,
      countriesSheet(
        ["__proto__", "x", "", "Y", 5, 5],
        ["constructor", "", "", "Y", 5, 5],
        ["ZZZ", "", "", "N", 1, 1],
        ["KEN", "Kenya", "", "Y", 4, 4],
        ["KEN", "Kenya again", "", "N", 1, 1],
      ),
    );
    expect(settings.countries.map((c) => c.iso3)).toEqual(["KEN"]);
    expect(settings.countries[0]!.need).toBe(4);
    expect(issues.filter((i) => i.code === "country-code-unknown").map((i) => i.cell)).toEqual(["A2", "A3", "A4"]);
    expect(issues.find((i) => i.code === "country-duplicate")).toMatchObject({ cell: "A6" });
    expect(({} as Record<string, unknown>).need).toBeUndefined();
  });

  test("a country name in the ISO3 column is read as its code, with an info issue", () => {
    const { settings, issues } = parseSettings(null, countriesSheet(["Kenya", "", "", "Y", 4, 4]));
    expect(settings.countries[0]!.iso3).toBe("KEN");
    expect(issues.find((i) => i.code === "country-code-read-as")).toMatchObject({ cell: "A2", suggestion: "KEN" });
  });
});
