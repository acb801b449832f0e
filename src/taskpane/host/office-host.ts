/** The composition root in Excel: the Office.js port, the Excel selection, quick entry, and the use cases over them. */
import { createExcelPort } from "../../hosts/excel/excel-workbook-port";
import type { QuickEntryHandle } from "../../hosts/excel/quick-entry";
import type { WorkbookPort } from "../../ports/workbook-port";
import { todayLocal } from "../dates";
import { excelSelection, selectCellWith } from "./excel-actions";
import type { PlanHost, QuickEntryControl } from "./plan-host";
import { createPortPlanHost } from "./port-plan-host";

/** Quick entry, loaded in its own chunk when first switched on (it carries the validation rules). */
export function quickEntryControl(run: typeof Excel.run, port: WorkbookPort): QuickEntryControl {
  let handle: QuickEntryHandle | null = null;
  let pending: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const set = async (on: boolean): Promise<void> => {
    if (on && !handle) {
      const { startQuickEntry } = await import(/* webpackChunkName: "quick-entry" */ "../../hosts/excel/quick-entry");
      handle = await startQuickEntry(run, port, { asOf: todayLocal });
    } else if (!on && handle) {
      const h = handle;
      handle = null;
      await h.stop();
    }
  };
  return {
    isOn: () => handle !== null,
    // One switch at a time: a quick on-off-on never registers two listeners.
    set: (on) => (pending = pending.catch(() => undefined).then(() => set(on).finally(notify))),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function createOfficeHost(run: typeof Excel.run = Excel.run.bind(Excel) as typeof Excel.run): PlanHost {
  const port = createExcelPort(run);
  const host = createPortPlanHost(port, {
    name: "Excel",
    selectCell: (sheet, address) => selectCellWith(run, sheet, address),
    getSelection: () => excelSelection(run),
  });
  return { ...host, quickEntry: quickEntryControl(run, port) };
}
