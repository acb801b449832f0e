/**
 * The Check panel's list: issues grouped by rule or by row, flattened into pages so thousands of
 * issues render a page at a time (the pane never builds more than PAGE_SIZE issue rows at once).
 */
import { SEVERITY_ORDER, type Issue } from "../../core/issues";

export type Grouping = "rule" | "row";

export type ListItem =
  { kind: "group"; key: string; label: string; count: number } | { kind: "issue"; key: string; issue: Issue };

export const PAGE_SIZE = 100;

function byPlace(a: Issue, b: Issue): number {
  return (
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.cell ?? "").localeCompare(b.cell ?? "") ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
  );
}

export function groupIssues(issues: readonly Issue[], grouping: Grouping): { label: string; issues: Issue[] }[] {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    const key = grouping === "rule" ? i.code : i.row === null ? "sheet" : String(i.row);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const entries = [...groups.entries()];
  if (grouping === "rule") {
    // Errors first, then the biggest groups: the rule to fix first is at the top.
    const worst = (l: Issue[]) => Math.min(...l.map((i) => SEVERITY_ORDER[i.severity]));
    entries.sort((a, b) => worst(a[1]) - worst(b[1]) || b[1].length - a[1].length || a[0].localeCompare(b[0]));
  } else {
    entries.sort((a, b) => (a[0] === "sheet" ? -1 : b[0] === "sheet" ? 1 : Number(a[0]) - Number(b[0])));
  }
  return entries.map(([key, list]) => {
    const sorted = [...list].sort(byPlace);
    const first = sorted[0];
    const label =
      grouping === "rule"
        ? key
        : key === "sheet"
          ? "Whole sheet"
          : `Row ${key}${first?.activityId ? ` (${first.activityId})` : ""}`;
    return { label, issues: sorted };
  });
}

/** Pages of at most PAGE_SIZE issues; a group split across pages repeats its heading. */
export function pageItems(
  groups: readonly { label: string; issues: Issue[] }[],
  page: number,
  size = PAGE_SIZE,
): { items: ListItem[]; pages: number } {
  const total = groups.reduce((n, g) => n + g.issues.length, 0);
  const pages = Math.max(1, Math.ceil(total / size));
  const from = page * size;
  const to = from + size;
  const items: ListItem[] = [];
  let at = 0;
  for (const g of groups) {
    const end = at + g.issues.length;
    if (end > from && at < to) {
      items.push({ kind: "group", key: `g:${g.label}:${page}`, label: g.label, count: g.issues.length });
      const slice = g.issues.slice(Math.max(0, from - at), Math.min(g.issues.length, to - at));
      slice.forEach((issue, i) =>
        items.push({ kind: "issue", key: `i:${g.label}:${Math.max(0, from - at) + i}`, issue }),
      );
    }
    at = end;
    if (at >= to) break;
  }
  return { items, pages };
}
