/**
 * Countries as ISO 3166-1 alpha-3 codes. Names and codes come from maintained packages, not a hand-typed
 * list: i18n-iso-countries (ISO codes; English, French and Spanish names with their alias names) and
 * world-countries (UN region and sub-region, alternative spellings). Locales are imported from JSON and
 * the browser entry of i18n-iso-countries is used, so this module stays pure and bundles in the pane.
 * On top sits a short list of the aliases officers actually write ("DRC", "RDC", "Lao PDR", "UK").
 */
import isoCountries from "i18n-iso-countries/index";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import es from "i18n-iso-countries/langs/es.json";
import worldCountries from "world-countries";
import { AliasIndex, type Match } from "./alias-index";
import { splitAndMatch } from "./split-list";

isoCountries.registerLocale(en);
isoCountries.registerLocale(fr);
isoCountries.registerLocale(es);

export interface Country {
  iso3: string;
  iso2: string;
  nameEn: string;
  nameFr: string;
  nameEs: string;
  /** UN region: Africa, Americas, Asia, Europe, Oceania (Antarctic for AQ). */
  region: string;
  /** UN sub-region, e.g. "Eastern Africa", "South-Eastern Asia"; "" where the package gives none. */
  subregion: string;
}

/** Common names that the packages do not carry, or carry for another country. Checked first. */
export const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  COD: [
    "DRC",
    "RDC",
    "DR Congo",
    "D.R. Congo",
    "DRCongo",
    "Congo-Kinshasa",
    "Congo Kinshasa",
    "Democratic Republic of Congo",
    "RD Congo",
    "République démocratique du Congo",
    "Congo (DRC)",
    "Congo DR",
  ],
  COG: [
    "Congo-Brazzaville",
    "Congo Brazzaville",
    "Republic of Congo",
    "Republic of the Congo",
    "Congo (Rep.)",
    "Congo",
  ],
  CIV: ["Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast", "Cote dIvoire", "RCI"],
  VNM: ["Viet Nam", "Vietnam", "Việt Nam"],
  LAO: ["Lao PDR", "Laos", "Lao", "Lao People's Democratic Republic", "RDP lao"],
  TZA: ["Tanzania", "United Republic of Tanzania", "Tanzanie", "Tanzania, United Republic of"],
  GBR: ["UK", "U.K.", "United Kingdom", "Great Britain", "Britain", "Royaume-Uni", "Reino Unido", "England"],
  USA: [
    "USA",
    "U.S.A.",
    "US",
    "U.S.",
    "United States",
    "United States of America",
    "America",
    "États-Unis",
    "Etats-Unis",
    "Estados Unidos",
    "EEUU",
    "EE.UU.",
  ],
  HKG: ["Hong Kong SAR", "Hong Kong", "Hong Kong SAR, China", "Hong Kong, China", "HKSAR"],
  MAC: ["Macao SAR", "Macau SAR", "Macau", "Macao"],
  CHN: ["China", "PRC", "People's Republic of China", "Chine", "Mainland China"],
  KOR: ["South Korea", "Korea", "Republic of Korea", "Korea, Rep.", "Corée du Sud", "Corea del Sur"],
  PRK: ["North Korea", "DPRK", "Korea, DPR", "Corée du Nord", "Corea del Norte"],
  RUS: ["Russia", "Russian Federation", "Russie", "Rusia"],
  IRN: ["Iran", "Iran (Islamic Republic of)"],
  SYR: ["Syria", "Syrian Arab Republic", "Syrie"],
  BOL: ["Bolivia", "Bolivie"],
  VEN: ["Venezuela"],
  MDA: ["Moldova", "Republic of Moldova"],
  CZE: ["Czechia", "Czech Republic", "Tchéquie", "République tchèque"],
  TUR: ["Turkey", "Türkiye", "Turkiye", "Turquie", "Turquía"],
  SWZ: ["Eswatini", "Swaziland"],
  MMR: ["Myanmar", "Burma"],
  ARE: ["UAE", "U.A.E.", "United Arab Emirates", "EAU", "Émirats arabes unis", "Emiratos Árabes Unidos"],
  CPV: ["Cabo Verde", "Cape Verde", "Cap-Vert"],
  TLS: ["Timor-Leste", "East Timor"],
  GMB: ["The Gambia", "Gambia", "Gambie"],
  BHS: ["The Bahamas", "Bahamas"],
  MKD: ["North Macedonia", "Macedonia", "FYROM"],
  PSE: ["Palestine", "State of Palestine", "oPt"],
  TWN: ["Taiwan", "Chinese Taipei", "Taiwan, Province of China"],
  NLD: ["Netherlands", "The Netherlands", "Holland", "Pays-Bas", "Países Bajos"],
  CAF: ["CAR", "RCA", "Central African Republic", "Centrafrique"],
  ZAF: ["South Africa", "RSA", "Afrique du Sud", "Sudáfrica"],
  VAT: ["Holy See", "Vatican", "Vatican City"],
};

