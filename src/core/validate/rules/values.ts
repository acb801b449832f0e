/**
 * Values: each cell holds something the summaries can use. The parser converts (text to numbers, serials
 * and Date objects to ISO dates) and reports what it could not convert; these rules judge the converted
 * values (ranges, order, period) and catch anything unconverted that reached the record silently.
 */
import type { ActivityKey } from "../../activity/columns";
import type { ParsedRow } from "../../activity/parsed";
import { rawAt, SheetRow } from "../../activity/sheet-row";
import { ERROR_VALUES, isBlank, isCellError, type CellValue } from "../../grid";
import { showValue, type Issue } from "../../issues";
import { blockedAt, cellIssues, NONE } from "../issue-at";
import type { RowRule, RuleContext, SheetRule } from "../types";
import { ACTIVITY_COLUMNS } from "../../activity/columns";

const ERROR_TEXT = new Set<string>(ERROR_VALUES);

/** True for an Excel error value, or text that is exactly one (a CSV or a paste keeps "#N/A" as text). */
export function isErrorValue(v: CellValue): boolean {
  if (typeof v === "string") {
    // Fast path: every error text starts with "#"; most cells are not errors.
    const t = v.length > 0 && v.charCodeAt(0) === 35 ? v : v.trimStart();
    return t.charCodeAt(0) === 35 && t.length <= 16 && ERROR_TEXT.has(t.trim().toUpperCase());
  }
  return isCellError(v);
}

/**
 * False when no cell of a parser row can hold an error value: none is an object other than a Date, and
 * no text starts with "#" or with white space (before which a "#" could hide). A quick scan of the row's
 * values that lets the error-value rule skip nearly every row of a large sheet.
 */
function mayHoldErrorValue(row: SheetRow): boolean {
  const { values, layout } = row;
  for (let k = 0; k < layout.offsets.length; k++) {
    const offset = layout.offsets[k]!;
    if (offset < 0) continue;
    const v = values[offset];
    if (typeof v === "string") {
      const c = v.charCodeAt(0);
      if (c === 35 || c <= 32 || c >= 127) return true;
    } else if (typeof v === "object" && v !== null && !(v instanceof Date)) return true;
  }
  return false;
}

/** The cell is present and neither the parser nor the error-value rule reported it. */
function unreported(row: ParsedRow, key: ActivityKey): boolean {
  return !blockedAt(row, key) && !isErrorValue(rawAt(row, key));
}

export const errorValue: RowRule = {
  code: "error-value",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ACTIVITY_COLUMNS.map((c) => c.key),
  meaning: "The cell holds an Excel error value (#N/A, #REF!, #VALUE!, ...), usually from a broken formula or a paste.",
  fix: "Replace the formula or paste with the value itself; look at where the error comes from.",
  check(row, ctx) {
    if (row instanceof SheetRow && !mayHoldErrorValue(row)) return NONE;
    let out: Issue[] | null = null;
    for (const { key, header } of ctx.present) {
      const raw = rawAt(row, key);
      // The value test first: it is cheap, and almost no cell holds an error.
      if (!isErrorValue(raw) || blockedAt(row, key)) continue;
      (out ??= []).push(
        ...cellIssues(row, key, ctx, {
          code: this.code,
          severity: this.severity,
          message: `${header} holds the error value ${showValue(raw)}, so it cannot be read. Replace it with the ${header.toLowerCase()} itself (check the formula or paste it came from).`,
        }),
      );
    }
    return out ?? NONE;
  },
};

const DATE_KEYS = [
  ["startDate", "Start date"],
  ["endDate", "End date"],
] as const;

