/**
 * `iccwc-plan validate <book.xlsx> [--json] [--as-of YYYY-MM-DD] [--sheet NAME]`: check every activity
 * row. Exit 0 with no errors, 1 when errors were found, 2 when the file cannot be used. Nothing is written.
 */
import type { Command } from "commander";
import { EmptyActivitiesError } from "../../app/annotate";
import { checkPlan } from "../../app/validate";
import type { Issue } from "../../core/issues";
import { usedExtent } from "../../core/layout/activities-sheet";
import { SHEETS } from "../../core/layout/sheet-names";
import { openWorkbookFile } from "../../hosts/xlsx";
import { SheetNotFoundError } from "../../ports/workbook-port";
import { parseAsOf } from "../arguments";
import { printJson, type CommandContext } from "../context";
import { EXIT } from "../errors";

/** Human output stops after this many issues; --json always has them all. */
const MAX_LINES = 200;

function issueLine(i: Issue): string {
  const where = i.cell ? `${i.sheet}!${i.cell}` : i.row !== null ? `${i.sheet} row ${i.row}` : i.sheet;
  const hint = i.suggestion ? ` (suggestion: ${i.suggestion})` : "";
  return `${where}  ${i.severity}  ${i.code}  ${i.message}${hint}`;
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command("validate")
    .description(
      "Check every activity row against the plan's hierarchy, reference lists and value rules. Exit code 0: no errors; 1: errors found; 2: the file cannot be used.",
    )
    .argument("<book.xlsx>", "the action-plan workbook to check (it is not modified)")
    .option("--json", 'print { "summary": ..., "issues": [ ... ] } as JSON')
    .option("--as-of <YYYY-MM-DD>", "judge overdue activities against this date (default: today, UTC)")
    .option("--sheet <name>", "the sheet that holds the activities", SHEETS.activities)
    .action(async (book: string, opts: { json?: boolean; asOf?: string; sheet: string }) => {
      const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : ctx.today();
      const wb = await openWorkbookFile(book);
      const sheets = (await wb.port.listSheets()).map((s) => s.name);
      if (!sheets.includes(opts.sheet)) throw new SheetNotFoundError(opts.sheet);
      if (usedExtent(await wb.port.readSheet(opts.sheet)).lastRow === 0) throw new EmptyActivitiesError(opts.sheet);
      const { report } = await checkPlan(wb.port, { asOf, sheet: opts.sheet, annotate: false });
      if (opts.json) {
        printJson(ctx.io, { summary: report.summary, issues: report.issues });
      } else {
        const s = report.summary;
        const lines = report.issues.slice(0, MAX_LINES).map(issueLine);
        if (report.issues.length > MAX_LINES)
          lines.push(`... and ${report.issues.length - MAX_LINES} more (use --json for all of them).`);
        lines.push(
          `${s.rowsChecked} activities checked as of ${asOf}: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} information.`,
        );
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
      ctx.setExit(report.summary.errors > 0 ? EXIT.problems : EXIT.ok);
    });
}
