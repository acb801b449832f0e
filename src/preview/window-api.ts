/**
 * What the end-to-end tests read on the preview page (and only there): the simulated workbook, cell by
 * cell, through `window.__iccwcPreview`. Read-only accessors; nothing here can change the workbook.
 */
import type { CellValue } from "../core/grid";
import type { PreviewSession } from "./session";

export interface PreviewAccessor {
  fileName(): string;
  sheetNames(): string[];
  value(sheet: string, a1: string): CellValue;
  formula(sheet: string, a1: string): string | null;
  note(sheet: string, a1: string): string | null;
  fill(sheet: string, a1: string): string | null;
  table(name: string): { name: string; sheet: string; range: string } | null;
  selection(): { sheet: string; address: string } | null;
  /** Last used row of a sheet (0 when empty or missing). */
  lastRow(sheet: string): number;
  /** Change sets applied since the workbook was opened. */
  appliedCount(): number;
}

declare global {
  interface Window {
    __iccwcPreview?: PreviewAccessor;
  }
}

export function exposeSession(session: PreviewSession): void {
  const { sim } = session;
  window.__iccwcPreview = {
    fileName: () => session.fileName,
    sheetNames: () => sim.sheetNames(),
    value: (sheet, a1) => sim.value(sheet, a1),
    formula: (sheet, a1) => sim.formula(sheet, a1) ?? null,
    note: (sheet, a1) => sim.note(sheet, a1),
    fill: (sheet, a1) => sim.fill(sheet, a1),
    table: (name) => {
      const t = sim.table(name);
      return t ? { name: t.name, sheet: t.sheet, range: t.range } : null;
    },
    selection: () => (sim.selection ? { ...sim.selection } : null),
    lastRow: (sheet) => {
      const s = sim.findSheet(sheet);
      const used = s?.usedRect(true);
      return used ? used.row + used.rows - 1 : 0;
    },
    appliedCount: () => session.applied.length,
  };
}
