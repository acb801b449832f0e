import fc from "fast-check";
import { AGENCIES, AGENCY_ALIASES, matchAgency, parseAgencies, suggestAgency } from "../../src/core/reference";

describe("matchAgency", () => {
  test.each([
    ["CITES", "CITES Secretariat"],
    ["Secretariat of CITES", "CITES Secretariat"],
    ["Secrétariat CITES", "CITES Secretariat"],
    ["secretariat cites", "CITES Secretariat"],
    ["Interpol", "INTERPOL"],
    ["OIPC", "INTERPOL"],
    ["ICPO", "INTERPOL"],
    ["ONUDC", "UNODC"],
    ["UNODC", "UNODC"],
    ["United Nations Office on Drugs and Crime", "UNODC"],
    ["World Customs Organization", "WCO"],
    ["OMD", "WCO"],
    ["Organisation mondiale des douanes", "WCO"],
    ["Organización Mundial de Aduanas", "WCO"],
    ["organizacion mundial de aduanas", "WCO"],
    ["World Bank Group", "World Bank"],
    ["WBG", "World Bank"],
    ["Banque mondiale", "World Bank"],
    ["Banco Mundial", "World Bank"],
    ["  world   bank ", "World Bank"],
  ])("%j -> %s", (text, value) => {
    expect(matchAgency(text)).toEqual({ value, confidence: 1 });
  });

  test("a typo matches with a confidence below 1", () => {
    const m = matchAgency("Interpool");
    expect(m?.value).toBe("INTERPOL");
    expect(m!.confidence).toBeLessThan(1);
    expect(m!.confidence).toBeGreaterThan(0.5);
  });

  test("an unknown agency does not match, and gets suggestions", () => {
    expect(matchAgency("UNEP")).toBeNull();
    expect(matchAgency("")).toBeNull();
    expect(suggestAgency("Wrld Bnk", 1)).toEqual(["World Bank"]);
    expect(suggestAgency("UNEP", 3)).toHaveLength(3);
  });
});

describe("parseAgencies: joint leads in one cell", () => {
  test.each([
    ["WCO/INTERPOL", ["INTERPOL", "WCO"]],
    ["Interpol, WCO", ["INTERPOL", "WCO"]],
    ["UNODC & World Bank", ["UNODC", "World Bank"]],
    ["INTERPOL and WCO", ["INTERPOL", "WCO"]],
    ["INTERPOL et OMD", ["INTERPOL", "WCO"]],
    ["INTERPOL y OMA", ["INTERPOL", "WCO"]],
    ["United Nations Office on Drugs and Crime", ["UNODC"]],
    ["United Nations Office on Drugs and Crime and World Customs Organization", ["UNODC", "WCO"]],
    ["Office des Nations Unies contre la drogue et le crime / Banque mondiale", ["UNODC", "World Bank"]],
    ["WCO; WCO; Interpol", ["INTERPOL", "WCO"]],
    ["World Bank + CITES", ["CITES Secretariat", "World Bank"]],
    ["", []],
  ])("%j -> %j", (text, values) => {
    expect(parseAgencies(text)).toEqual({ values, unknown: [], confidence: 1 });
  });

  test("an unknown partner is reported, the known ones kept", () => {
    expect(parseAgencies("INTERPOL / UNEP")).toEqual({ values: ["INTERPOL"], unknown: ["UNEP"], confidence: 1 });
  });
});

describe("agency properties", () => {
  const all = AGENCIES.flatMap((v) => [v, ...AGENCY_ALIASES[v]].map((alias) => ({ v, alias })));
  const stripAccents = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

  test("every canonical name and alias, in any case, with or without accents and padding, matches", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("", " ", "  ", "\t"),
        ({ v, alias }, upper, strip, pad) => {
          let text = upper ? alias.toUpperCase() : alias.toLowerCase();
          if (strip) text = stripAccents(text);
          expect(matchAgency(`${pad}${text}${pad}`)?.value).toBe(v);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("any pair of agencies joined by any separator parses back in canonical order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.constantFrom(...all),
        fc.constantFrom("/", ", ", " & ", " and ", " et ", " y ", "; "),
        (a, b, sep) => {
          const r = parseAgencies(`${a.alias}${sep}${b.alias}`);
          const expected = AGENCIES.filter((x) => x === a.v || x === b.v);
          expect(r).toEqual({ values: expected, unknown: [], confidence: 1 });
        },
      ),
      { numRuns: 500 },
    );
  });

  test("random text never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const r = parseAgencies(s);
        expect(r.values.every((v) => (AGENCIES as readonly string[]).includes(v))).toBe(true);
        matchAgency(s);
        suggestAgency(s);
      }),
    );
  });
});
