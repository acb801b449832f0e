/**
 * dayNumber reads "YYYY-MM-DD" by character codes. It must accept and refuse exactly what the pattern
 * /^(\d{4})-(\d{2})-(\d{2})$/ with a calendar check accepts and refuses, and give the same day.
 */
import fc from "fast-check";
import { dayNumber } from "../../src/core/summarize/periods";

/** The rule as it was written before: the pattern, then the calendar, then the day from a UTC date. */
function reference(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return Math.round(date.getTime() / 86_400_000);
}

const nearDate = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom("-", "/", "_"),
  )
  .map(
    ([y, m, d, sep]) =>
      `${String(y).padStart(4, "0")}${sep}${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  );
const mangled = fc
  .tuple(nearDate, fc.nat(9), fc.constantFrom("a", " ", "٣", "\n", "", "00", "+", ":", "/"))
  .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));

describe("dayNumber", () => {
  test("agrees with the pattern and the calendar on dates, near-dates and any text", () => {
    fc.assert(
      fc.property(fc.oneof(nearDate, mangled, fc.string({ maxLength: 12 })), (s) => {
        expect(dayNumber(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  test("knows leap days and the edges of the calendar", () => {
    expect(dayNumber("2024-02-29")).toBe(19782);
    expect(dayNumber("2023-02-29")).toBeNull();
    expect(dayNumber("1900-02-29")).toBeNull();
    expect(dayNumber("2000-02-29")).toBe(11016);
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2024-1-01")).toBeNull();
    expect(dayNumber("2024-01-01\n")).toBeNull();
  });
});
