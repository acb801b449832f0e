/** The composition root in Excel: the Office.js port, the Excel selection, and the use cases over them. */
import { createExcelPort } from "../../hosts/excel/excel-workbook-port";
import { excelSelection, selectCellWith } from "./excel-actions";
import type { PlanHost } from "./plan-host";
import { createPortPlanHost } from "./port-plan-host";

export function createOfficeHost(run: typeof Excel.run = Excel.run.bind(Excel) as typeof Excel.run): PlanHost {
  const port = createExcelPort(run);
  return createPortPlanHost(port, {
    name: "Excel",
    selectCell: (sheet, address) => selectCellWith(run, sheet, address),
    getSelection: () => excelSelection(run),
  });
}
