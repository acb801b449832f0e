/** `iccwc-plan framework [--json]`: the plan as loaded, as JSON or as a readable tree. */
import type { Command } from "commander";
import { PLAN_2023_2026, type FrameworkIndex } from "../../core/framework";
import { printJson, type CommandContext } from "../context";

export function frameworkTree(plan: FrameworkIndex): string {
  const f = plan.framework;
  const lines = [`${f.title} (${f.period.start} to ${f.period.end})`, `Vision: ${f.vision}`, `Impact: ${f.impact}`, ""];
  for (const o of plan.outcomes) {
    lines.push(`${o.code}  ${o.title}`);
    for (const s of plan.children(o.code)) {
      lines.push(`  ${s.code}  ${s.title}`);
      for (const a of plan.children(s.code)) lines.push(`    ${a.code}  ${a.title}`);
    }
  }
  lines.push(
    "",
    `${plan.outcomes.length} outcomes, ${plan.subOutcomes.length} sub-outcomes, ${plan.approaches.length} approaches.`,
  );
  return `${lines.join("\n")}\n`;
}

export function registerFramework(program: Command, ctx: CommandContext): void {
  program
    .command("framework")
    .description("Print the ICCWC Strategic Action Plan 2023-2026 as loaded: outcomes, sub-outcomes and approaches.")
    .option(
      "--json",
      "print the full framework as JSON (vision, impact, outcomes, sub-outcomes, approaches, statements, example activities)",
    )
    .action((opts: { json?: boolean }) => {
      if (opts.json) printJson(ctx.io, PLAN_2023_2026.framework);
      else ctx.io.stdout(frameworkTree(PLAN_2023_2026));
    });
}