type WorldCountry = (typeof worldCountries)[number];
const world = new Map<string, WorldCountry>(worldCountries.map((c) => [c.cca3, c]));
// i18n-iso-countries spells Kosovo's user-assigned code XKK; world-countries spells it UNK.
const worldOf = (iso3: string): WorldCountry | undefined =>
  world.get(iso3) ?? (iso3 === "XKK" ? world.get("UNK") : undefined);

function buildCountries(): Country[] {
  const out: Country[] = [];
  for (const [iso3, iso2] of Object.entries(isoCountries.getAlpha3Codes())) {
    const w = worldOf(iso3);
    out.push({
      iso3,
      iso2,
      nameEn: isoCountries.getName(iso2, "en") ?? iso3,
      nameFr: isoCountries.getName(iso2, "fr") ?? iso3,
      nameEs: isoCountries.getName(iso2, "es") ?? iso3,
      region: w?.region ?? "",
      subregion: w?.subregion ?? "",
    });
  }
  return out.sort((a, b) => a.nameEn.localeCompare(b.nameEn, "en"));
}

/** Every ISO 3166-1 country, sorted by English name. */
export const COUNTRIES: readonly Country[] = buildCountries();
const byIso3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));

export function countryByIso3(iso3: string): Country | undefined {
  return byIso3.get(iso3.toUpperCase());
}

function buildIndex(): AliasIndex {
  const enAll = isoCountries.getNames("en", { select: "all" });
  const frAll = isoCountries.getNames("fr", { select: "all" });
  const esAll = isoCountries.getNames("es", { select: "all" });
  // Curated aliases first (they win clashes such as "Congo"), then codes, then package names.
  const entries = [
    ...Object.entries(COUNTRY_ALIASES).map(([iso3, aliases]) => ({ value: iso3, aliases })),
    ...COUNTRIES.map((c) => ({ value: c.iso3, aliases: [c.iso2] })),
    ...COUNTRIES.map((c) => ({
      value: c.iso3,
      aliases: [...(enAll[c.iso2] ?? []), ...(frAll[c.iso2] ?? []), ...(esAll[c.iso2] ?? [])],
    })),
    ...COUNTRIES.map((c) => {
      const w = worldOf(c.iso3);
      if (!w) return { value: c.iso3, aliases: [] };
      const t = w.translations as Record<string, { common: string; official: string } | undefined>;
      return {
        value: c.iso3,
        aliases: [
          w.name.common,
          w.name.official,
          ...w.altSpellings.filter((s) => s.length > 3),
          t.fra?.common ?? "",
          t.spa?.common ?? "",
          t.fra?.official ?? "",
          t.spa?.official ?? "",
        ],
      };
    }),
  ];
  return new AliasIndex(entries);
}

const index = buildIndex();

/** ISO3 of one country named by ISO3, ISO2, an English/French/Spanish name or a common alias. */
export function matchCountry(text: string): Match | null {
  return index.match(text);
}

/** The k nearest countries, as ISO3 codes (countryByIso3 gives their names). */
export function suggestCountry(text: string, k = 3): string[] {
  return index.suggest(text, k);
}

/**
 * Several countries in one cell ("Kenya; Uganda", "KEN, UGA", "Kenya and Tanzania"), in the order written;
 * `confidence` is below 1 when a piece was read through a typo.
 */
export function parseCountries(text: string): { values: string[]; unknown: string[]; confidence: number } {
  const r = splitAndMatch(text, index, (piece) => index.match(piece));
  return { values: r.values, unknown: r.unknown, confidence: r.confidence };
}
