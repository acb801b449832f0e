/**
 * One sheet of the simulated workbook as an editable grid, like Excel's: click, shift+click or drag to
 * select; arrows (Ctrl to jump, Shift to extend) to move; type, F2 or double-click to edit; Enter or
 * Tab to commit; Escape to cancel; Delete to clear. A selection and an edit go into the simulation as a
 * person's (SimWorkbook.userSelect / userEdit), so its change events fire and quick entry runs.
 *
 * Only the rows in view are in the DOM (spacer rows stand for the rest), so a sheet of 100,000 rows
 * costs what a screenful does; rows are memoised and the editor keeps its own state, so a keystroke
 * redraws the editor alone.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { columnLetters } from "../core/grid";
import { rectAddress } from "../hosts/excel/a1";
import type { SimSheet } from "../hosts/excel/simulation";
import {
  editText,
  extentOf,
  jump,
  selectionAddress,
  selectionOf,
  selectionRect,
  type CellPos,
  type Selection,
} from "./grid-model";
import { GridRow, type EditEnd, type RowClasses } from "./GridRow";

export const ROW_HEIGHT = 22;
export const COL_WIDTH = 100;
export const HEAD_WIDTH = 48;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 8;
/** Rows drawn before the grid knows its height (and in jsdom). */
const DEFAULT_VISIBLE = 40;
/** Delete clears at most this many cells at once; a larger selection is left as it is. */
const MAX_CLEAR = 100_000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", flex: 1, minHeight: 0 },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: "12px",
    minHeight: "22px",
  },
  nameBox: { minWidth: "80px", fontFamily: tokens.fontFamilyMonospace },
  formula: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    color: tokens.colorNeutralForeground2,
  },
  scroller: {
    overflow: "auto",
    flex: 1,
    outlineStyle: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: "12px",
    fontFamily: tokens.fontFamilyBase,
    userSelect: "none",
  },
  th: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    color: tokens.colorNeutralForeground3,
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
  },
  td: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "0 4px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    position: "relative",
    color: "#242424",
    cursor: "cell",
  },
  selected: { boxShadow: `inset 0 0 0 9999px rgba(15, 108, 189, 0.12)` },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  noteMark: {
    position: "absolute",
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderTop: "6px solid #d13438",
    borderLeft: "6px solid transparent",
  },
  editor: {
    position: "absolute",
    top: 0,
    left: 0,
    zIndex: 3,
    height: "100%",
    minWidth: "100%",
    width: "220px",
    boxSizing: "border-box",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    padding: "0 3px",
    font: "inherit",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  more: { padding: tokens.spacingVerticalS },
});

export interface SheetGridProps {
  sheet: SimSheet;
  version: number;
  /** The workbook's selection when it is on this sheet ("B3" or "B3:D9"), set by the pane or the grid. */
  selection: string | null;
  /** A person selects; absent: the grid only shows. */
  onSelect?: (address: string) => void;
  /** A person types into (or clears) the block at `at`; absent: the grid cannot be edited. */
  onEdit?: (at: string, rows: (string | null)[][]) => void;
}

