/**
 * `iccwc-plan init <out.xlsx> [--sample]`: a new action-plan workbook. On an existing workbook it
 * repairs instead (set up never rewrites a value), so running it twice gives the same file as once;
 * the sample is added only to a plan that has no activities yet, for the same reason.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import { setUpPlan } from "../../app/setup";
import { usedExtent } from "../../core/layout/activities-sheet";
import { samplePlanSchema, sampleSettings, type SamplePlan } from "../../core/layout/sample";
import { SHEETS } from "../../core/layout/sheet-names";
import { createWorkbook, openWorkbookFile } from "../../hosts/xlsx";
import samplePlanJson from "../../../samples/sample-plan.json";
import { ensureParentFolder, requireXlsxOutput } from "../arguments";
import type { CommandContext } from "../context";
import { startProgress } from "../progress";

/** The bundled sample, checked against its schema once. */
export function bundledSample(): SamplePlan {
  return samplePlanSchema.parse(samplePlanJson);
}

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description(
      "Create an action-plan workbook: Activities table with drop-downs, read-only Framework, Lists, Settings and Countries. On an existing workbook, repair its layout without changing any value.",
    )
    .argument("<out.xlsx>", "the workbook to create (or repair)")
    .option("--sample", "fill a new plan with the bundled sample plan (66 activities, 7 deliberate problems)")
    .action(async (out: string, opts: { sample?: boolean }) => {
      requireXlsxOutput(out, "init");
      const exists = fs.existsSync(out);
      const book = exists ? await openWorkbookFile(out) : createWorkbook();
      let sample: SamplePlan | null = opts.sample ? bundledSample() : null;
      if (sample && exists) {
        const sheets = (await book.port.listSheets()).map((s) => s.name);
        if (sheets.includes(SHEETS.activities)) {
          const grid = await book.port.readSheet(SHEETS.activities);
          if (usedExtent(grid).lastRow > 1) {
            ctx.io.stderr(`"${out}" already has activities: the sample was not added (it is only for a new plan).\n`);
            sample = null;
          }
        }
      }
      const progress = startProgress(ctx.io, "init");
      try {
        const result = await setUpPlan(book.port, {
          ...(sample ? { sample: sample.activities, sampleSettings: sampleSettings(sample) } : {}),
          onProgress: (p) => progress.update(p),
        });
        ensureParentFolder(out);
        await book.saveTo(out, { overwriteInput: true });
        progress.stop();
        for (const p of result.problems) ctx.io.stderr(`${p.message}\n`);
        const what = exists ? `Repaired "${out}"` : `Created "${out}"`;
        const rows = result.sampleRows > 0 ? ` with ${result.sampleRows} sample activities` : "";
        const added =
          exists && result.addedHeaders.length > 0 ? ` Added headers: ${result.addedHeaders.join(", ")}.` : "";
        ctx.io.stdout(
          `${what}${rows}: sheets ${[SHEETS.activities, SHEETS.framework, SHEETS.lists, SHEETS.settings, SHEETS.countries].join(", ")}.${added}\n`,
        );
      } finally {
        progress.stop();
      }
    });
}
