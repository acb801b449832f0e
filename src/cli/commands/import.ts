/**
 * `iccwc-plan import <source.xlsx> [--sheet NAME] [--into <book.xlsx> -o <out.xlsx>] [--json]`: bring
 * a country team's tracker into the plan. Without --into it previews (nothing is written); the source
 * workbook is never modified.
 */
import type { Command } from "commander";
import { appendImport } from "../../app/import";
import * as fs from "fs";
import {
  existingActivities,
  importResultToJson,
  importRows,
  parseMappingMemory,
  rememberImport,
  serializeMappingMemory,
  type DateOrder,
  type MappingMemory,
} from "../../core/import";
import { SHEETS } from "../../core/layout/sheet-names";
import { openWorkbookFile } from "../../hosts/xlsx";
import { SheetNotFoundError } from "../../ports/workbook-port";
import { ensureParentFolder, requireXlsxOutput, samePath } from "../arguments";
import { printJson, type CommandContext } from "../context";
import { UsageError } from "../errors";

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command("import")
    .description(
      "Read a country team's spreadsheet (any header row, English, French or Spanish headers, messy values), map and normalise it, and preview it or append it to a plan's Activities.",
    )
    .argument("<source.xlsx>", "the workbook to import from (never modified)")
    .option("--sheet <name>", "the sheet to import (default: the first sheet)")
    .option("--into <book.xlsx>", "the action-plan workbook to append the activities to")
    .option("-o, --output <out.xlsx>", "where to write the plan with the imported activities (with --into)")
    .option("--in-place", "with --into, replace the plan workbook instead of writing -o")
    .option("--json", 'print { "mapping": ..., "activities": [ ... ], "skipped": ..., "issues": ... }')
    .option(
      "--date-order <dmy|mdy>",
      'how to read a date such as "03/04/2024": dmy (day first) or mdy; unset, such dates are reported, not guessed',
    )
    .option(
      "--map <Header=field...>",
      'correct the column mapping, e.g. --map "Ref=id" "Coût=budgetUsd" "Remarques=ignore" (a header as written or a column letter)',
    )
    .option(
      "--mapping-file <file.json>",
      "remember column mappings in this file: read before the import (for sources with the same headers) and updated after it",
    )
    .action(
      async (
        source: string,
        opts: {
          sheet?: string;
          into?: string;
          output?: string;
          inPlace?: boolean;
          json?: boolean;
          dateOrder?: string;
          map?: string[];
          mappingFile?: string;
        },
      ) => {
        let dateOrder: DateOrder | undefined;
        if (opts.dateOrder !== undefined) {
          if (opts.dateOrder !== "dmy" && opts.dateOrder !== "mdy")
            throw new UsageError(
              `--date-order "${opts.dateOrder}" is not dmy or mdy: write --date-order dmy for 31/01/2024 or mdy for 01/31/2024.`,
            );
          dateOrder = opts.dateOrder;
        }
        // Map, not a plain object: a header named "__proto__" is just a header.
        const override = new Map<string, string>();
        for (const pair of opts.map ?? []) {
          const at = pair.lastIndexOf("=");
          if (at <= 0 || at === pair.length - 1)
            throw new UsageError(
              `--map "${pair}" is not Header=field: write for example --map "Coût total=budgetUsd".`,
            );
          override.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
        }
        let memory: MappingMemory | undefined;
        if (opts.mappingFile !== undefined && fs.existsSync(opts.mappingFile)) {
          const parsed = parseMappingMemory(fs.readFileSync(opts.mappingFile, "utf8"));
          if (parsed.error !== null)
            throw new UsageError(
              `--mapping-file "${opts.mappingFile}" cannot be read (${parsed.error}): fix or delete it.`,
            );
          memory = parsed.memory;
        }
        if (opts.output !== undefined && opts.into === undefined)
          throw new UsageError("-o needs --into <book.xlsx>: name the plan workbook to import into.");
        let out: string | null = null;
        if (opts.into !== undefined) {
          if (opts.output === undefined && !opts.inPlace)
            throw new UsageError(
              `Name the output workbook with -o <out.xlsx> (or pass --in-place to replace "${opts.into}").`,
            );
          out = opts.output !== undefined ? requireXlsxOutput(opts.output, "-o") : opts.into;
          if (opts.output !== undefined && samePath(opts.into, opts.output) && !opts.inPlace) {
            throw new UsageError(
              `-o "${opts.output}" is the plan workbook named by --into: name a different output file, or pass --in-place to replace it.`,
            );
          }
          if (samePath(source, out))
            throw new UsageError(
              `-o "${out}" is the source workbook, which import never modifies: name a different output file.`,
            );
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
        const mappingOverride =
          override.size > 0
            ? (Object.assign(Object.create(null), Object.fromEntries(override)) as Record<string, string>)
            : undefined;
        const result = importRows(grid, {
          existingIds: existing.keys(),
          existingTitles: existing,
          ...(dateOrder ? { dateOrder } : {}),
          ...(mappingOverride ? { mappingOverride } : {}),
          ...(memory ? { memory } : {}),
        });
        if (opts.mappingFile !== undefined)
          fs.writeFileSync(opts.mappingFile, serializeMappingMemory(rememberImport(memory, result)));

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
            ...result.columns.map(
              (c) =>
                `  ${c.header} -> ${c.choice}${c.choice === "unmapped" || c.choice === "ignore" ? "" : ` (confidence ${Math.round(c.confidence * 100)}%)`}`,
            ),
            book
              ? `Appended ${appended} activities; wrote "${out}".`
              : "Preview only: pass --into <book.xlsx> -o <out.xlsx> to append them to a plan.",
          ];
          ctx.io.stdout(`${lines.join("\n")}\n`);
        }
      },
    );
}
