import fc from "fast-check";
import {
  COUNTRIES,
  COUNTRY_ALIASES,
  countryByIso3,
  matchCountry,
  parseCountries,
  suggestCountry,
} from "../../src/core/reference";

describe("the country list comes from i18n-iso-countries and world-countries", () => {
  test("every ISO 3166-1 country, with both names and a region", () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(countryByIso3("KEN")).toEqual({
      iso3: "KEN",
      iso2: "KE",
      nameEn: "Kenya",
      nameFr: "Kenya",
      nameEs: "Kenia",
      region: "Africa",
      subregion: "Eastern Africa",
    });
    expect(countryByIso3("vnm")?.region).toBe("Asia");
    expect(countryByIso3("XYZ")).toBeUndefined();
    const regions = new Set(COUNTRIES.map((c) => c.region));
    expect([...regions].sort()).toEqual(["Africa", "Americas", "Antarctic", "Asia", "Europe", "Oceania"]);
    expect(COUNTRIES.filter((c) => c.region === "").map((c) => c.iso3)).toEqual([]);
  });
});

describe("matchCountry", () => {
  test.each([
    ["DRC", "COD"],
    ["RDC", "COD"],
    ["DR Congo", "COD"],
    ["Cote d'Ivoire", "CIV"],
    ["Côte d’Ivoire", "CIV"],
    ["Ivory Coast", "CIV"],
    ["Viet Nam", "VNM"],
    ["Vietnam", "VNM"],
    ["Lao PDR", "LAO"],
    ["Laos", "LAO"],
    ["Tanzania", "TZA"],
    ["UK", "GBR"],
    ["USA", "USA"],
    ["Hong Kong SAR", "HKG"],
    ["KEN", "KEN"],
    ["ke", "KEN"],
    ["Kenya", "KEN"],
    ["Afrique du Sud", "ZAF"],
    ["Chine", "CHN"],
    ["Tanzanie", "TZA"],
    ["Camerún", "CMR"],
    ["Royaume-Uni", "GBR"],
    ["Trinidad and Tobago", "TTO"],
    ["Korea, Republic of", "KOR"],
    ["Etats-Unis", "USA"],
    ["Congo", "COG"],
    ["république démocratique du congo", "COD"],
    ["Swaziland", "SWZ"],
    ["Türkiye", "TUR"],
  ])("%j -> %s", (text, iso3) => {
    expect(matchCountry(text)).toEqual({ value: iso3, confidence: 1 });
  });

  test("a typo is a near match; nonsense is not", () => {
    expect(matchCountry("Keyna")?.value).toBe("KEN");
    expect(matchCountry("Keyna")!.confidence).toBeLessThan(1);
    expect(matchCountry("Atlantis")).toBeNull();
    expect(matchCountry("")).toBeNull();
  });

  test("suggestions are ISO3 codes, nearest first", () => {
    expect(suggestCountry("Tanz", 1)).toEqual(["TZA"]);
    expect(suggestCountry("Nigerria", 2)).toContain("NGA");
  });
});

describe("parseCountries: several per cell", () => {
  test.each([
    ["Kenya; Uganda", ["KEN", "UGA"]],
    ["KEN, UGA", ["KEN", "UGA"]],
    ["Kenya and Tanzania", ["KEN", "TZA"]],
    ["Kenya et Tanzanie", ["KEN", "TZA"]],
    ["Kenia y Tanzania", ["KEN", "TZA"]],
    ["Trinidad and Tobago, Bosnia and Herzegovina", ["TTO", "BIH"]],
    ["Korea, Republic of; Viet Nam", ["KOR", "VNM"]],
    ["DRC / Congo-Brazzaville / CAR", ["COD", "COG", "CAF"]],
    ["Kenya\nUganda\nKenya", ["KEN", "UGA"]],
    ["  ", []],
  ])("%j -> %j", (text, values) => {
    expect(parseCountries(text)).toEqual({ values, unknown: [], confidence: 1 });
  });

  test("unknown names are reported, the known kept", () => {
    expect(parseCountries("Kenya; Atlantis")).toEqual({ values: ["KEN"], unknown: ["Atlantis"], confidence: 1 });
  });
});

describe("country properties", () => {
  const stripAccents = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const names = COUNTRIES.flatMap((c) =>
    [c.iso3, c.iso2, c.nameEn, c.nameFr].map((alias) => ({ iso3: c.iso3, alias })),
  );
  const aliases = Object.entries(COUNTRY_ALIASES).flatMap(([iso3, list]) => list.map((alias) => ({ iso3, alias })));

  test("every ISO code, English and French name and curated alias, in random case, accents and padding, matches itself", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names, ...aliases),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("", " ", "  "),
        (c, upper, strip, pad) => {
          let text = upper ? c.alias.toUpperCase() : c.alias.toLowerCase();
          if (strip) text = stripAccents(text);
          expect(matchCountry(`${pad}${text}${pad}`)).toEqual({ value: c.iso3, confidence: 1 });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("any two countries by ISO3 joined by a separator parse back in order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COUNTRIES),
        fc.constantFrom(...COUNTRIES),
        fc.constantFrom("; ", ", ", "/", " and ", "\n"),
        (a, b, sep) => {
          const expected = a.iso3 === b.iso3 ? [a.iso3] : [a.iso3, b.iso3];
          expect(parseCountries(`${a.iso3}${sep}${b.iso3}`)).toEqual({ values: expected, unknown: [], confidence: 1 });
        },
      ),
      { numRuns: 500 },
    );
  });

  test("random text never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const r = parseCountries(s);
        expect(r.values.every((v) => countryByIso3(v) !== undefined)).toBe(true);
      }),
    );
  });
});

describe("long cells", () => {
  test("a huge cell of separators and spaces is handled without a slow scan", () => {
    const r = parseCountries(`Kenya${" ; ".repeat(500_000)}Uganda`);
    expect(r.values).toEqual(["KEN"]);
    expect(parseCountries(" ".repeat(2_000_000))).toEqual({ values: [], unknown: [], confidence: 1 });
  });
});
