/**
 * Source columns -> canonical fields. Automatic matching first (or the remembered mapping for the same
 * header row), then the user's corrections on top. One field never takes two source columns silently:
 * the better match keeps the field, the other column is kept in Notes and reported.
 */
import { ACTIVITY_COLUMNS, type ActivityKey } from "../activity/columns";
import { cellAddress, columnLetters, columnNumber, type Grid } from "../grid";
import type { Issue } from "../issues";
import { HEADER_THRESHOLD, NOT_A_FIELD, headerCurrency, matchHeader } from "./match-header";
import { headerFingerprint, recallMapping, type MappingMemory } from "./mapping-memory";
import { cellText, foldText } from "./text";
import { combineHeader, groupHeaders } from "./detect-layout";
import { normalizeCode, type FrameworkIndex } from "../framework";
import { parseAgencies, parseCountries } from "../reference";
import type { CellValue } from "../grid";
import type { ColumnMapping, ImportField, MappingChoice } from "./types";

/**
 * The user's corrections: keys are a header as written ("Coût total") or a column letter ("F"); values
 * a field key, "unmapped" (keep in Notes) or "ignore" (drop the column). Read with Object.keys, so a
 * key such as "__proto__" is just a header name.
 */
export type MappingOverride = Readonly<Record<string, string>>;

const FIELD_KEYS: ReadonlySet<string> = new Set([...ACTIVITY_COLUMNS.map((c) => c.key), "period"]);
const CHOICES: ReadonlySet<string> = new Set([...FIELD_KEYS, "unmapped", "ignore"]);
const HEADER_OF: ReadonlyMap<string, string> = new Map([
  ...ACTIVITY_COLUMNS.map((c) => [c.key, c.header] as const),
  ["period", "Period (start and end)"] as const,
]);

export function fieldHeader(field: ImportField): string {
  return HEADER_OF.get(field) ?? field;
}

function isField(choice: MappingChoice): choice is ImportField {
  return FIELD_KEYS.has(choice);
}

/** Fields whose absence makes an import much poorer: said once, as a warning. */
const IMPORTANT: readonly ActivityKey[] = ["title", "approach", "leadAgencies", "countries"];

export interface ColumnPlan {
  columns: ColumnMapping[];
  fingerprint: string;
  fromMemory: boolean;
  issues: Issue[];
}

export function mapColumns(
  grid: Grid,
  headerRow: number,
  width: number,
  options: {
    override?: MappingOverride;
    memory?: MappingMemory;
    subHeaderRow?: number | null;
    framework?: FrameworkIndex;
  },
): ColumnPlan {
  const issues: Issue[] = [];
  const headerCells = grid.rows[headerRow - grid.top] ?? [];
  const subCells = options.subHeaderRow ? (grid.rows[options.subHeaderRow - grid.top] ?? []) : [];
  const mainTexts = options.subHeaderRow ? groupHeaders(headerCells, subCells) : headerCells.map((v) => cellText(v));
  const headers: string[] = [];
  for (let j = 0; j < width; j++) headers.push(combineHeader(mainTexts[j] ?? "", cellText(subCells[j] ?? null)));
  const fingerprint = headerFingerprint(headers);
  const remembered = recallMapping(options.memory, fingerprint);

  const columns: ColumnMapping[] = headers.map((header, j) => {
    const col = grid.left + j;
    const base = { col, letter: columnLetters(col), header };
    const currency = header ? headerCurrency(header) : undefined;
    const withCurrency = currency ? { currency } : {};
    const recalled = remembered?.choices[j];
    if (recalled) return { ...base, choice: recalled, confidence: 1, via: "memory", ...withCurrency };
    const m = header ? matchHeader(header) : null;
    if (m && m.confidence >= HEADER_THRESHOLD)
      return { ...base, choice: m.field, confidence: m.confidence, via: m.via, ...withCurrency };
    return { ...base, choice: "unmapped", confidence: 0, via: "none", ...withCurrency };
  });

  if (!remembered && options.framework)
    sniffContent(grid, (options.subHeaderRow ?? headerRow) + 1, columns, options.framework);
  applyOverride(grid, headerRow, columns, options.override, issues);
  resolveDuplicates(grid, headerRow, columns, issues);

  for (const c of columns) {
    if (c.choice === "unmapped" && c.header && !c.note) {
      c.note = 'No field matches this header: each value is kept in Notes as "Header: value".';
      issues.push(
        columnIssue(
          grid,
          headerRow,
          c,
          "column-unmapped",
          "info",
          `Column ${c.letter} "${c.header}" matches no field of the plan; its values are kept in each activity's Notes as "${c.header}: value". Map it to a field in the preview if it is one.`,
        ),
      );
    }
  }
  for (const f of IMPORTANT) {
    if (!columns.some((c) => c.choice === f)) {
      issues.push({
        code: "column-missing",
        severity: "warning",
        sheet: grid.sheet,
        row: headerRow,
        column: null,
        cell: null,
        value: "",
        message: `No column of the source looks like "${fieldHeader(f)}"; that field stays empty. Map a column to it in the preview if the source has one.`,
      });
    }
  }
  return { columns, fingerprint, fromMemory: remembered !== undefined, issues };
}

