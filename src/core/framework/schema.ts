/**
 * The zod schema of a framework data file (src/core/framework/data/*.json). A new action plan is a new
 * file that passes this schema; no code changes. Cross-field checks (parents exist, codes nest, declared
 * counts match) run in superRefine so that every failure carries the JSON path of the bad entry.
 */
import { z } from "zod";

const OUTCOME_CODE = /^[1-9][0-9]?$/;
const SUB_OUTCOME_CODE = /^[1-9][0-9]?\.[1-9][0-9]?$/;
const APPROACH_CODE = /^[1-9][0-9]?\.[1-9][0-9]?\.[1-9][0-9]?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

const text = z.string().trim().min(1);

export const outcomeSchema = z.object({
  code: z.string().regex(OUTCOME_CODE, 'an outcome code is one number, e.g. "3"'),
  title: text,
  statement: text,
});

export const subOutcomeSchema = z.object({
  code: z.string().regex(SUB_OUTCOME_CODE, 'a sub-outcome code is dotted, e.g. "3.2"'),
  outcome: z.string().regex(OUTCOME_CODE),
  title: text,
  statement: text,
  /** True for the management sub-outcome (5.3 in 2023-2026). */
  management: z.boolean().optional(),
});

export const approachSchema = z.object({
  code: z.string().regex(APPROACH_CODE, 'an approach code is dotted, e.g. "3.2.4"'),
  subOutcome: z.string().regex(SUB_OUTCOME_CODE),
  outcome: z.string().regex(OUTCOME_CODE),
  title: text,
  exampleActivities: z.string(),
});

export const frameworkSchema = z
  .object({
    id: text,
    version: text,
    title: text,
    source: z.string().optional(),
    period: z.object({ start: z.string().regex(ISO_DATE), end: z.string().regex(ISO_DATE) }),
    vision: text,
    impact: text,
    /** Declared counts: a lost or duplicated row in the data file fails loading instead of passing silently. */
    counts: z
      .object({
        outcomes: z.number().int().positive(),
        subOutcomes: z.number().int().positive(),
        approaches: z.number().int().positive(),
      })
      .optional(),
    outcomes: z.array(outcomeSchema).min(1),
    subOutcomes: z.array(subOutcomeSchema).min(1),
    approaches: z.array(approachSchema).min(1),
    theoryOfChangeLevels: z.array(z.object({ id: text, name: text, definition: text })),
    assumptions: z.array(z.object({ id: text, name: text, items: z.array(text) })),
    stages: z.array(z.object({ name: text, description: z.string() })),
    timeframe: z.array(
      z.object({
        phase: text,
        start: z.string().regex(ISO_MONTH),
        end: z.string().regex(ISO_MONTH),
        description: z.string(),
      }),
    ),
    leadAgencies: z.array(text).min(1),
    levels: z.array(text).min(1),
  })
  .superRefine((fw, ctx) => {
    if (fw.period.start > fw.period.end) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["period"], message: "period.start is after period.end" });
    }
    const seen = new Set<string>();
    const unique = (code: string, path: (string | number)[]): void => {
      if (seen.has(code)) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `code ${code} appears twice` });
      seen.add(code);
    };
    fw.outcomes.forEach((o, i) => unique(o.code, ["outcomes", i, "code"]));
    const outcomeCodes = new Set(fw.outcomes.map((o) => o.code));
    const subCodes = new Set(fw.subOutcomes.map((s) => s.code));
    fw.subOutcomes.forEach((s, i) => {
      unique(s.code, ["subOutcomes", i, "code"]);
      if (!outcomeCodes.has(s.outcome)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["subOutcomes", i, "outcome"],
          message: `outcome ${s.outcome} does not exist`,
        });
      } else if (!s.code.startsWith(`${s.outcome}.`)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["subOutcomes", i, "code"],
          message: `code ${s.code} is not under outcome ${s.outcome}`,
        });
      }
    });
    fw.approaches.forEach((a, i) => {
      unique(a.code, ["approaches", i, "code"]);
      if (!subCodes.has(a.subOutcome)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["approaches", i, "subOutcome"],
          message: `sub-outcome ${a.subOutcome} does not exist`,
        });
      } else if (!a.code.startsWith(`${a.subOutcome}.`)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["approaches", i, "code"],
          message: `code ${a.code} is not under sub-outcome ${a.subOutcome}`,
        });
      }
      if (!a.subOutcome.startsWith(`${a.outcome}.`)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["approaches", i, "outcome"],
          message: `outcome ${a.outcome} does not contain sub-outcome ${a.subOutcome}`,
        });
      }
    });
    fw.outcomes.forEach((o, i) => {
      if (!fw.subOutcomes.some((s) => s.outcome === o.code)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["outcomes", i],
          message: `outcome ${o.code} has no sub-outcome`,
        });
      }
    });
    fw.subOutcomes.forEach((s, i) => {
      if (!fw.approaches.some((a) => a.subOutcome === s.code)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["subOutcomes", i],
          message: `sub-outcome ${s.code} has no approach`,
        });
      }
    });
    if (fw.counts) {
      for (const key of ["outcomes", "subOutcomes", "approaches"] as const) {
        if (fw[key].length !== fw.counts[key]) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [key],
            message: `counts.${key} declares ${fw.counts[key]} entries but the file has ${fw[key].length}`,
          });
        }
      }
    }
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type SubOutcome = z.infer<typeof subOutcomeSchema>;
export type Approach = z.infer<typeof approachSchema>;
export type FrameworkNode = Outcome | SubOutcome | Approach;
export type FrameworkLevel = "outcome" | "subOutcome" | "approach";
