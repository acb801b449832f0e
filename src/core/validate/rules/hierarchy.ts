/**
 * Hierarchy: Outcome, Sub-outcome and Approach must name codes of the plan, at the right level, and
 * each must sit under the one to its left. When two of the three agree and the third does not, the
 * third is the one flagged (a hand-typed fault is usually in one cell); when nothing tells which one is
 * wrong, both disagreeing cells are flagged.
 */
import type { ActivityKey } from "../../activity/columns";
import type { ParsedRow } from "../../activity/parsed";
import { rawAt } from "../../activity/sheet-row";
import { isBlank } from "../../grid";
import { showValue, type Issue } from "../../issues";
import { blockedAt, cellIssues, codeWithTitle, NONE, orList } from "../issue-at";
import type { RowRule, RuleContext } from "../types";

type Level = "outcome" | "subOutcome" | "approach";
const LEVEL_WORD: Record<Level, string> = {
  outcome: "an outcome",
  subOutcome: "a sub-outcome",
  approach: "an approach",
};

interface CodeCell {
  /** The normalised code, "" when blank. */
  code: string;
  /** The code is a known code at the column's level. */
  valid: boolean;
  blank: boolean;
  /** The parser already reported this cell: the hierarchy rules stay silent on it. */
  reported: boolean;
  /** What the officer typed, as text (computed only for a code that is not valid). */
  text: string;
}

interface HierarchyView {
  outcome: CodeCell;
  subOutcome: CodeCell;
  approach: CodeCell;
}

/**
 * The validator runs every rule on one row before the next row, so a one-row cache (in the run's
 * scratch space) shares the view between the hierarchy rules without keeping 100,000 views alive.
 */
interface RowSlot {
  row: ParsedRow | null;
  view: HierarchyView;
  /** The row whose blame is kept (set after the view of that row). */
  blameRow: ParsedRow | null;
  blame: Blame;
}

/** Fills `into` with the row's code cell (the objects are reused from row to row: no garbage per row). */
function codeCell(
  into: CodeCell,
  row: ParsedRow,
  key: "outcome" | "subOutcome" | "approach",
  ctx: RuleContext,
): CodeCell {
  const raw = rawAt(row, key);
  const recorded = row.record[key];
  const code = typeof recorded === "string" ? recorded.trim() : "";
  const blank = code === "" && isBlank(raw);
  const valid = code !== "" && ctx.framework.level(code) === key;
  into.code = code;
  into.valid = valid;
  into.blank = blank;
  into.reported = blockedAt(row, key);
  into.text = valid || blank ? code : showValue(raw).trim();
  return into;
}

function emptyCodeCell(): CodeCell {
  return { code: "", valid: false, blank: true, reported: false, text: "" };
}

/** The run's one-row slot, kept in the run's scratch space. */
function slotOf(ctx: RuleContext): RowSlot {
  let slot = ctx.scratch.get("hierarchy.row") as RowSlot | undefined;
  if (!slot) {
    slot = {
      row: null,
      view: { outcome: emptyCodeCell(), subOutcome: emptyCodeCell(), approach: emptyCodeCell() },
      blameRow: null,
      blame: BLAME_NONE,
    };
    ctx.scratch.set("hierarchy.row", slot);
  }
  return slot;
}

/**
 * The three code cells of a row, computed once per row and shared by the hierarchy rules. One view per
 * run, refilled for each row: the rules read it synchronously and keep nothing of it.
 */
function viewOf(row: ParsedRow, ctx: RuleContext): HierarchyView {
  const slot = slotOf(ctx);
  const v = slot.view;
  if (slot.row === row) return v;
  // Marked unset first, so that a throw half-way leaves no view of a mixed row behind.
  slot.row = null;
  codeCell(v.outcome, row, "outcome", ctx);
  codeCell(v.subOutcome, row, "subOutcome", ctx);
  codeCell(v.approach, row, "approach", ctx);
  slot.row = row;
  return v;
}

