import fc from "fast-check";
import { normalizeCode } from "../../src/core/framework";
import { PLAN_2023_2026 } from "../../src/core/framework";

describe("normalizeCode: the awkward inputs officers type", () => {
  test.each([
    ["1.1.1.", "1.1.1"],
    [" 1.1.1 ", "1.1.1"],
    ["Approach 1.1.1", "1.1.1"],
    ["approche 1.1.1", "1.1.1"],
    ["Enfoque 3.2.4", "3.2.4"],
    ["1.1.1 Support improved governance ...", "1.1.1"],
    ["(1.1.1)", "1.1.1"],
    ["money laundering prevention (1.2.1)", "1.2.1"],
    ["1.1.1-", "1.1.1"],
    ["Outcome 3", "3"],
    ["3.", "3"],
    ["Sub-outcome 2.3", "2.3"],
    ["Outcome 1, approach 1.2.1", "1.2.1"],
    ["2.4", "2.4"], // shape only: existence is the index's job
    ["9.9.9", "9.9.9"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  test.each([
    [3, "3"],
    [1.1, "1.1"],
    [2.3000000000000003, "2.3"],
    [5.3, "5.3"],
  ])("number %p -> %j (Excel stores 1.1 typed without an apostrophe as a number)", (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  test.each([
    ["hello"],
    [""],
    ["   "],
    ["plan 2023"],
    ["v2.0"],
    ["1.1.1.1.1"],
    [0],
    [-1],
    [1.123],
    [NaN],
    [true],
    [null],
    [undefined],
    [{ error: "#N/A" }],
    [new Date(0)],
  ])("%p has no code -> null", (input) => {
    expect(normalizeCode(input)).toBeNull();
  });
});

describe("normalizeCode: properties", () => {
  const allCodes = [...PLAN_2023_2026.outcomes, ...PLAN_2023_2026.subOutcomes, ...PLAN_2023_2026.approaches].map(
    (n) => n.code,
  );
  const prefix = fc.constantFrom(
    "",
    "Approach ",
    "approche ",
    "Enfoque ",
    "Outcome ",
    "Sub-outcome ",
    "Résultat ",
    "code: ",
    "see ",
    "money laundering prevention ",
  );
  const space = fc.constantFrom("", " ", "  ", "\t", "\u00a0");
  const trail = fc.constantFrom("", ".", "-", ":", " -", ")");

  test("every framework code, decorated any way, normalises back to itself", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allCodes),
        prefix,
        space,
        trail,
        fc.boolean(),
        fc.boolean(),
        (code, pre, sp, tr, bracket, withTitle) => {
          const node = PLAN_2023_2026.get(code);
          const core = bracket ? `(${code})` : code;
          const title = withTitle && node ? ` ${node.title}` : "";
          const decorated = `${sp}${pre}${core}${tr}${title}${sp}`;
          expect(normalizeCode(decorated)).toBe(code);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("every framework code after random words, in random case, normalises back to itself", () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...allCodes),
        fc.array(word, { maxLength: 4 }),
        trail,
        fc.boolean(),
        (code, words, tr, upper) => {
          const before = words.join(" ");
          const text = `${upper ? before.toUpperCase() : before} ${code}${tr}`;
          expect(normalizeCode(text)).toBe(code);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("random text never throws and yields null or a dotted code", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double(), fc.integer(), fc.constant(null)),
        (x) => {
          const r = normalizeCode(x);
          expect(r === null || /^[1-9]\d?(\.[1-9]\d?){0,3}$/.test(r)).toBe(true);
        },
      ),
    );
  });

  test("a huge cell is read without trouble", () => {
    expect(normalizeCode("x".repeat(1_000_000))).toBeNull();
    expect(normalizeCode(`Approach 3.2.4 ${"y".repeat(1_000_000)}`)).toBe("3.2.4");
  });
});
