/**
 * The Lists sheet: the vocabularies behind the Activities drop-downs, one column each, with a
 * workbook-scoped name over each list. The sheet is generated (reset and rewritten on every set up),
 * so a new plan or a new country list never leaves stale entries behind.
 */
import type { ChangeOp } from "../changeset";
import { cellAddress, columnLetters, type CellValue } from "../grid";
import { LIST_NAMES, type ListName } from "./list-names";
import { SHEETS } from "./sheet-names";

export interface CodeTitle {
  code: string;
  title: string;
}

/** Everything the Lists sheet shows, as plain data (built from the framework and reference lists). */
export interface ListsData {
  agencies: readonly string[];
  levels: readonly string[];
  stages: readonly string[];
  statuses: readonly string[];
  outcomes: readonly CodeTitle[];
  subOutcomes: readonly CodeTitle[];
  approaches: readonly CodeTitle[];
  countries: readonly { name: string; iso3: string }[];
}

interface ListColumn {
  header: string;
  values: readonly CellValue[];
  /** The name over this column's values, if the column feeds a drop-down. */
  name?: ListName;
  width: number;
}

function columnsOf(data: ListsData): ListColumn[] {
  return [
    { header: "Lead agency", values: data.agencies, name: LIST_NAMES.agencies, width: 20 },
    { header: "Level", values: data.levels, name: LIST_NAMES.levels, width: 14 },
    { header: "Stage", values: data.stages, name: LIST_NAMES.stages, width: 16 },
    { header: "Status", values: data.statuses, name: LIST_NAMES.statuses, width: 13 },
    { header: "Outcome", values: data.outcomes.map((o) => o.code), name: LIST_NAMES.outcomes, width: 9 },
    { header: "Outcome title", values: data.outcomes.map((o) => o.title), width: 40 },
    { header: "Sub-outcome", values: data.subOutcomes.map((o) => o.code), name: LIST_NAMES.subOutcomes, width: 11 },
    { header: "Sub-outcome title", values: data.subOutcomes.map((o) => o.title), width: 40 },
    { header: "Approach", values: data.approaches.map((o) => o.code), name: LIST_NAMES.approaches, width: 10 },
    { header: "Approach title", values: data.approaches.map((o) => o.title), width: 60 },
    { header: "Country", values: data.countries.map((c) => c.name), name: LIST_NAMES.countries, width: 30 },
    { header: "ISO3", values: data.countries.map((c) => c.iso3), width: 7 },
    { header: "Score (1-5)", values: [1, 2, 3, 4, 5], name: LIST_NAMES.scores, width: 11 },
  ];
}

export function listsSheetChanges(data: ListsData): ChangeOp[] {
  const sheet = SHEETS.lists;
  const cols = columnsOf(data);
  const height = Math.max(...cols.map((c) => c.values.length));
  // One block for the whole sheet: a single write, whatever the host.
  const rows: CellValue[][] = [cols.map((c) => c.header)];
  for (let r = 0; r < height; r++) rows.push(cols.map((c) => c.values[r] ?? null));
  // Codes such as "1.1" must stay text: the "@" format keeps Excel from reading them as numbers.
  const formats = cols.map((c) => (c.name === LIST_NAMES.scores ? "0" : "@"));
  const ops: ChangeOp[] = [
    { kind: "ensureSheet", sheet },
    { kind: "resetSheet", sheet },
    { kind: "values", sheet, at: "A1", values: rows, formats },
    { kind: "style", sheet, range: `A1:${cellAddress(1, cols.length)}`, style: { bold: true, borderBottom: true } },
    { kind: "columns", sheet, widths: cols.map((c) => c.width), from: 1 },
    { kind: "freeze", sheet, rows: 1, cols: 0 },
  ];
  cols.forEach((c, i) => {
    if (!c.name) return;
    const letters = columnLetters(i + 1);
    // Absolute references: a name is a fixed range, wherever it is used from.
    ops.push({
      kind: "name",
      name: c.name,
      sheet,
      range: `$${letters}$2:$${letters}$${Math.max(c.values.length, 1) + 1}`,
    });
  });
  ops.push({ kind: "protect", sheet });
  return ops;
}