/** The outcome an approach or sub-outcome belongs to: the first segment of its code. */
function outcomeOf(code: string): string {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}

function subOutcomeOf(approach: string): string {
  const last = approach.lastIndexOf(".");
  return last > 0 && approach.indexOf(".") < last ? approach.slice(0, last) : "";
}

/*
 * The two tests below run on every row of a sheet, so they walk the characters: String indexOf with a
 * start, lastIndexOf and startsWith are calls into the runtime in V8, each slower than the whole walk of
 * a code a few characters long.
 */

/** outcomeOf(code) === outcome, without cutting a string. */
function isOutcomeOf(code: string, outcome: string): boolean {
  const n = outcome.length;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 46) return i === n; // the first dot: everything before it matched the outcome
    if (i >= n || c !== outcome.charCodeAt(i)) return false;
  }
  return code.length === n;
}

/** subOutcomeOf(approach) === subOutcome for a non-empty subOutcome, without cutting a string. */
function isSubOutcomeOf(approach: string, subOutcome: string): boolean {
  // The approach is the sub-outcome, a dot, then a last segment with no dot; the sub-outcome has a dot.
  const n = subOutcome.length;
  if (n === 0 || approach.charCodeAt(n) !== 46) return false;
  let dotted = false;
  for (let i = 0; i < n; i++) {
    const c = subOutcome.charCodeAt(i);
    if (c !== approach.charCodeAt(i)) return false;
    if (c === 46) dotted = true;
  }
  if (!dotted) return false;
  for (let i = n + 1; i < approach.length; i++) if (approach.charCodeAt(i) === 46) return false;
  return true;
}

/**
 * Suggestions per distinct (text, level, parent) for this run: a sheet with one mistyped code copied down
 * 1,000 rows ranks the plan's codes once, not 1,000 times.
 */
type Suggested = { codes: string[]; shown: string[] };

function suggestFor(text: string, level: Level, ctx: RuleContext, within?: string): Suggested {
  let suggestMemo = ctx.scratch.get("hierarchy.suggest") as Map<string, Suggested> | undefined;
  if (!suggestMemo) {
    suggestMemo = new Map();
    ctx.scratch.set("hierarchy.suggest", suggestMemo);
  }
  const key = `${level}\u0000${within ?? ""}\u0000${text}`;
  let found = suggestMemo.get(key);
  if (!found) {
    found = rankSuggestions(text, level, ctx, within);
    if (suggestMemo.size > 10_000) suggestMemo.clear();
    suggestMemo.set(key, found);
  }
  return found;
}

/** Suggestions for a code that matches nothing at its level, best first, restricted to that level. */
function rankSuggestions(
  text: string,
  level: Level,
  ctx: RuleContext,
  within?: string,
): { codes: string[]; shown: string[] } {
  const fw = ctx.framework;
  let found: { code: string; title: string }[] = [];
  try {
    found = fw.suggest(text, 8).filter((s) => fw.level(s.code) === level);
  } catch {
    found = [];
  }
  if (found.length === 0) {
    // A code of a higher level ("3.2" typed as an approach): offer what sits under it at this level.
    const code = text.trim();
    const lvl = fw.level(code);
    if (lvl === "outcome" && level !== "outcome") {
      const subs = safeChildren(ctx, code);
      found = (level === "subOutcome" ? subs : subs.flatMap((s) => safeChildren(ctx, s))).map((c) => ({
        code: c,
        title: fw.title(c) ?? "",
      }));
    } else if (lvl === "subOutcome" && level === "approach") {
      found = safeChildren(ctx, code).map((c) => ({ code: c, title: fw.title(c) ?? "" }));
    }
  }
  if (within) {
    // A valid parent in the same row narrows the choice: offer its children first.
    const kids = safeChildren(ctx, within);
    found = [...found.filter((s) => kids.includes(s.code)), ...found.filter((s) => !kids.includes(s.code))];
    if (found.length === 0) found = kids.map((code) => ({ code, title: fw.title(code) ?? "" }));
  }
  const top = found.slice(0, 3);
  return { codes: top.map((s) => s.code), shown: top.map((s) => codeWithTitle(s.code, s.title || fw.title(s.code))) };
}

