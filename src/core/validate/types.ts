/**
 * The shape of a validation rule. Rules are plain objects in a registry (rules/index.ts), in the
 * manner of HyperFormula's function plugins: metadata that the docs and the report can show, plus one
 * pure function. Adding a rule is adding an object; nothing else changes.
 */
import type { ActivityKey } from "../activity/columns";
import type { ParsedActivities, ParsedRow } from "../activity/parsed";
import type { Grid } from "../grid";
import type { Issue, Severity } from "../issues";
import type { FrameworkIndex } from "../framework";

export type RuleFamily = "structure" | "hierarchy" | "reference" | "values" | "consistency";

/** Everything a rule may read besides its row. Built once per validation run. */
export interface RuleContext {
  readonly sheet: string;
  /** "YYYY-MM-DD": the day against which "past its end date" is judged. */
  readonly asOf: string;
  readonly framework: FrameworkIndex;
  readonly grid: Grid;
  readonly parsed: ParsedActivities;
  /** The canonical columns the sheet has, in layout order: per-cell rules loop over these only. */
  readonly present: readonly { readonly key: ActivityKey; readonly header: string }[];
  /**
   * Scratch space for one run, dropped with the context: rules keep per-run caches here rather than in
   * module variables, so that nothing of a checked sheet outlives its report.
   */
  readonly scratch: Map<string, unknown>;
  /** The header text as written in the sheet for a canonical column (falls back to the canonical header). */
  headerOf(key: ActivityKey): string;
}

interface RuleMeta {
  /** Stable machine code, kebab-case; documented in docs/validation-rules.md. */
  readonly code: string;
  readonly severity: Severity;
  readonly family: RuleFamily;
  /** Canonical columns the rule reads (empty for sheet-structure rules). */
  readonly columns: readonly ActivityKey[];
  /** One line for the docs: what the issue means. */
  readonly meaning: string;
  /** One line for the docs: how to fix it. */
  readonly fix: string;
}

export interface RowRule extends RuleMeta {
  readonly scope: "row";
  check(row: ParsedRow, ctx: RuleContext): readonly Issue[];
}

export interface SheetRule extends RuleMeta {
  readonly scope: "sheet";
  check(parsed: ParsedActivities, ctx: RuleContext): readonly Issue[];
}

export type Rule = RowRule | SheetRule;
