/**
 * The rule registry: every check the validator runs, as plain objects. The docs table
 * (docs/validation-rules.md) lists the same codes; a test keeps the two in step.
 */
import type { Rule } from "../types";
import { CONSISTENCY_RULES } from "./consistency";
import { fieldProblems } from "./field-problems";
import { HIERARCHY_RULES } from "./hierarchy";
import { REFERENCE_RULES } from "./reference";
import { STRUCTURE_RULES } from "./structure";
import { VALUE_RULES } from "./values";

export const RULES: readonly Rule[] = [
  ...STRUCTURE_RULES,
  fieldProblems,
  ...HIERARCHY_RULES,
  ...REFERENCE_RULES,
  ...VALUE_RULES,
  ...CONSISTENCY_RULES,
];

export { PROBLEM_SEVERITY } from "./field-problems";