export const dateUnreadable: RowRule = {
  code: "date-unreadable",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["startDate", "endDate"],
  meaning: 'The date cannot be read as a date (text such as "soon" or "31/02/2024").',
  fix: "Type a real date (2024-03-31), or format the cell as a date.",
  check(row, ctx) {
    let out: Issue[] | null = null;
    for (const [key, header] of DATE_KEYS) {
      const raw = rawAt(row, key);
      // Cheapest test first (every test here is pure, so the order changes nothing but the time).
      if (row.record[key] !== null || isBlank(raw) || !unreported(row, key)) continue;
      (out ??= []).push(
        ...cellIssues(row, key, ctx, {
          code: this.code,
          severity: this.severity,
          message: `${header} "${showValue(raw)}" is not a date. Type it as a date such as 2024-03-31.`,
        }),
      );
    }
    return out ?? NONE;
  },
};

export const dateOrder: RowRule = {
  code: "date-order",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["startDate", "endDate"],
  meaning: "The end date is before the start date, so the activity's duration and timeline are wrong.",
  fix: "Correct whichever date is wrong (they may have been swapped).",
  check(row, ctx) {
    const { startDate: s, endDate: e } = row.record;
    if (!s || !e || e >= s || !unreported(row, "startDate") || !unreported(row, "endDate")) return NONE;
    const message = `End date ${e} is before start date ${s}. Correct whichever is wrong (they may be swapped).`;
    return [
      ...cellIssues(row, "endDate", ctx, { code: this.code, severity: this.severity, message, suggestion: s }),
      ...cellIssues(row, "startDate", ctx, { code: this.code, severity: this.severity, message, suggestion: e }),
    ];
  },
};

export const dateOutsidePlan: RowRule = {
  code: "date-outside-plan",
  severity: "warning",
  family: "values",
  scope: "row",
  columns: ["startDate", "endDate"],
  meaning: "The date falls outside the plan period (2023-01-01 to 2026-12-31).",
  fix: "Check the date; an activity of this plan runs within January 2023 to December 2026.",
  check(row, ctx) {
    const { start, end } = ctx.framework.period;
    let out: Issue[] | null = null;
    for (const [key, header] of DATE_KEYS) {
      const d = row.record[key];
      if (!d || (d >= start && d <= end) || !unreported(row, key)) continue;
      (out ??= []).push(
        ...cellIssues(row, key, ctx, {
          code: this.code,
          severity: this.severity,
          message: `${header} ${d} is outside the plan period ${start} to ${end}. Check the date, or record the activity in the plan it belongs to.`,
          suggestion: d < start ? start : end,
        }),
      );
    }
    return out ?? NONE;
  },
};

export const progressOutOfRange: RowRule = {
  code: "progress-out-of-range",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["progress"],
  meaning: "Progress is not between 0% and 100%.",
  fix: "Type a percentage from 0% to 100% (or a fraction from 0 to 1).",
  check(row, ctx) {
    const p = row.record.progress;
    // Text that is not a number is number-unreadable's to report.
    if (p === null || !Number.isFinite(p)) return NONE;
    if (p >= 0 && p <= 1) return NONE;
    const raw = rawAt(row, "progress");
    if (!unreported(row, "progress") || isBlank(raw)) return NONE;
    return cellIssues(row, "progress", ctx, {
      code: this.code,
      severity: this.severity,
      message: `Progress ${showValue(raw)} is outside 0% to 100%. Type a percentage from 0% to 100%.`,
      suggestion: p < 0 ? "0%" : "100%",
    });
  },
};

const SCORE_KEYS = [
  ["need", "Need"],
  ["valueAdded", "Value added"],
  ["engagement", "Engagement"],
] as const;

