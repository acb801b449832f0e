/**
 * One row of the preview grid. Memoised: a row redraws only when the workbook changed (version), the
 * selection crosses it, or its cell is being edited; typing in the editor redraws the editor alone.
 */
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { columnLetters } from "../core/grid";
import { cellKey } from "../hosts/excel/a1";
import type { SimSheet } from "../hosts/excel/simulation";
import { cellText } from "./cell-text";

export interface RowClasses {
  rowHead: string;
  td: string;
  selected: string;
  active: string;
  noteMark: string;
  editor: string;
}

/** How an edit ended: committed (moving by dRow/dCol) or cancelled. */
export type EditEnd = { commit: true; text: string; dRow: number; dCol: number } | { commit: false };

export interface GridRowProps {
  sheet: SimSheet;
  row: number;
  cols: number;
  /** Changes whenever the workbook changed, so the row reads its cells again. */
  version: number;
  /** Columns of this row inside the selection, or null. */
  selFrom: number | null;
  selTo: number | null;
  /** The active cell's column when it is in this row. */
  activeCol: number | null;
  /** The text the editor starts with, when the active cell of this row is being edited. */
  editing: string | null;
  classes: RowClasses;
  onEditEnd: (end: EditEnd) => void;
}

const TAB_IS_OURS = JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } });

function CellEditor({
  initial,
  className,
  onEnd,
}: {
  initial: string;
  className: string;
  onEnd: (end: EditEnd) => void;
}) {
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  // Focus at commit, before the next key event is dispatched: fast typing lands in the editor.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const end = (e: EditEnd) => {
    if (done.current) return;
    done.current = true;
    onEnd(e);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, [number, number]> = { Enter: [1, 0], Tab: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      const sign = e.shiftKey ? -1 : 1;
      end({ commit: true, text, dRow: move[0] * sign, dCol: move[1] * sign });
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      end({ commit: false });
    } else e.stopPropagation();
  };
  return (
    <input
      ref={input}
      className={className}
      value={text}
      aria-label="Cell value"
      data-testid="cell-editor"
      // Fluent's focus manager (Tabster) moves focus on Tab before React sees the key: Tab commits here.
      data-tabster={TAB_IS_OURS}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => end({ commit: true, text, dRow: 0, dCol: 0 })}
    />
  );
}

export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { sheet, row: r, cols, selFrom, selTo, activeCol, editing, classes } = props;
  const cells = [];
  for (let c = 1; c <= cols; c++) {
    const k = cellKey(r, c);
    const note = sheet.notes.get(k)?.content;
    const format = sheet.formats.get(k);
    const text = cellText(sheet.get(r, c), sheet.numberFormats.get(k), sheet.formulas.get(k));
    const inSel = selFrom !== null && selTo !== null && c >= selFrom && c <= selTo;
    const isActive = activeCol === c;
    const a1 = `${columnLetters(c)}${r}`;
    cells.push(
      <td
        key={c}
        role="gridcell"
        aria-selected={inSel}
        className={`${classes.td} ${inSel ? classes.selected : ""} ${isActive ? classes.active : ""}`}
        data-cell={a1}
        title={note ? `${text ? `${text}\n\n` : ""}Note: ${note}` : text || undefined}
        style={{
          ...(format?.fill ? { backgroundColor: format.fill } : {}),
          ...(format?.bold ? { fontWeight: 600 } : {}),
          // The cell being edited lets the editor spill over: a clipped cell would scroll its text under
          // the caret (inline, because the atomic classes' order, not the class list's, decides overflow).
          ...(isActive && editing !== null ? { overflow: "visible", zIndex: 3 } : {}),
        }}
      >
        {text}
        {note && <span className={classes.noteMark} aria-label="has a note" />}
        {isActive && editing !== null && (
          <CellEditor initial={editing} className={classes.editor} onEnd={props.onEditEnd} />
        )}
      </td>,
    );
  }
  return (
    <tr aria-rowindex={r + 1}>
      <th className={classes.rowHead} scope="row">
        {r}
      </th>
      {cells}
    </tr>
  );
});
