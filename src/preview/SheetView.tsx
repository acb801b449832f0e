/**
 * The simulated workbook as a person would see it: a tab per visible sheet and its grid (SheetGrid):
 * row and column headers, fills as backgrounds, notes as title attributes with a red corner mark, the
 * selection, and, when the page passes `onEdit` and `onSelect`, editing and selecting as in Excel.
 */
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { SimWorkbook } from "../hosts/excel/simulation";
import { SheetGrid } from "./SheetGrid";

export { MAX_COLS_SHOWN } from "./grid-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, flex: 1, overflow: "hidden" },
  tabs: { flexWrap: "wrap", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface SheetViewProps {
  sim: SimWorkbook;
  /** Bumped after every change so the view redraws. */
  version: number;
  /** A person selects a range of a sheet (or activates the sheet: its own selection). */
  onSelect?: (sheet: string, address: string) => void;
  /** A person types into (or clears) cells of a sheet. */
  onEdit?: (sheet: string, at: string, rows: (string | null)[][]) => void;
}

export function SheetView({ sim, version, onSelect, onEdit }: SheetViewProps) {
  const styles = useStyles();
  const names = sim.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  const [current, setCurrent] = useState<string | null>(null);
  // Follow Excel: selecting a cell from the pane activates its sheet.
  useEffect(() => {
    if (sim.activeSheet && names.includes(sim.activeSheet)) setCurrent(sim.activeSheet);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, sim]);
  const name = current && names.includes(current) ? current : names[0];
  const sheet = name ? sim.findSheet(name) : undefined;
  const selection = sim.selection && sheet && sim.selection.sheet === sheet.name ? sim.selection.address : null;

  return (
    <div className={styles.root} data-testid="sheet-view" data-sheet={name ?? ""} data-version={version}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={name ?? ""}
        onTabSelect={(_, d) => {
          const next = String(d.value);
          setCurrent(next);
          // Clicking a tab activates the sheet, whose own selection becomes the workbook's.
          const s = sim.findSheet(next);
          if (s && onSelect) onSelect(next, s.selected);
        }}
        aria-label="Sheets"
      >
        {names.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      {sheet && (
        <SheetGrid
          key={`${sheet.id}:${sheet.name}`}
          sheet={sheet}
          version={version}
          selection={selection}
          {...(onSelect ? { onSelect: (address: string) => onSelect(sheet.name, address) } : {})}
          {...(onEdit ? { onEdit: (at: string, rows: (string | null)[][]) => onEdit(sheet.name, at, rows) } : {})}
        />
      )}
    </div>
  );
}
