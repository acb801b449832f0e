/** Small workbooks written with ExcelJS directly (not through the file host), for bad-input tests. */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/grid";

export async function writeBook(file: string, sheets: Record<string, CellValue[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every cell value, note, fill, table and defined name of a workbook file, for "twice equals once". */
export async function describeBook(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    const cells: [string, unknown, unknown, unknown, unknown][] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        const fill = c.fill && c.fill.type === "pattern" ? (c.fill.fgColor?.argb ?? null) : null;
        const note = c.note === undefined ? null : typeof c.note === "string" ? c.note : JSON.stringify(c.note);
        cells.push([
          c.address,
          c.value instanceof Date ? c.value.toISOString() : c.value,
          note,
          fill,
          c.numFmt ?? null,
        ]);
      }),
    );
    const tables = (ws as unknown as { getTables(): [{ table: { name: string; tableRef?: string; ref?: string } }][] })
      .getTables()
      .map((t) => {
        const tb =
          (t as unknown as { table: { name: string; tableRef?: string; ref?: string } }).table ??
          (t as unknown as [{ table: { name: string; ref?: string } }])[0]?.table;
        return tb ? `${tb.name} ${tb.tableRef ?? tb.ref ?? ""}` : "";
      });
    sheets[ws.name] = { state: ws.state, cells, tables };
  });
  const names = (wb.definedNames as unknown as { model: unknown }).model;
  return { order: wb.worksheets.map((w) => w.name), sheets, names };
}
