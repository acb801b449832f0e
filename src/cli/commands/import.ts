/**
 * `iccwc-plan import <source.xlsx> [--sheet NAME] [--into <book.xlsx> -o <out.xlsx>] [--json]`: bring
 * a country team's tracker into the plan. Without --into it previews (nothing is written); the source
 * workbook is never modified.
 */
import type { Command } from "commander";
import { appendImport } from "../../app/import";
import { existingActivities, importResultToJson, importRows } from "../../core/import";
import { SHEETS } from "../../core/layout/sheet-names";
import { openWorkbookFile } from "../../hosts/xlsx";
import { SheetNotFoundError } from "../../ports/workbook-port";
import { ensureParentFolder, requireXlsxOutput, samePath } from "../arguments";
import { printJson, type CommandContext } from "../context";
import { UsageError } from "../errors";

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command("import")
    .description("Read a country team's spreadsheet (any header row, English, French or Spanish headers, messy values), map and normalise it, and preview it or append it to a plan's Activities.")
    .argument("<source.xlsx>", "the workbook to import from (never modified)")
    .option("--sheet <name>", "the sheet to import (default: the first sheet)")
    .option("--into <book.xlsx>", "the action-plan workbook to append the activities to")
    .option("-o, --output <out.xlsx>", "where to write the plan with the imported activities (with --into)")
    .option("--in-place", "with --into, replace the plan workbook instead of writing -o")
    .option("--json", 'print { "mapping": ..., "activities": [ ... ], "skipped": ..., "issues": ... }')
    .action(async (source: string, opts: { sheet?: string; into?: string; output?: string; inPlace?: boolean; json?: boolean }) => {
      if (opts.output !== undefined && opts.into === undefined) throw new UsageError("-o needs --into <book.xlsx>: name the plan workbook to import into.");
      let out: string | null = null;
      if (opts.into !== undefined) {
        if (opts.output === undefined && !opts.inPlace) throw new UsageError(`Name the output workbook with -o <out.xlsx> (or pass --in-place to replace "${opts.into}").`);
        out = opts.output !== undefined ? requireXlsxOutput(opts.output, "-o") : opts.into;
        if (opts.output !== undefined && samePath(opts.into, opts.output) && !opts.inPlace) {
          throw new UsageError(`-o "${opts.output}" is the plan workbook named by --into: name a different output file, or pass --in-place to replace it.`);
        }
        if (samePath(source, out)) throw new UsageError(`-o "${out}" is the source workbook, which import never modifies: name a different output file.`);
      }
      const src = await openWorkbookFile(source);
      const sheets = (await src.port.listSheets()).map((s) => s.name);
      const sheet = opts.sheet ?? sheets[0];
      if (sheet === undefined || !sheets.includes(sheet)) throw new SheetNotFoundError(sheet ?? "(none)");
      const grid = await src.port.readSheet(sheet, { formulas: true, numberFormats: true });

      const book = opts.into !== undefined ? await openWorkbookFile(opts.into) : null;
      const bookSheets = book ? (await book.port.listSheets()).map((s) => s.name) : [];
      if (book && !bookSheets.includes(SHEETS.activities)) throw new SheetNotFoundError(SHEETS.activities);
      const existing = existingActivities(book ? await book.port.readSheet(SHEETS.activities) : null);
      const result = importRows(grid, { existingIds: existing.keys(), existingTitles: existing });

      let appended = 0;
      if (book && out !== null) {
        const append = await appendImport(book.port, result);
        appended = append.appended;
        ensureParentFolder(out);
        await book.saveTo(out, { overwriteInput: opts.inPlace === true });
      }
      if (opts.json) printJson(ctx.io, importResultToJson(result));
      else {
        const errors = result.issues.filter((i) => i.severity === "error").length;
        const lines = [
          `Read ${result.rows.length} activities from "${source}" (${sheet}); ${result.skipped.length} rows skipped, ${result.changes.length} values normalised, ${errors} errors.`,
          ...result.columns.map((c) => `  ${c.header} -> ${c.choice}`),
          book ? `Appended ${appended} activities; wrote "${out}".` : "Preview only: pass --into <book.xlsx> -o <out.xlsx> to append them to a plan.",
        ];
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
    });
}