/** How many values of a column are looked at to guess its field from content. */
const SNIFF_SAMPLE = 40;
/** Share of the sampled values that must read cleanly. */
const SNIFF_SHARE = 0.8;

/**
 * A column whose header names nothing ("Code", "SAP ref.", no header at all) but whose values are
 * approach codes, countries or agencies feeds that field, when no other column does. Confidence 0.7:
 * the preview shows it, and the user can undo it.
 */
function sniffContent(grid: Grid, firstDataRow: number, columns: ColumnMapping[], framework: FrameworkIndex): void {
  const taken = new Set(columns.map((c) => c.choice));
  const tests: [ImportField, (v: CellValue) => boolean][] = [
    [
      "approach",
      (v) => {
        const code = normalizeCode(v);
        return code !== null && framework.level(code) === "approach" && cellText(v).length <= 12;
      },
    ],
    [
      "countries",
      (v) =>
        typeof v === "string" &&
        (() => {
          const p = parseCountries(v);
          return p.values.length > 0 && p.unknown.length === 0;
        })(),
    ],
    [
      "leadAgencies",
      (v) =>
        typeof v === "string" &&
        (() => {
          const p = parseAgencies(v);
          return p.values.length > 0 && p.unknown.length === 0;
        })(),
    ],
    // Activity references such as "CIV-01", "ACT-007", "KE07": under a "Code" or "Réf. interne" header.
    ["id", (v) => typeof v === "string" && /^[A-Za-z]{1,6}[-_./ ]?\d{1,5}([-_.]\d{1,4})?$/.test(v.trim())],
  ];
  for (const c of columns) {
    // A donor or source column may list countries ("Germany", "Japan"): never read as the plan's countries.
    if (c.choice !== "unmapped" || NOT_A_FIELD.test(foldText(c.header))) continue;
    const sample: CellValue[] = [];
    for (let i = firstDataRow - grid.top; i < grid.rows.length && sample.length < SNIFF_SAMPLE; i++) {
      const v = grid.rows[i]?.[c.col - grid.left];
      if (v !== null && v !== undefined && cellText(v) !== "") sample.push(v);
    }
    if (sample.length < 2) continue;
    const unique = new Set(sample.map((v) => cellText(v))).size === sample.length;
    const idHeader =
      !c.header || /\b(code|codes|ref|reference|id|no|num|numero|identifiant)\b/.test(foldText(c.header));
    for (const [field, ok] of tests) {
      if (taken.has(field)) continue;
      if (field === "id" && !(unique && idHeader)) continue;
      const good = sample.filter(ok).length;
      if (good / sample.length >= SNIFF_SHARE) {
        c.choice = field;
        c.confidence = 0.7;
        c.via = "content";
        c.note = `The header names no field, but ${good} of ${sample.length} values look like ${fieldHeader(field)} values.`;
        taken.add(field);
        break;
      }
    }
  }
}

