/**
 * Where the table is in a country team's sheet: the header row (titles, logos and blank rows may sit
 * above it) and the data rows under it (blank rows inside are skipped, sub-total rows skipped, and the
 * data ends at a totals row: a "Total" label or a row of SUM(...) formulas over the rows above).
 */
import { cellAddress, type CellValue, type Grid } from "../grid";
import { cellText, foldText } from "./text";
import { parseMoney } from "./parse-money";
import { HEADER_THRESHOLD, matchHeader, type HeaderMatch } from "./match-header";

/** How far down a header row is looked for. Trackers put a few title lines above; 50 is generous. */
const HEADER_SEARCH_ROWS = 50;

export interface HeaderCandidate {
  /** Sheet row number. */
  row: number;
  /** Matches by sheet column. */
  matches: Map<number, HeaderMatch>;
}

/**
 * The best header row: the one naming the most distinct fields (at least two), the first on a tie.
 * `known` holds folded header texts the user has mapped by hand (corrections, remembered mappings):
 * they count as fields too, so a sheet whose headers only the user understands is still found.
 */
export function findHeaderRow(grid: Grid, known: ReadonlySet<string> = new Set()): HeaderCandidate | null {
  let best: { cand: HeaderCandidate; fields: number; weight: number } | null = null;
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = grid.rows[i] ?? [];
    const matches = new Map<number, HeaderMatch>();
    const fields = new Set<string>();
    let weight = 0;
    let numbers = 0;
    cells.forEach((v, j) => {
      if (typeof v === "number" || v instanceof Date) numbers++;
      if (typeof v !== "string") return;
      if (known.size > 0 && known.has(foldText(v))) {
        fields.add(`known:${foldText(v)}`);
        weight += 1;
        return;
      }
      const m = matchHeader(v);
      if (m && m.confidence >= HEADER_THRESHOLD) {
        matches.set(grid.left + j, m);
        fields.add(m.field);
        weight += m.confidence;
      }
    });
    // A data row whose text happens to look like headers still carries numbers and dates.
    weight -= numbers * 0.5;
    if (fields.size < 2) continue;
    if (!best || fields.size > best.fields || (fields.size === best.fields && weight > best.weight + 1e-9)) {
      best = { cand: { row: grid.top + i, matches }, fields: fields.size, weight };
    }
  }
  return best?.cand ?? null;
}

/**
 * A second header row under the first, as in a merged "Dates" cell over "Début" and "Fin": text only,
 * and at least half of its cells name a field, alone or together with the cell above
 * ("Financement" over "Obtenu").
 */
export function findSubHeaderRow(grid: Grid, headerRow: number): number | null {
  const below = grid.rows[headerRow + 1 - grid.top];
  if (!below) return null;
  const own = grid.rows[headerRow - grid.top] ?? [];
  const above = groupHeaders(own, below);
  let filled = 0;
  let named = 0;
  for (let j = 0; j < below.length; j++) {
    const v = below[j];
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "string") return null;
    filled++;
    const alone = matchHeader(v);
    // Together with the cell above, a lower cell names a field only under a merged group header, or
    // when it changes the field ("Financement" + "Requis" is the budget): a data cell under its header
    // ("(1.1.1)" under "Approach") changes nothing.
    const main = cellText(own[j] ?? null);
    const mainField = main ? matchHeader(main)?.field : undefined;
    const combined = matchHeader(combineHeader(above[j] ?? "", v.trim()));
    const together = combined && (!main || combined.field !== mainField) ? combined : null;
    // Exact aliases only: a data cell ("Enfoque 1.1.1", a title) may contain a header word.
    if ((alone && alone.confidence >= 0.95) || (together && together.confidence >= 0.95)) named++;
  }
  return filled > 0 && named > 0 && named * 2 >= filled ? headerRow + 1 : null;
}

/**
 * The upper header texts as they apply to each column: a merged cell ("Financement (USD)" over I:J)
 * holds its text in its first column only, so a blank upper cell above a filled lower cell takes the
 * text to its left.
 */
export function groupHeaders(main: readonly CellValue[], sub: readonly CellValue[]): string[] {
  const out: string[] = [];
  let last = "";
  const width = Math.max(main.length, sub.length);
  for (let j = 0; j < width; j++) {
    const m = cellText(main[j] ?? null);
    if (m) last = m;
    out.push(m || (cellText(sub[j] ?? null) ? last : ""));
  }
  return out;
}