export function SheetGrid({ sheet, version, selection, onSelect, onEdit }: SheetGridProps) {
  const styles = useStyles();
  const extent = extentOf(sheet);
  const scroller = useRef<HTMLDivElement>(null);
  const [sel, setSel] = useState<Selection>(
    () => selectionOf(selection ?? "A1") ?? { anchor: { row: 1, col: 1 }, focus: { row: 1, col: 1 } },
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [first, setFirst] = useState(0);
  const [visible, setVisible] = useState(DEFAULT_VISIBLE);
  const [pitch, setPitch] = useState(ROW_HEIGHT);
  const [problem, setProblem] = useState<string | null>(null);
  const dragging = useRef(false);
  const selRef = useRef(sel);
  selRef.current = sel;

  // The pane (or a new workbook) moved the selection: follow it, as Excel's grid does.
  useEffect(() => {
    if (!selection) return;
    const next = selectionOf(selection);
    if (next && selectionAddress(next) !== selectionAddress(selRef.current)) {
      setSel(next);
      reveal(next.anchor);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, version]);

  // The rows' real height (fonts differ between browsers).
  useLayoutEffect(() => {
    const row = scroller.current?.querySelector("tbody tr[aria-rowindex]");
    const h = row ? (row as HTMLElement).getBoundingClientRect().height : 0;
    if (h > 0 && Math.abs(h - pitch) > 0.1) setPitch(h);
  }, [version, first, pitch]);
  // How many rows fit in the view, kept up to date as the page is resized.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => el.clientHeight > 0 && setVisible(Math.ceil(el.clientHeight / pitch) + 1);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [pitch]);

  const commitSelection = useCallback(
    (s: Selection) => {
      if (!onSelect) return;
      try {
        onSelect(selectionAddress(s));
      } catch (e) {
        setProblem(e instanceof Error ? e.message : String(e));
      }
    },
    [onSelect],
  );

  /** Scroll so that the cell is in view (below the sticky header, right of the row numbers). */
  const reveal = (p: CellPos) => {
    const el = scroller.current;
    if (!el) return;
    const top = (p.row - 1) * pitch;
    const view = el.clientHeight - pitch;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (view > 0 && top + pitch > el.scrollTop + view) el.scrollTop = top + pitch - view;
    const left = (p.col - 1) * COL_WIDTH;
    const width = el.clientWidth - HEAD_WIDTH;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (width > 0 && left + COL_WIDTH > el.scrollLeft + width) el.scrollLeft = left + COL_WIDTH - width;
    setFirst(Math.max(0, Math.floor(el.scrollTop / pitch) - OVERSCAN));
  };

  const clamp = (p: CellPos): CellPos => ({
    row: Math.min(Math.max(1, p.row), extent.rows),
    col: Math.min(Math.max(1, p.col), extent.cols),
  });

  const moveTo = (s: Selection) => {
    setSel(s);
    reveal(s.focus);
    commitSelection(s);
  };

  const write = (at: CellPos, rows: (string | null)[][]) => {
    if (!onEdit) return;
    try {
      setProblem(null);
      onEdit(rectAddress({ row: at.row, col: at.col, rows: 1, cols: 1 }), rows);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  const onEditEnd = (end: EditEnd) => {
    setEditing(null);
    const at = selRef.current.anchor;
    if (end.commit && end.text !== editText(sheet, at.row, at.col)) write(at, [[end.text === "" ? null : end.text]]);
    if (end.commit && (end.dRow !== 0 || end.dCol !== 0)) {
      const p = clamp({ row: at.row + end.dRow, col: at.col + end.dCol });
      moveTo({ anchor: p, focus: p });
    }
    scroller.current?.focus({ preventScroll: true });
  };

  // Stable for the memoised rows: the latest handler, behind one function that never changes.
  const editEnd = useRef(onEditEnd);
  editEnd.current = onEditEnd;
  const stableEditEnd = useCallback((end: EditEnd) => editEnd.current(end), []);
  const classes: RowClasses = useMemo(
    () => ({
      rowHead: styles.rowHead,
      td: styles.td,
      selected: styles.selected,
      active: styles.active,
      noteMark: styles.noteMark,
      editor: styles.editor,
    }),
    [styles.rowHead, styles.td, styles.selected, styles.active, styles.noteMark, styles.editor],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const arrows: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
    };
    const arrow = arrows[e.key];
    const s = selRef.current;
    if (arrow) {
      e.preventDefault();
      const from = e.shiftKey ? s.focus : s.anchor;
      const to =
        e.ctrlKey || e.metaKey
          ? jump(sheet, from, arrow[0], arrow[1], extent)
          : clamp({ row: from.row + arrow[0], col: from.col + arrow[1] });
      moveTo(e.shiftKey ? { anchor: s.anchor, focus: to } : { anchor: to, focus: to });
    } else if (e.key === "Home" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      moveTo({ anchor: { row: 1, col: 1 }, focus: { row: 1, col: 1 } });
    } else if (e.key === "End" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      const p = clamp({ row: Math.max(1, extent.lastRow), col: Math.max(1, extent.lastCol) });
      moveTo({ anchor: p, focus: p });
    } else if (e.key === "Enter") {
      e.preventDefault();
      const p = clamp({ row: s.anchor.row + (e.shiftKey ? -1 : 1), col: s.anchor.col });
      moveTo({ anchor: p, focus: p });
    } else if (e.key === "F2" && onEdit) {
      e.preventDefault();
      setEditing(editText(sheet, s.anchor.row, s.anchor.col));
    } else if ((e.key === "Delete" || e.key === "Backspace") && onEdit) {
      e.preventDefault();
      const r = selectionRect(s);
      if (r.rows * r.cols > MAX_CLEAR) {
        setProblem(`Select at most ${MAX_CLEAR.toLocaleString("en-US")} cells to clear at once.`);
        return;
      }
      write(
        { row: r.row, col: r.col },
        Array.from({ length: r.rows }, () => new Array<string | null>(r.cols).fill(null)),
      );
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && onEdit) {
      // Typing on a cell replaces its content, as in Excel.
      e.preventDefault();
      setSel({ anchor: s.anchor, focus: s.anchor });
      setEditing(e.key);
    }
  };

  const cellAt = (target: EventTarget): CellPos | null => {
    const td = (target as HTMLElement).closest?.("td[data-cell]");
    const s = td ? selectionOf(td.getAttribute("data-cell") ?? "") : null;
    return s ? s.anchor : null;
  };

  const onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0 || (e.target as HTMLElement).tagName === "INPUT") return;
    const p = cellAt(e.target);
    if (!p) return;
    e.preventDefault();
    scroller.current?.focus({ preventScroll: true });
    const s = selRef.current;
    const next = e.shiftKey ? { anchor: s.anchor, focus: p } : { anchor: p, focus: p };
    setSel(next);
    dragging.current = true;
    const up = () => {
      dragging.current = false;
      window.removeEventListener("mouseup", up);
      commitSelection(selRef.current);
    };
    window.addEventListener("mouseup", up);
  };

  const onMouseOver = (e: MouseEvent) => {
    if (!dragging.current) return;
    const p = cellAt(e.target);
    const s = selRef.current;
    if (p && (p.row !== s.focus.row || p.col !== s.focus.col)) setSel({ anchor: s.anchor, focus: p });
  };

  const onDoubleClick = (e: MouseEvent) => {
    const p = cellAt(e.target);
    if (!p || !onEdit) return;
    setSel({ anchor: p, focus: p });
    setEditing(editText(sheet, p.row, p.col));
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const next = Math.max(0, Math.floor(el.scrollTop / pitch) - OVERSCAN);
    if (next !== first) setFirst(next);
  };

  const rect = selectionRect(sel);
  const from = Math.min(first, Math.max(0, extent.rows - 1));
  const to = Math.min(extent.rows, from + visible + 2 * OVERSCAN);
  const rows = [];
  for (let r = from + 1; r <= to; r++) {
    const inSel = r >= rect.row && r < rect.row + rect.rows;
    rows.push(
      <GridRow
        key={r}
        sheet={sheet}
        row={r}
        cols={extent.cols}
        version={version}
        selFrom={inSel ? rect.col : null}
        selTo={inSel ? rect.col + rect.cols - 1 : null}
        activeCol={sel.anchor.row === r ? sel.anchor.col : null}
        editing={sel.anchor.row === r ? editing : null}
        classes={classes}
        onEditEnd={stableEditEnd}
      />,
    );
  }
  const a = sel.anchor;
  const activeContent = editText(sheet, a.row, a.col);
  const empty = extent.lastRow === 0;

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <span className={styles.nameBox} data-testid="name-box" aria-label="Selected range">
          {selectionAddress(sel)}
        </span>
        <span className={styles.formula} data-testid="formula-bar" title={activeContent}>
          {activeContent}
        </span>
      </div>
      {empty && <Text className={styles.more}>This sheet is empty.</Text>}
      {problem && (
        <Text className={styles.more} role="alert">
          {problem}
        </Text>
      )}
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        aria-label={`Sheet ${sheet.name}: arrows move, type or F2 to edit, Enter to commit`}
        data-testid="grid-scroller"
        onKeyDown={onKeyDown}
        onScroll={onScroll}
      >
        <table
          className={styles.table}
          aria-label={`Sheet ${sheet.name}`}
          aria-rowcount={extent.rows + 1}
          aria-colcount={extent.cols + 1}
          style={{ width: `${HEAD_WIDTH + extent.cols * COL_WIDTH}px` }}
        >
          <colgroup>
            <col style={{ width: `${HEAD_WIDTH}px` }} />
            {Array.from({ length: extent.cols }, (_, j) => (
              <col key={j} style={{ width: `${COL_WIDTH}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.th} style={{ left: 0, zIndex: 3 }} />
              {Array.from({ length: extent.cols }, (_, j) => (
                <th key={j} className={styles.th} scope="col">
                  {columnLetters(j + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody onMouseDown={onMouseDown} onMouseOver={onMouseOver} onDoubleClick={onDoubleClick}>
            {from > 0 && <tr aria-hidden="true" style={{ height: `${from * pitch}px` }} />}
            {rows}
            {to < extent.rows && <tr aria-hidden="true" style={{ height: `${(extent.rows - to) * pitch}px` }} />}
          </tbody>
        </table>
        {extent.lastCol > extent.cols && (
          <Text className={styles.more} size={200}>
            Showing {extent.cols} of {extent.lastCol} columns. Download the workbook to see all of it.
          </Text>
        )}
      </div>
    </div>
  );
}
