/**
 * ISO date -> Excel serial (1900 date system, counting Excel's phantom 29 February 1900), the form in
 * which dates travel in change sets.
 */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const days = Math.round(ms / 86400000) + 25569;
  return days >= 61 ? days : days - 1;
}
