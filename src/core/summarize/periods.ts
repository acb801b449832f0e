/**
 * Reporting periods: fixed blocks of `months` months aligned to January (quarters by default), so the
 * same date always falls in the same period whatever the activities are. Day arithmetic is done on UTC
 * day numbers, never local time, so no time zone can move a date into the next period.
 */

const MS_PER_DAY = 86_400_000;
/** Day number (since 1970-01-01) of Excel's serial 0, 1899-12-30 (right for every date after 1900-02-28). */
const EXCEL_EPOCH_DAY = -25_569;

export const DEFAULT_PERIOD_MONTHS = 3;
export const UNDATED_PERIOD = "(undated)";

/** Days since 1970-01-01 of a "YYYY-MM-DD" date, or null when the text is not a real calendar date. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2024-02-31 over into March: reject what does not come back unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / MS_PER_DAY;
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Excel's serial number of a day number: what a date cell holds. */
export function excelSerialOfDay(day: number): number {
  return day - EXCEL_EPOCH_DAY;
}

/** True for an integer from 1 to 12: the period lengths the summaries accept. */
export function isValidPeriodMonths(months: number): boolean {
  return Number.isInteger(months) && months >= 1 && months <= 12;
}

export interface Period {
  /** "2024-Q3" for quarters, "2024-P05" for any other length. */
  label: string;
  year: number;
  /** 0-based index of the period within its year. */
  index: number;
  /** Day numbers of the first and last day (inclusive). */
  startDay: number;
  endDay: number;
}

export function periodLabel(year: number, index: number, months: number): string {
  return months === 3 ? `${year}-Q${index + 1}` : `${year}-P${String(index + 1).padStart(2, "0")}`;
}

/**
 * The period that holds a day. With a length that does not divide 12 (say 5), the last period of each
 * year is shorter (Nov-Dec), so that periods still start every January.
 */
export function periodOfDay(day: number, months: number): Period {
  const d = new Date(day * MS_PER_DAY);
  const year = d.getUTCFullYear();
  const index = Math.floor(d.getUTCMonth() / months);
  return periodAt(year, index, months);
}

function periodAt(year: number, index: number, months: number): Period {
  const firstMonth = index * months;
  const startDay = Date.UTC(year, firstMonth, 1) / MS_PER_DAY;
  const nextMonth = Math.min(firstMonth + months, 12);
  const endDay = Date.UTC(year, nextMonth, 1) / MS_PER_DAY - 1;
  return { label: periodLabel(year, index, months), year, index, startDay, endDay };
}

function nextPeriod(p: Period, months: number): Period {
  const perYear = Math.ceil(12 / months);
  return p.index + 1 < perYear ? periodAt(p.year, p.index + 1, months) : periodAt(p.year + 1, 0, months);
}

/** A period with the number of the activity's days that fall in it. */
export interface PeriodSlice extends Period {
  days: number;
}

/** Every period that the days from `startDay` to `endDay` (inclusive, start <= end) touch, in order. */
export function periodsBetween(startDay: number, endDay: number, months: number): PeriodSlice[] {
  const out: PeriodSlice[] = [];
  let p = periodOfDay(startDay, months);
  while (p.startDay <= endDay) {
    const from = Math.max(p.startDay, startDay);
    const to = Math.min(p.endDay, endDay);
    out.push({ ...p, days: to - from + 1 });
    p = nextPeriod(p, months);
  }
  return out;
}
