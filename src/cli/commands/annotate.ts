/**
 * `iccwc-plan annotate <book.xlsx> -o <out.xlsx> [--as-of YYYY-MM-DD] [--in-place]`: the donor
 * workbook. Validate, score and summarise in one go, with a Cover sheet; written to a new file (or,
 * with --in-place, over the input) through a temporary file and a rename.
 */
import type { Command } from "commander";
import { annotateWorkbook } from "../../app/annotate";
import { openWorkbookFile } from "../../hosts/xlsx";
import { ensureParentFolder, parseAsOf, resolveOutput } from "../arguments";
import type { CommandContext } from "../context";
import { startProgress } from "../progress";

export function registerAnnotate(program: Command, ctx: CommandContext): void {
  program
    .command("annotate")
    .description(
      "Validate, score and summarise a plan in one go and add a Cover sheet: the workbook to send to donors, readable in plain Excel or LibreOffice.",
    )
    .argument("<book.xlsx>", "the action-plan workbook (never modified unless --in-place)")
    .option("-o, --output <out.xlsx>", "the annotated workbook to write")
    .option("--as-of <YYYY-MM-DD>", "judge overdue activities against this date (default: today, UTC)")
    .option("--in-place", "replace the input workbook with the annotated one")
    .action(async (book: string, opts: { output?: string; asOf?: string; inPlace?: boolean }) => {
      const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : ctx.today();
      const out = resolveOutput(book, opts.output, opts.inPlace);
      const wb = await openWorkbookFile(book);
      const progress = startProgress(ctx.io, "annotate");
      try {
        const result = await annotateWorkbook(wb.port, {
          asOf,
          generatedOn: ctx.today(),
          onProgress: (p) => progress.update(p),
          hostSkips: ["pivot", "chart"],
        });
        ensureParentFolder(out);
        await wb.saveTo(out, { overwriteInput: opts.inPlace === true });
        progress.stop();
        for (const p of result.problems) ctx.io.stderr(`${p.message}\n`);
        const s = result.summary;
        const skipped = result.apply.skipped.filter((k) => k.kind !== "pivot" && k.kind !== "chart");
        const lines = [
          `Annotated ${s.rowsChecked} activities as of ${asOf}: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} information.`,
          `Steps: ${result.steps.map((st) => (st.ran ? st.name : `${st.name} (not run: ${st.reason ?? "unavailable"})`)).join(", ")}.`,
          `Wrote "${out}".`,
        ];
        if (skipped.length > 0) lines.push(`Not applied: ${skipped.map((k) => `${k.kind} (${k.reason})`).join("; ")}.`);
        ctx.io.stdout(`${lines.join("\n")}\n`);
      } finally {
        progress.stop();
      }
    });
}
