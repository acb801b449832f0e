/**
 * Reporting periods: fixed blocks of `months` months aligned to January (quarters by default), so the
 * same date always falls in the same period whatever the activities are. Day arithmetic is done on UTC
 * day numbers, never local time, so no time zone can move a date into the next period.
 */
import { asciiDigits } from "../ascii-digits";

const MS_PER_DAY = 86_400_000;
/** Day number (since 1970-01-01) of Excel's serial 0, 1899-12-30 (right for every date after 1900-02-28). */
const EXCEL_EPOCH_DAY = -25_569;

export const DEFAULT_PERIOD_MONTHS = 3;
export const UNDATED_PERIOD = "(undated)";

/**
 * Days since 1970-01-01 of a civil date, by integer arithmetic (H. Hinnant's days_from_civil): no Date
 * object, which matters when it runs for every date of 100,000 activities.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year and month (1-12) of a day number (the inverse of daysFromCivil, without the day). */
export function yearMonthOfDay(day: number): { year: number; month: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a "YYYY-MM-DD" date (exactly four, two and two ASCII digits), or null when
 * the text is not a real calendar date. Read by character codes: it runs three times per activity, and
 * a regular expression's match array per call was measurable garbage.
 */
export function dayNumber(iso: string): number | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y = asciiDigits(iso, 0, 4);
  const mo = asciiDigits(iso, 5, 7);
  const d = asciiDigits(iso, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
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
  const { year, month } = yearMonthOfDay(day);
  return cachedPeriodAt(year, Math.floor((month - 1) / months), months);
}

function periodAt(year: number, index: number, months: number): Period {
  const firstMonth = index * months + 1;
  const startDay = daysFromCivil(year, firstMonth, 1);
  const nextMonth = firstMonth + months;
  const endDay = nextMonth > 12 ? daysFromCivil(year + 1, 1, 1) - 1 : daysFromCivil(year, nextMonth, 1) - 1;
  return { label: periodLabel(year, index, months), year, index, startDay, endDay };
}

/** A period with the number of the activity's days that fall in it. */
export interface PeriodSlice extends Period {
  days: number;
}

/**
 * Periods are few (a handful per year) and activities many: each distinct period is built once and
 * shared, so the walk below allocates only the slices.
 */
const periodCache = new Map<string, Period>();

function cachedPeriodAt(year: number, index: number, months: number): Period {
  const key = `${months}:${year}:${index}`;
  let p = periodCache.get(key);
  if (!p) {
    p = periodAt(year, index, months);
    if (periodCache.size < 100_000) periodCache.set(key, p);
  }
  return p;
}

/** Every period that the days from `startDay` to `endDay` (inclusive, start <= end) touch, in order. */
export function periodsBetween(startDay: number, endDay: number, months: number): PeriodSlice[] {
  const out: PeriodSlice[] = [];
  const first = yearMonthOfDay(startDay);
  let year = first.year;
  let index = Math.floor((first.month - 1) / months);
  const perYear = Math.ceil(12 / months);
  for (;;) {
    const p = cachedPeriodAt(year, index, months);
    if (p.startDay > endDay) break;
    const from = p.startDay > startDay ? p.startDay : startDay;
    const to = p.endDay < endDay ? p.endDay : endDay;
    out.push({
      label: p.label,
      year: p.year,
      index: p.index,
      startDay: p.startDay,
      endDay: p.endDay,
      days: to - from + 1,
    });
    if (++index >= perYear) {
      index = 0;
      year++;
    }
  }
  return out;
}
