import fc from "fast-check";
import { cellToIsoDate, excelSerialToIso, isoToExcelSerial, readDate } from "../../src/core/activity/dates";

describe("Excel serials and the 1900 leap-year bug", () => {
  test.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45292, "2024-01-01"],
    [45292.75, "2024-01-01"], // a time of day is dropped
    [44927, "2023-01-01"],
    [46387, "2026-12-31"],
    [2958465, "9999-12-31"],
  ])("serial %p is %s, and back", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(Math.floor(serial));
  });

  test("serial 60 is the fictitious 1900-02-29: no real date", () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(readDate(60)).toMatchObject({ ok: false, code: "date-unreadable" });
  });

  test.each([[0], [-5], [2958466], [NaN], [Infinity]])("serial %p is out of range", (n) => {
    expect(excelSerialToIso(n)).toBeNull();
  });

  test("isoToExcelSerial rejects dates that do not exist", () => {
    expect(isoToExcelSerial("2023-02-29")).toBeNull();
    expect(isoToExcelSerial("2024-02-29")).toBe(45351);
    expect(isoToExcelSerial("1900-02-29")).toBeNull();
    expect(isoToExcelSerial("24-01-01")).toBeNull();
  });

  test("property: serial -> ISO -> serial is the identity (60 excepted)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60),
        (n) => {
          const iso = excelSerialToIso(n);
          expect(iso).not.toBeNull();
          expect(isoToExcelSerial(iso!)).toBe(n);
        },
      ),
    );
  });
});

describe("cellToIsoDate", () => {
  test.each([
    [new Date(Date.UTC(2024, 2, 31)), "2024-03-31"],
    [new Date(Date.UTC(2024, 2, 31, 23, 30)), "2024-03-31"], // the UTC date
    ["2024-03-31", "2024-03-31"],
    [" 2024-03-31 ", "2024-03-31"],
    ["2024-03-31T00:00:00Z", "2024-03-31"],
    ["2024/3/5", "2024-03-05"],
    ["31/03/2024", "2024-03-31"],
    ["31.03.2024", "2024-03-31"],
    ["03/31/2024", "2024-03-31"],
    ["05/05/2024", "2024-05-05"],
    ["31/03/24", "2024-03-31"],
    ["31 March 2024", "2024-03-31"],
    ["1er mars 2024", "2024-03-01"],
    ["15 de marzo de 2024", "2024-03-15"],
    ["March 31, 2024", "2024-03-31"],
    ["31 déc. 2026", "2026-12-31"],
    [45292, "2024-01-01"],
  ])("%p -> %s", (v, iso) => {
    expect(cellToIsoDate(v)).toBe(iso);
  });

  test.each([
    ["03/04/2024", "date-ambiguous"],
    ["31/02/2024", "date-unreadable"],
    ["next year", "date-unreadable"],
    ["2024", "date-unreadable"],
    [2024, "date-unreadable"],
    [true, "date-unreadable"],
    [{ error: "#N/A" }, "date-unreadable"],
    [new Date(NaN), "date-unreadable"],
    ["=TODAY()", "date-unreadable"],
  ])("%p is not a date (%s)", (v, code) => {
    expect(cellToIsoDate(v)).toBeNull();
    expect(readDate(v)).toMatchObject({ ok: false, code });
  });

  test("blank cells are no date and no problem", () => {
    expect(readDate(null)).toEqual({ ok: true, iso: "" });
    expect(readDate("  ")).toEqual({ ok: true, iso: "" });
    expect(cellToIsoDate(null)).toBeNull();
  });

  test("property: every ISO date written as text reads back", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1901-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(cellToIsoDate(iso)).toBe(iso);
        expect(cellToIsoDate(d)).toBe(iso);
      }),
    );
  });
});
