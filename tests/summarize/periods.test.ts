/** Reporting periods and day arithmetic. */
import fc from "fast-check";
import {
  dayNumber,
  excelSerialOfDay,
  periodOfDay,
  periodsBetween,
  yearMonthOfDay,
} from "../../src/core/summarize/periods";

const day = (iso: string) => dayNumber(iso)!;

describe("dayNumber", () => {
  test("agrees with Date.UTC on every day from 1900 to 2200, and round-trips through yearMonthOfDay", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 2, 1) / 864e5, max: Date.UTC(2200, 0, 1) / 864e5 }), (n) => {
        const iso = new Date(n * 864e5).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(n);
        expect(yearMonthOfDay(n)).toEqual({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });
      }),
    );
  });

  test.each(["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024-1-1", ""])(
    "rejects %p",
    (text) => {
      expect(dayNumber(text)).toBeNull();
    },
  );

  test("2024-02-29 exists, and 2025-07-01 is Excel serial 45839", () => {
    expect(dayNumber("2024-02-29")).not.toBeNull();
    expect(excelSerialOfDay(day("2025-07-01"))).toBe(45839);
    expect(excelSerialOfDay(day("1900-03-01"))).toBe(61);
  });
});

describe("periods", () => {
  test("quarters are labelled 2024-Q1..Q4 and other lengths 2024-P01..", () => {
    expect(periodOfDay(day("2024-08-15"), 3).label).toBe("2024-Q3");
    expect(periodOfDay(day("2024-08-15"), 1).label).toBe("2024-P08");
    expect(periodOfDay(day("2024-08-15"), 6).label).toBe("2024-P02");
    expect(periodOfDay(day("2024-08-15"), 12).label).toBe("2024-P01");
  });

  test("with 5-month periods the year still restarts in January (Nov-Dec is a short period)", () => {
    const p = periodOfDay(day("2024-12-31"), 5);
    expect(p.label).toBe("2024-P03");
    expect(p.startDay).toBe(day("2024-11-01"));
    expect(periodOfDay(day("2025-01-01"), 5).label).toBe("2025-P01");
  });

  test("an activity's days are counted in each period it touches (leap year included)", () => {
    const slices = periodsBetween(day("2024-02-15"), day("2024-07-10"), 3);
    expect(slices.map((s) => [s.label, s.days])).toEqual([
      ["2024-Q1", 46], // 15 days of February 2024 (a leap year) and 31 of March
      ["2024-Q2", 91],
      ["2024-Q3", 10],
    ]);
  });

  test("the days over an activity's periods add up to its length", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18000, max: 21000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 12),
        (start, len, months) => {
          const slices = periodsBetween(start, start + len, months);
          expect(slices.reduce((t, s) => t + s.days, 0)).toBe(len + 1);
          for (const s of slices) expect(s.days).toBeGreaterThan(0);
        },
      ),
    );
  });
});
