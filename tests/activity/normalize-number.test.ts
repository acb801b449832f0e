import fc from "fast-check";
import { readMoney, readNumber, readProgress } from "../../src/core/activity/normalize-number";

describe("readMoney", () => {
  test.each([
    [50000, 50000],
    ["50,000", 50000],
    ["$120,000", 120000],
    ["USD 75 000", 75000],
    ["75 000 USD", 75000],
    ["US$ 1,234,567.50", 1234567.5],
    ["1.234.567,89", 1234567.89],
    ["75\u00a0000", 75000],
    ["1'500'000", 1500000],
    ["50k", 50000],
    ["1.2M", 1200000],
    ["(500)", -500],
    ["12.5", 12.5],
    ["1,5", 1.5],
    ["0", 0],
  ])("%p -> %p", (v, n) => {
    expect(readMoney(v)).toEqual({ ok: true, value: n });
  });

  test.each([
    ["EUR 5,000", "money-not-usd"],
    ["5 000 €", "money-not-usd"],
    ["1.500", "number-ambiguous"],
    ["about fifty thousand", "number-unreadable"],
    ["=SUM(A1:A3)", "number-unreadable"],
    ["-", "number-unreadable"],
    [true, "number-unreadable"],
    [{ error: "#DIV/0!" }, "error-value"],
  ])("%p is a problem: %s", (v, code) => {
    expect(readMoney(v)).toMatchObject({ ok: false, code });
  });

  test("blank is no amount and no problem", () => {
    expect(readMoney(null)).toEqual({ ok: true, value: null });
    expect(readMoney(" ")).toEqual({ ok: true, value: null });
  });

  test("property: any whole amount written with thousands commas reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(readMoney(n.toLocaleString("en-US"))).toEqual({ ok: true, value: n });
        expect(readMoney(`$${n.toLocaleString("en-US")}`)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe("readProgress", () => {
  test.each([
    [0.45, 0.45],
    ["45%", 0.45],
    ["45 %", 0.45],
    ["0.45", 0.45],
    [1, 1],
    [0, 0],
    ["100%", 1],
    ["12,5%", 0.125],
  ])("%p -> %p", (v, n) => {
    const r = readProgress(v);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).toBeCloseTo(n, 10);
    expect(r.ok && r.note).toBeUndefined();
  });

  test("a plain 45 is read as 45% with a note", () => {
    expect(readProgress(45)).toMatchObject({ ok: true, value: 0.45, note: { code: "progress-read-as-percent" } });
    expect(readProgress("45")).toMatchObject({ ok: true, value: 0.45, note: { code: "progress-read-as-percent" } });
  });

  test.each([[150], ["120%"], [-0.1], ["half"], [false], [1.5], [45.5]])("%p is a problem", (v) => {
    expect(readProgress(v).ok).toBe(false);
  });

  test("a fraction above 1 (a percentage cell showing 150%) is out of range, and the message says what it means", () => {
    expect(readProgress(1.5)).toMatchObject({
      ok: false,
      code: "progress-out-of-range",
      message: expect.stringContaining("150%"),
    });
  });
});

describe("readNumber", () => {
  test("scores are kept as typed; validation judges the range", () => {
    expect(readNumber(3)).toEqual({ ok: true, value: 3 });
    expect(readNumber("4")).toEqual({ ok: true, value: 4 });
    expect(readNumber(7.5)).toEqual({ ok: true, value: 7.5 });
    expect(readNumber("high")).toMatchObject({ ok: false, code: "number-unreadable" });
  });

  test("random text never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double()), (v) => {
        readMoney(v);
        readNumber(v);
        readProgress(v);
      }),
    );
  });
});

describe("long text is refused quickly, not scanned", () => {
  test.each([[" ".repeat(1_000_000) + "x"], ["1 ".repeat(500_000)], ["$" + "9".repeat(1_000_000)]])(
    "a cell of %#",
    (v) => {
      expect(readMoney(v)).toMatchObject({ ok: false, code: "number-unreadable" });
      expect(readNumber(v).ok).toBe(false);
      expect(readProgress(v).ok).toBe(false);
    },
  );
});
