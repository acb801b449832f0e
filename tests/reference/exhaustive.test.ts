/** Not sampled: every country code and name, every agency and vocabulary alias, checked once each. */
import { COUNTRIES, COUNTRY_ALIASES, matchCountry } from "../../src/core/reference";

test("every ISO3, ISO2, English and French name matches its own country", () => {
  const wrong: string[] = [];
  for (const c of COUNTRIES) {
    for (const text of [c.iso3, c.iso2, c.nameEn, c.nameFr]) {
      const m = matchCountry(text);
      if (m?.value !== c.iso3 || m.confidence !== 1)
        wrong.push(`${text} -> ${m?.value ?? "null"} (expected ${c.iso3})`);
    }
  }
  for (const [iso3, aliases] of Object.entries(COUNTRY_ALIASES)) {
    for (const text of aliases)
      if (matchCountry(text)?.value !== iso3)
        wrong.push(`${text} -> ${matchCountry(text)?.value ?? "null"} (expected ${iso3})`);
  }
  expect(wrong).toEqual([]);
});
