/**
 * `iccwc-plan summarize <book.xlsx> -o <out.xlsx> [--json]`: the pivot-ready tables (tblFacts and the
 * roll-ups) on a Summaries sheet of a new workbook, and/or as JSON on stdout.
 */
import type { Command } from "commander";
import { summarizePlan, summariesToJson } from "../../app/summarize";
import { openWorkbookFile } from "../../hosts/xlsx";
import { ensureParentFolder, parseAsOf, resolveOutput } from "../arguments";
import { printJson, type CommandContext } from "../context";
import { UsageError } from "../errors";

export function registerSummarize(program: Command, ctx: CommandContext): void {
  program
    .command("summarize")
    .description(
      "Write pivot-ready progress tables (facts by activity, country and period; roll-ups by outcome, sub-outcome, approach, agency, country and year; coverage) to a Summaries sheet.",
    )
    .argument("<book.xlsx>", "the action-plan workbook (never modified unless --in-place)")
    .option("-o, --output <out.xlsx>", "the workbook to write, with the Summaries sheet")
    .option("--json", "print every table as JSON (rows keyed by header)")
    .option("--as-of <YYYY-MM-DD>", "judge overdue activities against this date (default: today, UTC)")
    .option("--in-place", "replace the input workbook")
    .action(async (book: string, opts: { output?: string; json?: boolean; asOf?: string; inPlace?: boolean }) => {
      const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : ctx.today();
      const writes = opts.output !== undefined || opts.inPlace === true;
      if (!writes && !opts.json)
        throw new UsageError("Name the output workbook with -o <out.xlsx>, or pass --json to print the tables.");
      const out = writes ? resolveOutput(book, opts.output, opts.inPlace) : null;
      const wb = await openWorkbookFile(book);
      const result = await summarizePlan(wb.port, { asOf, generatedOn: ctx.today(), write: out !== null });
      if (out !== null) {
        ensureParentFolder(out);
        await wb.saveTo(out, { overwriteInput: opts.inPlace === true });
      }
      if (opts.json) printJson(ctx.io, summariesToJson(result.summaries));
      else ctx.io.stdout(`Summarised ${result.validation.summary.rowsChecked} activities; wrote "${out}".\n`);
      for (const i of result.issues.filter((x) => x.severity === "error")) ctx.io.stderr(`${i.message}\n`);
    });
}
