/**
 * The summaries as JSON for `iccwc-plan summarize --json`: each table as an array of objects keyed by
 * the same column headers as the sheet, so a script and a PivotTable see the same names.
 */
import type { CellValue } from "../grid";
import type { Summaries } from "./build";
import { renderSummaries } from "./tables";

export type JsonCell = string | number | boolean | null;

export interface SummariesJson {
  generatedOn: string;
  asOf: string;
  periodMonths: number;
  /** Keyed by Excel table name: tblFacts, tblByOutcome, ... */
  tables: Record<string, Record<string, JsonCell>[]>;
  issues: Summaries["issues"];
}

function jsonCell(v: CellValue): JsonCell {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v !== null && typeof v === "object") return v.error;
  return v;
}

export function summariesToJson(s: Summaries): SummariesJson {
  const tables: SummariesJson["tables"] = {};
  for (const t of renderSummaries(s)) {
    tables[t.name] = t.rows.map((row) => {
      // A null-prototype object: a header can never reach Object.prototype.
      const o: Record<string, JsonCell> = Object.create(null) as Record<string, JsonCell>;
      t.headers.forEach((h, i) => (o[h] = jsonCell(row[i] ?? null)));
      return o;
    });
  }
  return { generatedOn: s.generatedOn, asOf: s.asOf, periodMonths: s.periodMonths, tables, issues: s.issues };
}
