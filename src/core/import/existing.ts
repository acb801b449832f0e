/**
 * What Activities already holds, as the import needs it: each ID with its activity title, so that a
 * re-import recognises its rows and no ID is given twice.
 */
import { cellText } from "./text";
import { findHeaderRow } from "../layout";
import type { Grid } from "../grid";

export function existingActivities(grid: Grid | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!grid) return out;
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) return out;
  const header = grid.rows[headerRow - grid.top] ?? [];
  const idIndex = header.findIndex((v) => typeof v === "string" && v.trim().toLowerCase() === "id");
  const titleIndex = header.findIndex((v) => typeof v === "string" && v.trim().toLowerCase() === "activity");
  if (idIndex < 0) return out;
  for (let i = headerRow - grid.top + 1; i < grid.rows.length; i++) {
    const row = grid.rows[i] ?? [];
    const id = cellText(row[idIndex] ?? null);
    if (id && !out.has(id)) out.set(id, titleIndex >= 0 ? cellText(row[titleIndex] ?? null) : "");
  }
  return out;
}
