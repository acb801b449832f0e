/** A small messy country-team tracker, written as a real .xlsx by ExcelJS in Node, for the import step. */
import ExcelJS from "exceljs";

export const MESSY_TITLES = [
  "Formation des rangers: chaîne de preuves",
  "Port container profiling (Mombasa)",
  "Joint investigation with INTERPOL",
];

export async function messyTrackerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kenya tracker");
  ws.addRow(["Kenya wildlife crime workplan 2024 (draft)"]);
  ws.addRow([]);
  ws.addRow(["Activité", "Agence lead", "Pays", "Ref", "Début", "Fin", "Budget"]);
  ws.addRow([
    MESSY_TITLES[0],
    "unodc",
    "kenya",
    "2.1.1",
    new Date(Date.UTC(2024, 2, 1)),
    new Date(Date.UTC(2024, 8, 30)),
    "USD 45,000",
  ]);
  ws.addRow([
    MESSY_TITLES[1],
    "wco",
    "KEN",
    "3.2.1",
    new Date(Date.UTC(2024, 4, 1)),
    new Date(Date.UTC(2024, 11, 31)),
    80000,
  ]);
  ws.addRow([
    MESSY_TITLES[2],
    "Interpol",
    "Kenya; Tanzania",
    "4.1.2",
    new Date(Date.UTC(2025, 0, 15)),
    new Date(Date.UTC(2025, 5, 30)),
    120000,
  ]);
  ws.addRow(["Total", null, null, null, null, null, 245000]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