function safeChildren(ctx: RuleContext, code: string): string[] {
  try {
    return ctx.framework.children(code).map((c) => c.code);
  } catch {
    return [];
  }
}

function unknownRule(key: Level, header: string, code: string, what: string): RowRule {
  const parentKey: Record<Level, Level | null> = { outcome: null, subOutcome: "outcome", approach: "subOutcome" };
  return {
    code,
    severity: "error",
    family: "hierarchy",
    scope: "row",
    columns: [key],
    meaning: `The ${header} is not ${what} of the ICCWC Strategic Action Plan 2023-2026 (or is a code of another level).`,
    fix: `Type one of the plan's ${header.toLowerCase()} codes (the Framework sheet lists them); the message suggests the nearest.`,
    check(row, ctx) {
      const v = viewOf(row, ctx)[key];
      if (v.reported || v.blank || v.valid) return NONE;
      const shown = v.code || v.text;
      const actual = v.code ? ctx.framework.level(v.code) : undefined;
      const pk = parentKey[key];
      const parent = pk ? viewOf(row, ctx)[pk] : null;
      const s = suggestFor(v.code || v.text, key, ctx, parent?.valid ? parent.code : undefined);
      let message: string;
      if (actual && actual !== key) {
        message = `${header} "${shown}" is ${LEVEL_WORD[actual]} code, not ${LEVEL_WORD[key]}.`;
      } else {
        message = `${header} "${shown}" is not in the ICCWC Strategic Action Plan 2023-2026.`;
      }
      message +=
        s.shown.length > 0 ? ` Did you mean ${orList(s.shown)}?` : ` Use a code listed on the Framework sheet.`;
      return cellIssues(row, key, ctx, { code: this.code, severity: this.severity, message, suggestion: s.codes[0] });
    },
  };
}

export const outcomeUnknown = unknownRule("outcome", "Outcome", "outcome-unknown", "an outcome");
export const subOutcomeUnknown = unknownRule("subOutcome", "Sub-outcome", "sub-outcome-unknown", "a sub-outcome");
export const approachUnknown = unknownRule("approach", "Approach", "approach-unknown", "an approach");

export const approachMissing: RowRule = {
  code: "approach-missing",
  severity: "error",
  family: "hierarchy",
  scope: "row",
  columns: ["approach"],
  meaning: "The Approach cell is empty, so the activity cannot be counted under any approach.",
  fix: "Type the approach code the activity delivers (for example 3.2.4); the message lists the approaches under the row's sub-outcome.",
  check(row, ctx) {
    const v = viewOf(row, ctx);
    if (v.approach.reported || !v.approach.blank) return NONE;
    return approachMissingIssues(this, row, ctx, v);
  },
};

/*
 * The issue builders below are apart from the checks on purpose: a function whose closures capture its
 * locals allocates a context object on every call in V8, even on the rows where it returns at once. Kept
 * out of the checks, that is an allocation per flagged row rather than per row.
 */

function approachMissingIssues(rule: RowRule, row: ParsedRow, ctx: RuleContext, v: HierarchyView): readonly Issue[] {
  const under = v.subOutcome.valid ? v.subOutcome.code : v.outcome.valid ? v.outcome.code : "";
  let kids = under ? safeChildren(ctx, under) : [];
  if (under && ctx.framework.level(under) === "outcome") kids = kids.flatMap((s) => safeChildren(ctx, s));
  const shown = kids.slice(0, 3).map((c) => codeWithTitle(c, ctx.framework.title(c), 50));
  const message =
    `Approach is empty: every activity must name the approach it delivers.` +
    (shown.length > 0
      ? ` Under ${under}: ${orList(shown)}${kids.length > 3 ? ", ..." : ""}.`
      : ` Use a code listed on the Framework sheet.`);
  return cellIssues(row, "approach", ctx, { code: rule.code, severity: rule.severity, message, suggestion: kids[0] });
}

