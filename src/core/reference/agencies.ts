/** The five ICCWC partner agencies, in the plan's order, with names officers write in EN, FR and ES. */
import { AliasIndex, type Match } from "./alias-index";
import { splitAndMatch } from "./split-list";

export const AGENCIES = ["CITES Secretariat", "INTERPOL", "UNODC", "World Bank", "WCO"] as const;
export type Agency = (typeof AGENCIES)[number];

export const AGENCY_ALIASES: Record<Agency, readonly string[]> = {
  "CITES Secretariat": [
    "CITES",
    "Secretariat of CITES",
    "CITES Sec",
    "CITES Secretariat",
    "Secrétariat CITES",
    "Secrétariat de la CITES",
    "Secretaría CITES",
    "Secretaría de la CITES",
    "Secretaria de la CITES",
    "Convention on International Trade in Endangered Species of Wild Fauna and Flora",
  ],
  INTERPOL: [
    "Interpol",
    "OIPC",
    "ICPO",
    "ICPO-INTERPOL",
    "OIPC-INTERPOL",
    "International Criminal Police Organization",
    "International Criminal Police Organisation",
    "Organisation internationale de police criminelle",
    "Organización Internacional de Policía Criminal",
  ],
  UNODC: [
    "ONUDC",
    "UNODC",
    "United Nations Office on Drugs and Crime",
    "UN Office on Drugs and Crime",
    "Office des Nations Unies contre la drogue et le crime",
    "Oficina de las Naciones Unidas contra la Droga y el Delito",
  ],
  "World Bank": [
    "World Bank Group",
    "WBG",
    "The World Bank",
    "Banque mondiale",
    "Groupe de la Banque mondiale",
    "Banco Mundial",
    "Grupo Banco Mundial",
    "Grupo del Banco Mundial",
  ],
  WCO: [
    "World Customs Organization",
    "World Customs Organisation",
    "OMD",
    "Organisation mondiale des douanes",
    "Organización Mundial de Aduanas",
    "OMA",
  ],
};

const index = new AliasIndex(AGENCIES.map((value) => ({ value, aliases: AGENCY_ALIASES[value] })));

export function matchAgency(text: string): Match | null {
  return index.match(text);
}

export function suggestAgency(text: string, k = 3): string[] {
  return index.suggest(text, k);
}

/**
 * Joint leads in one cell ("WCO/INTERPOL", "INTERPOL et OMD", "UNODC & World Bank"): canonical names,
 * de-duplicated, in the plan's order; pieces that name no agency in `unknown`; `confidence` is below 1
 * when a piece was read through a typo ("Interpool").
 */
export function parseAgencies(text: string): { values: string[]; unknown: string[]; confidence: number } {
  const r = splitAndMatch(text, index, (piece) => index.match(piece));
  const order = (v: string): number => AGENCIES.indexOf(v as Agency);
  return { values: [...r.values].sort((a, b) => order(a) - order(b)), unknown: r.unknown, confidence: r.confidence };
}