export const scoreInvalid: RowRule = {
  code: "score-invalid",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["need", "valueAdded", "engagement"],
  meaning: "Need, Value added and Engagement are scores: whole numbers from 1 (low) to 5 (high).",
  fix: "Type a whole number from 1 to 5, or leave the cell empty to use the country's score.",
  check(row, ctx) {
    let out: Issue[] | null = null;
    for (const [key, header] of SCORE_KEYS) {
      const v = row.record[key];
      if (v !== null && Number.isInteger(v) && v >= 1 && v <= 5) continue;
      const raw = rawAt(row, key);
      if (isBlank(raw) || !unreported(row, key)) continue;
      const n = typeof v === "number" && Number.isFinite(v) ? Math.min(5, Math.max(1, Math.round(v))) : null;
      (out ??= []).push(
        ...cellIssues(row, key, ctx, {
          code: this.code,
          severity: this.severity,
          message: `${header} "${showValue(raw)}" is not a whole number from 1 to 5. Type 1 (low) to 5 (high), or leave it empty to use the country's score.`,
          suggestion: n === null ? undefined : String(n),
        }),
      );
    }
    return out ?? NONE;
  },
};

const MONEY_KEYS = [
  ["budgetUsd", "Budget (USD)"],
  ["fundedUsd", "Funded (USD)"],
] as const;

const NUMBER_KEYS = [...MONEY_KEYS, ["progress", "Progress"]] as const;

export const numberUnreadable: RowRule = {
  code: "number-unreadable",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["budgetUsd", "fundedUsd", "progress"],
  meaning: 'An amount or a progress that is not a number (text such as "TBD" or "about 20k").',
  fix: "Type the amount in US dollars as a number (25000) and progress as a percentage (40%), or leave the cell empty if unknown.",
  check(row, ctx) {
    let out: Issue[] | null = null;
    for (const [key, header] of NUMBER_KEYS) {
      const v = row.record[key];
      if (v !== null && Number.isFinite(v)) continue;
      const raw = rawAt(row, key);
      if (isBlank(raw) || !unreported(row, key)) continue;
      (out ??= []).push(
        ...cellIssues(row, key, ctx, {
          code: this.code,
          severity: this.severity,
          message:
            key === "progress"
              ? `Progress "${showValue(raw)}" is not a number. Type a percentage from 0% to 100% (for example 40%), or leave it empty.`
              : `${header} "${showValue(raw)}" is not an amount. Type the amount in US dollars as a number (for example 25000), or leave it empty.`,
        }),
      );
    }
    return out ?? NONE;
  },
};

export const moneyNegative: RowRule = {
  code: "money-negative",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["budgetUsd", "fundedUsd"],
  meaning: "A negative budget or funded amount.",
  fix: "Type the amount as a positive number.",
  check(row, ctx) {
    let out: Issue[] | null = null;
    for (const [key, header] of MONEY_KEYS) {
      const v = row.record[key];
      if (v === null || !(v < 0) || !unreported(row, key)) continue;
      (out ??= []).push(
        ...cellIssues(row, key, ctx, {
          code: this.code,
          severity: this.severity,
          message: `${header} ${v} is negative. Type the amount as a positive number.`,
          suggestion: String(-v),
        }),
      );
    }
    return out ?? NONE;
  },
};

export const fundedOverBudget: RowRule = {
  code: "funded-over-budget",
  severity: "warning",
  family: "values",
  scope: "row",
  columns: ["budgetUsd", "fundedUsd"],
  meaning: "The funded amount is larger than the budget.",
  fix: "Check both amounts; raise the budget if the activity grew.",
  check(row, ctx) {
    const { budgetUsd: b, fundedUsd: f } = row.record;
    if (
      b === null ||
      f === null ||
      !(f > b) ||
      b < 0 ||
      f < 0 ||
      !unreported(row, "budgetUsd") ||
      !unreported(row, "fundedUsd")
    )
      return NONE;
    const message = `Funded (USD) ${f} is more than Budget (USD) ${b}. Check both amounts; raise the budget if the activity grew.`;
    return [
      ...cellIssues(row, "fundedUsd", ctx, { code: this.code, severity: this.severity, message }),
      ...cellIssues(row, "budgetUsd", ctx, {
        code: this.code,
        severity: this.severity,
        message,
        suggestion: String(f),
      }),
    ];
  },
};

