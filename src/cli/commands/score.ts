/**
 * `iccwc-plan score <book.xlsx> -o <out.xlsx> [--json]`: prioritisation scores, rank, band, funding
 * line and sensitivity, written as columns beside the activities and/or printed as JSON.
 */
import type { Command } from "commander";
import { scorePlan, scoreResultToJson } from "../../app/score";
import { openWorkbookFile } from "../../hosts/xlsx";
import { ensureParentFolder, parseAsOf, resolveOutput } from "../arguments";
import { printJson, type CommandContext } from "../context";
import { UsageError } from "../errors";

export function registerScore(program: Command, ctx: CommandContext): void {
  program
    .command("score")
    .description(
      "Score every valid activity (0-100) by need, value added and engagement, rank them, band them, draw the funding line and mark sensitive ranks.",
    )
    .argument("<book.xlsx>", "the action-plan workbook (never modified unless --in-place)")
    .option("-o, --output <out.xlsx>", "the workbook to write, with the score columns beside the activities")
    .option(
      "--json",
      'print { "activities": [ { "id", "score", "rank", "band", "breakdown", "funding", "sensitivity", "reason" } ], "rollups": ... }',
    )
    .option("--as-of <YYYY-MM-DD>", "the date the validation behind the scores is judged against (default: today, UTC)")
    .option("--in-place", "replace the input workbook")
    .action(async (book: string, opts: { output?: string; json?: boolean; asOf?: string; inPlace?: boolean }) => {
      const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : ctx.today();
      const writes = opts.output !== undefined || opts.inPlace === true;
      if (!writes && !opts.json)
        throw new UsageError("Name the output workbook with -o <out.xlsx>, or pass --json to print the scores.");
      const out = writes ? resolveOutput(book, opts.output, opts.inPlace) : null;
      const wb = await openWorkbookFile(book);
      const { result, settingsIssues } = await scorePlan(wb.port, { asOf, writeColumns: out !== null });
      if (out !== null) {
        ensureParentFolder(out);
        await wb.saveTo(out, { overwriteInput: opts.inPlace === true });
      }
      if (opts.json) printJson(ctx.io, scoreResultToJson(result));
      else {
        const scored = result.activities.filter((a) => a.score !== null).length;
        const where = out !== null ? `; wrote "${out}"` : "";
        ctx.io.stdout(
          `Scored ${scored} of ${result.activities.length} activities (the others have errors to fix first)${where}.\n`,
        );
        const line = result.funding;
        const usd = (n: number) => `USD ${Math.round(n).toLocaleString("en-US")}`;
        ctx.io.stdout(
          `Funding line: ${result.activities.filter((a) => a.funding === "recommended").length} of ${line.candidates} activities with a funding gap recommended, ${usd(line.recommendedUsd)} of ${usd(line.availableFundsUsd)} available. ${line.note}\n`,
        );
      }
      for (const i of settingsIssues.filter((x) => x.severity !== "info"))
        ctx.io.stderr(`${i.sheet}${i.cell ? `!${i.cell}` : ""}: ${i.message}\n`);
    });
}
