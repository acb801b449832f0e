/**
 * The simulated workbook as a person would see it: a tab per sheet and a plain HTML table with row
 * and column headers, fills as backgrounds, notes as title attributes with a red corner mark, and the
 * selected cell outlined. Large sheets show their first rows only (the page stays responsive).
 */
import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { columnLetters, parseAddress } from "../core/grid";
import { cellKey } from "../hosts/excel/a1";
import type { SimWorkbook } from "../hosts/excel/simulation";
import { cellText } from "./cell-text";

export const MAX_ROWS_SHOWN = 300;
export const MAX_COLS_SHOWN = 40;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, flex: 1, overflow: "hidden" },
  tabs: { flexWrap: "wrap", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  scroller: { overflow: "auto", flex: 1 },
  table: { borderCollapse: "collapse", fontSize: "12px", fontFamily: tokens.fontFamilyBase },
  th: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    color: tokens.colorNeutralForeground3,
    textAlign: "right",
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "2px 4px",
    maxWidth: "220px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    position: "relative",
    color: "#242424",
  },
  noteMark: {
    position: "absolute",
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderTop: "6px solid #d13438",
    borderLeft: "6px solid transparent",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  more: { padding: tokens.spacingVerticalS },
});

export interface SheetViewProps {
  sim: SimWorkbook;
  /** Bumped after every change so the view redraws. */
  version: number;
}

export function SheetView({ sim, version }: SheetViewProps) {
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
  const used = sheet?.usedRect(false) ?? null;
  const lastRow = used ? used.row + used.rows - 1 : 0;
  const lastCol = used ? used.col + used.cols - 1 : 0;
  const rows = Math.min(lastRow, MAX_ROWS_SHOWN);
  const cols = Math.min(lastCol, MAX_COLS_SHOWN);
  let selected: { row: number; col: number } | null = null;
  if (sim.selection && sheet && sim.selection.sheet === sheet.name) {
    try {
      selected = parseAddress(sim.selection.address.split(":")[0]!);
    } catch {
      selected = null;
    }
  }

  return (
    <div className={styles.root} data-testid="sheet-view" data-sheet={name ?? ""} data-version={version}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={name ?? ""}
        onTabSelect={(_, d) => setCurrent(String(d.value))}
        aria-label="Sheets"
      >
        {names.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller}>
        {sheet && rows > 0 ? (
          <table className={styles.table} aria-label={`Sheet ${sheet.name}`}>
            <thead>
              <tr>
                <th className={styles.th} />
                {Array.from({ length: cols }, (_, j) => (
                  <th key={j} className={styles.th} scope="col">
                    {columnLetters(j + 1)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_, i) => {
                const r = i + 1;
                return (
                  <tr key={r}>
                    <th className={styles.rowHead} scope="row">
                      {r}
                    </th>
                    {Array.from({ length: cols }, (_, j) => {
                      const c = j + 1;
                      const k = cellKey(r, c);
                      const note = sheet.notes.get(k)?.content;
                      const fill = sheet.formats.get(k)?.fill;
                      const bold = sheet.formats.get(k)?.bold;
                      const text = cellText(sheet.get(r, c), sheet.numberFormats.get(k), sheet.formulas.get(k));
                      const isSelected = selected !== null && selected.row === r && selected.col === c;
                      return (
                        <td
                          key={c}
                          className={`${styles.td} ${isSelected ? styles.selected : ""}`}
                          data-cell={`${columnLetters(c)}${r}`}
                          title={note ? `${text ? `${text}\n\n` : ""}Note: ${note}` : text || undefined}
                          style={{ ...(fill ? { backgroundColor: fill } : {}), ...(bold ? { fontWeight: 600 } : {}) }}
                        >
                          {text}
                          {note && <span className={styles.noteMark} aria-label="has a note" />}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <Text className={styles.more}>This sheet is empty.</Text>
        )}
        {(lastRow > rows || lastCol > cols) && (
          <Text className={styles.more} size={200}>
            Showing {rows} of {lastRow} rows and {cols} of {lastCol} columns. Download the workbook to see all of it.
          </Text>
        )}
      </div>
    </div>
  );
}