/**
 * The header text of a column under a two-row header: the lower cell when it names a field by itself
 * ("Début" under "Dates"), else both together ("Financement" + "Obtenu"), else whichever is there.
 */
export function combineHeader(main: string, sub: string): string {
  if (!sub) return main;
  if (!main) return sub;
  const alone = matchHeader(sub);
  if (alone && alone.confidence >= HEADER_THRESHOLD) return sub;
  return `${main} ${sub}`;
}

export type RowKind = "data" | "blank" | "subtotal" | "totals";

/** "sum" alone is left out: "@SUM" or "Sum of ..." in an ID or title cell is not a totals label. */
const TOTAL_WORDS =
  /^(grand total|total general|total global|totals?|totales?|totaux|montant total|suma total|somme|suma)\b/;
const SUBTOTAL_WORDS = /^(sous total|sous totaux|subtotal|subtotales?|sub total|sub totales?)\b/;

/** Aggregates that make a totals row when they sum the rows above. */
const AGGREGATE =
  /^\s*=?\s*(SUM|SUBTOTAL|AGGREGATE|AVERAGE|COUNT|COUNTA|SOMME|SOUS\.TOTAL|SUMA|SUBTOTALES|MOYENNE|PROMEDIO)\s*\(/i;

/**
 * What a row under the header is. `dataCols` are the mapped columns (a "Total" label counts wherever it
 * stands in the first few cells, since country teams put it under the title or under the ID).
 */
export function classifyRow(grid: Grid, row: number): RowKind {
  const i = row - grid.top;
  const cells = grid.rows[i] ?? [];
  let nonBlank = 0;
  let firstTexts = 0;
  let label: RowKind | null = null;
  for (const v of cells) {
    const t = cellText(v);
    if (!t) continue;
    nonBlank++;
    if (typeof v === "string" && firstTexts < 3) {
      firstTexts++;
      // Every totals label starts with one of these letters; folding (costly) only the candidates.
      if (t.length > 60 || !/^[^A-Za-z0-9]*[TtGgSsMm]/.test(t)) continue;
      const f = foldText(t);
      // A label, not a title that happens to start with "Total ...": at most four words.
      if (f.split(" ").length > 4) continue;
      if (SUBTOTAL_WORDS.test(f)) label = label ?? "subtotal";
      else if (TOTAL_WORDS.test(f)) label = label ?? "totals";
    }
  }
  if (nonBlank === 0) return "blank";
  // A totals row is a label and figures; a row with more text ("Total ban workshop", "1.1.1", "UNODC")
  // is an activity whose title happens to start with the word.
  const kind = label ?? (isFormulaTotalsRow(grid, row) ? "totals" : "data");
  return kind !== "data" && wordyCells(cells) > 1 ? "data" : kind;
}

/** Text cells that say something other than an amount ("$195,000", "USD 1 445 000" are figures). */
function wordyCells(cells: readonly CellValue[]): number {
  let n = 0;
  for (const v of cells) {
    if (typeof v !== "string" || !/\p{L}/u.test(v)) continue;
    const money = parseMoney(v);
    if (money.ok || money.code === "money-currency" || money.code === "money-placeholder") continue;
    n++;
  }
  return n;
}

/** Every formula in the row aggregates a range that ends above the row, and nothing else is typed but labels. */
function isFormulaTotalsRow(grid: Grid, row: number): boolean {
  const formulas = grid.formulas?.[row - grid.top];
  if (!formulas) return false;
  let aggregates = 0;
  for (const f of formulas) {
    if (!f) continue;
    if (!AGGREGATE.test(f)) return false;
    const refs = [...f.matchAll(/\$?[A-Za-z]{1,3}\$?(\d+)\s*:\s*\$?[A-Za-z]{1,3}\$?(\d+)/g)];
    if (refs.length === 0) return false;
    for (const r of refs) {
      const a = Number(r[1]);
      const b = Number(r[2]);
      if (Math.max(a, b) >= row) return false;
    }
    aggregates++;
  }
  return aggregates > 0;
}

/** "B7: text" for each non-empty cell, so a skipped row keeps its content in the report. */
export function rowCells(grid: Grid, row: number): string[] {
  const cells = grid.rows[row - grid.top] ?? [];
  const out: string[] = [];
  cells.forEach((v, j) => {
    const t = cellText(v);
    if (t) out.push(`${cellAddress(row, grid.left + j)}: ${t}`);
  });
  return out;
}