function applyOverride(
  grid: Grid,
  headerRow: number,
  columns: ColumnMapping[],
  override: MappingOverride | undefined,
  issues: Issue[],
): void {
  if (!override) return;
  for (const key of Object.keys(override)) {
    const value = Object.prototype.hasOwnProperty.call(override, key) ? override[key] : undefined;
    const target = findColumn(columns, key);
    if (!target) {
      issues.push({
        code: "mapping-override-unknown-column",
        severity: "warning",
        sheet: grid.sheet,
        row: headerRow,
        column: null,
        cell: null,
        value: key,
        message: `The mapping names a column "${key}" that the source does not have; that correction was not used. Use a header as written or a column letter.`,
      });
      continue;
    }
    if (typeof value !== "string" || !CHOICES.has(value)) {
      issues.push(
        columnIssue(
          grid,
          headerRow,
          target,
          "mapping-override-invalid",
          "warning",
          `The mapping asks for "${String(value)}" in column ${target.letter}, which is not a field; that correction was not used. Use one of: ${[...CHOICES].join(", ")}.`,
        ),
      );
      continue;
    }
    target.choice = value as MappingChoice;
    target.confidence = 1;
    target.via = "override";
    delete target.note;
  }
}

function findColumn(columns: ColumnMapping[], key: string): ColumnMapping | undefined {
  const folded = foldText(key);
  const byHeader = folded ? columns.find((c) => foldText(c.header) === folded) : undefined;
  if (byHeader) return byHeader;
  if (/^[A-Za-z]{1,3}$/.test(key.trim())) {
    const col = columnNumber(key.trim());
    return columns.find((c) => c.col === col);
  }
  return undefined;
}

const RANK: Record<string, number> = { override: 3, memory: 2 };

function resolveDuplicates(grid: Grid, headerRow: number, columns: ColumnMapping[], issues: Issue[]): void {
  const byField = new Map<ImportField, ColumnMapping[]>();
  for (const c of columns) {
    if (!isField(c.choice) || c.choice === "notes") continue; // several columns may feed Notes
    const list = byField.get(c.choice) ?? [];
    list.push(c);
    byField.set(c.choice, list);
  }
  for (const [field, list] of byField) {
    if (list.length < 2) continue;
    const sorted = [...list].sort(
      (a, b) => (RANK[b.via] ?? 1) - (RANK[a.via] ?? 1) || b.confidence - a.confidence || a.col - b.col,
    );
    const kept = sorted[0]!;
    for (const other of sorted.slice(1)) {
      other.choice = "unmapped";
      other.alsoLooksLike = field;
      other.note = `Also looks like "${fieldHeader(field)}", but column ${kept.letter} "${kept.header}" was used for it; values kept in Notes.`;
      issues.push(
        columnIssue(
          grid,
          headerRow,
          other,
          "column-duplicate-field",
          "warning",
          `Columns ${kept.letter} "${kept.header}" and ${other.letter} "${other.header}" both look like "${fieldHeader(field)}". ${kept.letter} was used; ${other.letter} is kept in Notes. Correct the mapping in the preview if ${other.letter} is the right one.`,
        ),
      );
      other.confidence = 0;
      other.via = "none";
    }
  }
}

function columnIssue(
  grid: Grid,
  headerRow: number,
  c: ColumnMapping,
  code: string,
  severity: Issue["severity"],
  message: string,
): Issue {
  return {
    code,
    severity,
    sheet: grid.sheet,
    row: headerRow,
    column: c.header || null,
    cell: cellAddress(headerRow, c.col),
    value: c.header,
    message,
  };
}