/**
 * Which cells to blame when two codes of a row disagree: the one the third code contradicts, or both
 * when the third cannot tell.
 */
function blame(row: ParsedRow, ctx: RuleContext): Blame {
  const slot = slotOf(ctx);
  const view = viewOf(row, ctx);
  if (slot.blameRow === row) return slot.blame;
  const { outcome: o, subOutcome: s, approach: a } = view;
  // Agreement between each pair of valid codes; null when one of the pair is not a valid code.
  const sa = s.valid && a.valid ? isSubOutcomeOf(a.code, s.code) : null;
  const os = o.valid && s.valid ? isOutcomeOf(s.code, o.code) : null;
  const oa = o.valid && a.valid ? isOutcomeOf(a.code, o.code) : null;
  let res = BLAME_NONE;
  if (sa === false) {
    const sub = os === true && oa === false ? KEYS_A : os === false && oa === true ? KEYS_S : KEYS_SA;
    res = { subOutcome: sub, outcome: os === false && oa === false ? KEYS_O : NO_KEYS };
  } else if (sa === true && os === false) {
    res = { subOutcome: NO_KEYS, outcome: KEYS_O };
  } else if (sa === null && os === false) {
    res = { subOutcome: NO_KEYS, outcome: KEYS_OS };
  } else if (sa === null && os === null && oa === false) {
    res = { subOutcome: NO_KEYS, outcome: KEYS_OA };
  }
  slot.blameRow = row;
  slot.blame = res;
  return res;
}

/** Which cells each mismatch rule flags on a row; shared constant lists, since most rows flag none. */
interface Blame {
  subOutcome: readonly ActivityKey[];
  outcome: readonly ActivityKey[];
}
const NO_KEYS: readonly ActivityKey[] = Object.freeze([]);
const KEYS_A: readonly ActivityKey[] = Object.freeze(["approach"]);
const KEYS_S: readonly ActivityKey[] = Object.freeze(["subOutcome"]);
const KEYS_SA: readonly ActivityKey[] = Object.freeze(["subOutcome", "approach"]);
const KEYS_O: readonly ActivityKey[] = Object.freeze(["outcome"]);
const KEYS_OS: readonly ActivityKey[] = Object.freeze(["outcome", "subOutcome"]);
const KEYS_OA: readonly ActivityKey[] = Object.freeze(["outcome", "approach"]);
const BLAME_NONE: Blame = Object.freeze({ subOutcome: NO_KEYS, outcome: NO_KEYS });

export const subOutcomeMismatch: RowRule = {
  code: "sub-outcome-mismatch",
  severity: "error",
  family: "hierarchy",
  scope: "row",
  columns: ["subOutcome", "approach"],
  meaning: "The approach does not sit under the row's sub-outcome (approach 3.2.4 belongs to sub-outcome 3.2).",
  fix: "Correct whichever of the two is wrong: the flagged cell is the one that disagrees with the outcome.",
  check(row, ctx) {
    const keys = blame(row, ctx).subOutcome;
    return keys.length === 0 ? NONE : subOutcomeMismatchIssues(this, row, ctx, keys);
  },
};

function subOutcomeMismatchIssues(
  rule: RowRule,
  row: ParsedRow,
  ctx: RuleContext,
  keys: readonly ActivityKey[],
): readonly Issue[] {
  const { subOutcome: s, approach: a } = viewOf(row, ctx);
  const fw = ctx.framework;
  const right = subOutcomeOf(a.code);
  return keys.flatMap((key) =>
    cellIssues(row, key, ctx, {
      code: rule.code,
      severity: rule.severity,
      message:
        key === "subOutcome"
          ? `Sub-outcome "${s.code}" is not the parent of approach ${codeWithTitle(a.code, fw.title(a.code), 50)}, which sits under ${codeWithTitle(right, fw.title(right), 50)}. Change the sub-outcome to ${right}, or pick an approach under ${s.code}.`
          : `Approach ${codeWithTitle(a.code, fw.title(a.code), 50)} is not under sub-outcome ${codeWithTitle(s.code, fw.title(s.code), 50)}. Pick an approach under ${s.code} (${orList(safeChildren(ctx, s.code).slice(0, 4))}), or change the sub-outcome to ${right}.`,
      suggestion: key === "subOutcome" ? right : safeChildren(ctx, s.code)[0],
    }),
  );
}

