/**
 * The Framework sheet: the whole plan hierarchy (outcomes, sub-outcomes, approaches) as one readable,
 * protected table, so that a donor in plain Excel can look up what "3.2.4" means without the add-in.
 * Generated: reset and rewritten on every set up.
 */
import type { ChangeOp } from "../changeset";
import type { CellValue } from "../grid";
import { SHEETS } from "./sheet-names";

/** The parts of the framework the sheet shows; the framework module's own types fit this shape. */
export interface FrameworkSheetData {
  title: string;
  vision?: string;
  impact?: string;
  outcomes: readonly { code: string; title: string; statement?: string }[];
  subOutcomes: readonly { code: string; title: string; statement?: string; outcome?: string; management?: boolean }[];
  approaches: readonly { code: string; title: string; exampleActivities?: string; subOutcome?: string }[];
}

export const FRAMEWORK_HEADERS = ["Code", "Level", "Title", "Statement / example activities"] as const;

const OUTCOME_FILL = "#DDEBF7";
/** Title rows above the table. */
const PREAMBLE_ROWS = 4;

/** Dotted codes in plan order: 1, 1.1, 1.1.1, 1.1.2, ..., 1.2, ... ("1.10" after "1.9"). */
function byCode(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function frameworkSheetChanges(fw: FrameworkSheetData): ChangeOp[] {
  const sheet = SHEETS.framework;
  type Row = { code: string; level: string; title: string; text: string };
  const rows: Row[] = [
    ...fw.outcomes.map((o) => ({ code: o.code, level: "Outcome", title: o.title, text: o.statement ?? "" })),
    ...fw.subOutcomes.map((s) => ({
      code: s.code,
      level: s.management ? "Sub-outcome (management)" : "Sub-outcome",
      title: s.title,
      text: s.statement ?? "",
    })),
    ...fw.approaches.map((a) => ({ code: a.code, level: "Approach", title: a.title, text: a.exampleActivities ?? "" })),
  ].sort((a, b) => byCode(a.code, b.code));

  const preamble: CellValue[][] = [
    [fw.title, null, null, null],
    ["Vision", null, fw.vision ?? "", null],
    ["Impact", null, fw.impact ?? "", null],
    [null, null, null, null],
  ];
  const headerRow = PREAMBLE_ROWS + 1;
  const values: CellValue[][] = [
    ...preamble,
    [...FRAMEWORK_HEADERS],
    ...rows.map((r) => [r.code, r.level, r.title, r.text]),
  ];
  const last = headerRow + rows.length;
  const ops: ChangeOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "resetSheet", sheet },
    // Codes as text ("@"): "1.1" must never turn into the number 1.1.
    { kind: "values", sheet, at: "A1", values, formats: ["@", "@", "@", "@"] },
    { kind: "style", sheet, range: "A1:A1", style: { bold: true, fontSize: 14 } },
    { kind: "style", sheet, range: "A2:A3", style: { bold: true } },
    { kind: "style", sheet, range: `A${headerRow}:D${headerRow}`, style: { bold: true, borderBottom: true } },
    { kind: "style", sheet, range: `A${headerRow + 1}:D${last}`, style: { wrap: true, vertical: "top" } },
    { kind: "columns", sheet, widths: [9, 24, 60, 100], from: 1 },
    { kind: "freeze", sheet, rows: headerRow, cols: 0 },
  ];
  rows.forEach((r, i) => {
    const row = headerRow + 1 + i;
    if (r.level === "Outcome")
      ops.push({ kind: "style", sheet, range: `A${row}:D${row}`, style: { bold: true, fill: OUTCOME_FILL } });
    else if (r.level.startsWith("Sub-outcome"))
      ops.push({ kind: "style", sheet, range: `A${row}:C${row}`, style: { italic: true } });
  });
  ops.push({ kind: "protect", sheet });
  return ops;
}
