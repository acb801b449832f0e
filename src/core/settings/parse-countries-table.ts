/**
 * Reading tblCountries (ISO3 | Country | Region | Priority (roadmap) Y/N | Need (1-5) | Engagement (1-5)).
 * A bad cell is reported and read as its default (priority N, need or engagement blank); the row stays.
 */
import { cellAt, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { SHEETS } from "../layout/sheet-names";
import { countryByIso3, matchCountry } from "../reference";
import { blankSetting } from "./definitions";
import { settingsIssue } from "./issue";
import { findTable, headerKey } from "./table-grid";
import type { CountrySetting } from "./types";

export const COUNTRY_HEADERS = [
  "ISO3",
  "Country",
  "Region",
  "Priority (roadmap) Y/N",
  "Need (1-5)",
  "Engagement (1-5)",
] as const;

/** headerKey drops text in brackets, so "Need (1-5)" is found as "need"; "Priority (roadmap) Y/N" as "priorityyn". */
const KEY = {
  iso3: headerKey("ISO3"),
  name: headerKey("Country"),
  region: headerKey("Region"),
  priority: headerKey("Priority (roadmap) Y/N"),
  need: headerKey("Need (1-5)"),
  engagement: headerKey("Engagement (1-5)"),
};

const YES = new Set(["y", "yes", "true", "1", "o", "oui", "si", "sí", "x"]);
const NO = new Set(["n", "no", "false", "0", "non", ""]);

export interface CountriesTableResult {
  countries: CountrySetting[];
  issues: Issue[];
}

export function parseCountriesTable(grid: Grid | null): CountriesTableResult {
  const issues: Issue[] = [];
  const sheet = grid?.sheet ?? SHEETS.countries;
  if (!grid) {
    issues.push(
      settingsIssue(
        "countries-sheet-missing",
        "info",
        sheet,
        null,
        "",
        `There is no ${SHEETS.countries} sheet, so no country has a need, an engagement or a priority: activities are scored only from their own Need, Value added and Engagement. Run "Set up" to add it.`,
      ),
    );
    return { countries: [], issues };
  }
  const table = findTable(grid, ["ISO3"]);
  if (!table) {
    issues.push(
      settingsIssue(
        "countries-table-missing",
        "warning",
        sheet,
        null,
        "",
        `The ${sheet} sheet has no header row with "ISO3", so its countries are not read. Run "Set up" to repair the sheet.`,
      ),
    );
    return { countries: [], issues };
  }
  const col = (k: string) => table.columns.get(k) ?? null;
  const cols = {
    iso3: col(KEY.iso3)!,
    name: col(KEY.name),
    region: col(KEY.region),
    priority: col(KEY.priority) ?? col(headerKey("Priority")),
    need: col(KEY.need),
    engagement: col(KEY.engagement),
  };
  const seen = new Map<string, number>();
  const countries: CountrySetting[] = [];
  for (let row = table.firstDataRow; row <= table.lastRow; row++) {
    const rawCode = cellAt(grid, row, cols.iso3);
    const rest = [cols.name, cols.priority, cols.need, cols.engagement].map((c) =>
      c === null ? null : cellAt(grid, row, c),
    );
    if (blankSetting(rawCode) && rest.every((v) => blankSetting(v))) continue;
    const codeAt = { row, col: cols.iso3, column: "ISO3" };
    const iso3 = readIso3(rawCode);
    if (!iso3.code) {
      issues.push(
        settingsIssue(
          "country-code-unknown",
          "warning",
          sheet,
          codeAt,
          rawCode,
          `"${String(rawCode ?? "")}" is not an ISO 3166-1 alpha-3 country code, so this row is ignored. Enter a code such as KEN or VNM.`,
          iso3.suggestion,
        ),
      );
      continue;
    }
    if (iso3.readAs) {
      issues.push(
        settingsIssue(
          "country-code-read-as",
          "info",
          sheet,
          codeAt,
          rawCode,
          `"${String(rawCode)}" is read as ${iso3.code}. Enter the three-letter code to make this explicit.`,
          iso3.code,
        ),
      );
    }
    const firstRow = seen.get(iso3.code);
    if (firstRow !== undefined) {
      issues.push(
        settingsIssue(
          "country-duplicate",
          "warning",
          sheet,
          codeAt,
          rawCode,
          `${iso3.code} is already on row ${firstRow}; that row is used and this one ignored. Delete one of them.`,
        ),
      );
      continue;
    }
    seen.set(iso3.code, row);
    const ref = countryByIso3(iso3.code);
    const text = (c: number | null) => {
      const v = c === null ? null : cellAt(grid, row, c);
      return typeof v === "string" ? v.trim() : v === null ? "" : String(v);
    };
    countries.push({
      iso3: iso3.code,
      name: text(cols.name) || ref?.nameEn || iso3.code,
      region: text(cols.region) || ref?.region || "",
      priority: readPriority(grid, row, cols.priority, sheet, issues),
      need: readOneToFive(grid, row, cols.need, "Need (1-5)", sheet, issues),
      engagement: readOneToFive(grid, row, cols.engagement, "Engagement (1-5)", sheet, issues),
      row,
    });
  }
  return { countries, issues };
}

function readIso3(raw: CellValue): { code: string | null; readAs?: boolean; suggestion?: string } {
  if (typeof raw !== "string") return { code: null };
  const t = raw.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(t) && countryByIso3(t)) return { code: t };
  const m = matchCountry(raw);
  if (m && m.confidence >= 0.9) return { code: m.value, readAs: true };
  return m ? { code: null, suggestion: m.value } : { code: null };
}

function readPriority(grid: Grid, row: number, col: number | null, sheet: string, issues: Issue[]): boolean {
  if (col === null) return false;
  const v = cellAt(grid, row, col);
  if (v === true) return true;
  if (v === false || v === null) return false;
  const t = String(v).trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  issues.push(
    settingsIssue(
      "country-priority-invalid",
      "warning",
      sheet,
      { row, col, column: "Priority (roadmap) Y/N" },
      v,
      `Priority must be Y or N; it is read as N until the cell is corrected.`,
      "N",
    ),
  );
  return false;
}

function readOneToFive(
  grid: Grid,
  row: number,
  col: number | null,
  column: string,
  sheet: string,
  issues: Issue[],
): number | null {
  if (col === null) return null;
  const v = cellAt(grid, row, col);
  if (blankSetting(v)) return null;
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+(\.0+)?\s*$/.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n;
  issues.push(
    settingsIssue(
      "country-score-invalid",
      "warning",
      sheet,
      { row, col, column },
      v,
      `${column} must be a whole number from 1 to 5; it is read as blank until the cell is corrected.`,
    ),
  );
  return null;
}