export const outcomeMismatch: RowRule = {
  code: "outcome-mismatch",
  severity: "error",
  family: "hierarchy",
  scope: "row",
  columns: ["outcome", "subOutcome", "approach"],
  meaning:
    "The outcome is not the parent of the row's sub-outcome (or, when the sub-outcome is empty, of its approach).",
  fix: "Change the outcome to the first part of the sub-outcome code (3.2 belongs to outcome 3), or correct the sub-outcome.",
  check(row, ctx) {
    const keys = blame(row, ctx).outcome;
    return keys.length === 0 ? NONE : outcomeMismatchIssues(this, row, ctx, keys);
  },
};

function outcomeMismatchIssues(
  rule: RowRule,
  row: ParsedRow,
  ctx: RuleContext,
  keys: readonly ActivityKey[],
): readonly Issue[] {
  const { outcome: o, subOutcome: s, approach: a } = viewOf(row, ctx);
  const child = s.valid ? s : a;
  const childWord = s.valid ? "sub-outcome" : "approach";
  const right = outcomeOf(child.code);
  const fw = ctx.framework;
  return keys.flatMap((key) =>
    cellIssues(row, key, ctx, {
      code: rule.code,
      severity: rule.severity,
      message:
        key === "outcome"
          ? `Outcome "${o.code}" is not the parent of ${childWord} ${codeWithTitle(child.code, fw.title(child.code), 50)}, which belongs to outcome ${codeWithTitle(right, fw.title(right), 50)}. Change the outcome to ${right}, or correct the ${childWord}.`
          : `${childWord === "sub-outcome" ? "Sub-outcome" : "Approach"} "${child.code}" does not belong to outcome ${codeWithTitle(o.code, fw.title(o.code), 50)}. Pick a ${childWord} under ${o.code}, or change the outcome to ${right}.`,
      suggestion: key === "outcome" ? right : undefined,
    }),
  );
}

function derivableRule(key: "outcome" | "subOutcome", header: string, code: string): RowRule {
  return {
    code,
    severity: "info",
    family: "hierarchy",
    scope: "row",
    columns: [key, "approach"],
    meaning: `The ${header} cell is empty but the approach implies it.`,
    fix: `Type the suggested ${header.toLowerCase()} code, or leave it: summaries take it from the approach.`,
    check(row, ctx) {
      const v = viewOf(row, ctx);
      if (v[key].reported || !v[key].blank || !v.approach.valid) return NONE;
      const implied = key === "outcome" ? outcomeOf(v.approach.code) : subOutcomeOf(v.approach.code);
      return cellIssues(row, key, ctx, {
        code: this.code,
        severity: this.severity,
        message: `${header} is empty; approach ${v.approach.code} belongs to ${header.toLowerCase()} ${codeWithTitle(implied, ctx.framework.title(implied), 60)}. Type ${implied} here.`,
        suggestion: implied,
      });
    },
  };
}

export const outcomeMissing = derivableRule("outcome", "Outcome", "outcome-missing");
export const subOutcomeMissing = derivableRule("subOutcome", "Sub-outcome", "sub-outcome-missing");

export const HIERARCHY_RULES: readonly RowRule[] = [
  outcomeUnknown,
  subOutcomeUnknown,
  approachUnknown,
  approachMissing,
  subOutcomeMismatch,
  outcomeMismatch,
  outcomeMissing,
  subOutcomeMissing,
];

export type { Issue };