export const idMissing: RowRule = {
  code: "id-missing",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["id"],
  meaning: "The activity has no ID, so it cannot be referred to, merged or tracked between versions.",
  fix: "Give the activity a unique ID (for example A-042).",
  check(row, ctx) {
    const raw = rawAt(row, "id");
    if (!isBlank(raw) || blockedAt(row, "id")) return NONE;
    return cellIssues(row, "id", ctx, {
      code: this.code,
      severity: this.severity,
      message: `The activity on row ${row.row} has no ID. Give it a unique ID (for example A-${String(row.row).padStart(3, "0")}).`,
    });
  },
};

export const titleMissing: RowRule = {
  code: "title-missing",
  severity: "error",
  family: "values",
  scope: "row",
  columns: ["title"],
  meaning: "The activity has no title, so summaries and reports cannot name it.",
  fix: "Type a short description of the activity in the Activity column.",
  check(row, ctx) {
    const raw = rawAt(row, "title");
    if (!isBlank(raw) || blockedAt(row, "title")) return NONE;
    return cellIssues(row, "title", ctx, {
      code: this.code,
      severity: this.severity,
      message: `The activity on row ${row.row} has no title. Type a short description of the activity.`,
    });
  },
};

/**
 * An ID as compared for duplicates: trimmed, upper case. Most IDs are already that ("A-042"), and
 * toUpperCase is a runtime call in V8 (toLowerCase has a fast path), so such IDs are used as they are.
 */
export function idKey(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || (c >= 97 && c <= 122) || c > 126) return text.trim().toUpperCase();
  }
  return text;
}

/** Duplicate IDs need the whole sheet: every occurrence is flagged, each naming the other rows. */
export const idDuplicate: SheetRule = {
  code: "id-duplicate",
  severity: "error",
  family: "values",
  scope: "sheet",
  columns: ["id"],
  meaning: "Two or more activities share an ID, so they would be merged or confused in summaries and imports.",
  fix: "Give each activity its own ID.",
  check(parsed, ctx: RuleContext) {
    // One entry per ID; an array only for the few IDs seen twice (100,000 arrays would be garbage).
    const byId = new Map<string, ParsedRow | ParsedRow[]>();
    let duplicates = false;
    // An index loop: this runs once per sheet, so often before the optimiser, where for-of allocates.
    const all = parsed.rows;
    for (let r = 0; r < all.length; r++) {
      const row = all[r]!;
      const raw = rawAt(row, "id");
      if (isBlank(raw) || isErrorValue(raw) || blockedAt(row, "id")) continue;
      // IDs are compared as an officer reads them: "a-001 " and "A-001" are the same activity.
      const k = idKey(typeof raw === "string" ? raw : showValue(raw));
      const seen = byId.get(k);
      if (seen === undefined) byId.set(k, row);
      else {
        duplicates = true;
        if (Array.isArray(seen)) seen.push(row);
        else byId.set(k, [seen, row]);
      }
    }
    if (!duplicates) return NONE;
    let out: Issue[] | null = null;
    for (const rows of byId.values()) {
      if (!Array.isArray(rows)) continue;
      for (const row of rows) {
        const others = rows.filter((r) => r !== row).map((r) => r.row);
        const shown = others.length > 5 ? `${others.slice(0, 5).join(", ")}, ...` : others.join(", ");
        (out ??= []).push(
          ...cellIssues(row, "id", ctx, {
            code: this.code,
            severity: this.severity,
            message: `ID "${showValue(rawAt(row, "id")).trim()}" is also used on row${others.length > 1 ? "s" : ""} ${shown}. Give each activity its own ID.`,
          }),
        );
      }
    }
    return out ?? NONE;
  },
};

export const VALUE_RULES: readonly (RowRule | SheetRule)[] = [
  errorValue,
  dateUnreadable,
  dateOrder,
  dateOutsidePlan,
  progressOutOfRange,
  scoreInvalid,
  numberUnreadable,
  moneyNegative,
  fundedOverBudget,
  idMissing,
  titleMissing,
  idDuplicate,
];
