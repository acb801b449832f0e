/**
 * The "Check plan" ribbon command's logic, apart from Office globals so it is tested over the
 * simulation: validate Activities with annotations through the Excel port, then select the Issues
 * sheet so the officer lands on the list. Never throws: the ribbon has nowhere to show a stack trace,
 * so every outcome becomes one sentence.
 */
import { checkPlan } from "../app/validate";
import { SHEETS } from "../core/layout/sheet-names";
import { createExcelPort, type ExcelPortOptions } from "../hosts/excel/excel-workbook-port";
import { SheetNotFoundError } from "../ports/workbook-port";

export interface CheckPlanCommandDeps {
  run: typeof Excel.run;
  portOptions?: ExcelPortOptions;
  /** "YYYY-MM-DD"; today by default. */
  asOf?: string;
}

export interface CheckPlanCommandResult {
  ok: boolean;
  message: string;
}

export async function runCheckPlanCommand(deps: CheckPlanCommandDeps): Promise<CheckPlanCommandResult> {
  const asOf = deps.asOf ?? new Date().toISOString().slice(0, 10);
  try {
    const port = createExcelPort(deps.run, deps.portOptions);
    const { report, applyReport } = await checkPlan(port, { asOf, annotate: true });
    await deps.run(async (context) => {
      const issues = context.workbook.worksheets.getItemOrNullObject(SHEETS.issues);
      await context.sync();
      if (!issues.isNullObject) {
        issues.activate();
        issues.getRange("A1").select();
        await context.sync();
      }
    });
    const { errors, warnings, infos } = report.summary;
    const skipped = applyReport?.skipped.length
      ? ` Not written: ${applyReport.skipped.map((s) => s.reason).join(" ")}`
      : "";
    return {
      ok: true,
      message: `Checked ${report.summary.rowsChecked} rows: ${errors} errors, ${warnings} warnings, ${infos} notes. See the Issues sheet.${skipped}`,
    };
  } catch (e) {
    if (e instanceof SheetNotFoundError) return { ok: false, message: e.message };
    return { ok: false, message: `The check did not finish: ${e instanceof Error ? e.message : String(e)}` };
  }
}
