/**
 * Words that name a region or a scope rather than a country ("Global", "East Africa", "SADC"). On an
 * international or regional activity they are an honest answer to "which countries?", not a typo, so
 * the report shows them as information (the activity is simply not counted by country) instead of the
 * parser's country-unknown error.
 */
import { foldKey } from "../../reference";

/** Folded the way the matchers fold, so "Afrique de l'Ouest" and "afrique de l ouest" agree. */
function keys(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => foldKey(w)));
}

const SCOPES = keys([
  "global",
  "worldwide",
  "world",
  "international",
  "multiple",
  "multiple countries",
  "multi country",
  "various",
  "various countries",
  "all",
  "all countries",
  "regional",
  "several countries",
  "mondial",
  "monde",
  "global level",
]);

const REGIONS = keys([
  "africa",
  "asia",
  "europe",
  "america",
  "americas",
  "latin america",
  "latin america and the caribbean",
  "caribbean",
  "oceania",
  "pacific",
  "middle east",
  "near east",
  "horn of africa",
  "sahel",
  "mekong",
  "greater mekong",
  "amazon",
  "amazonia",
  "sub saharan africa",
  "maghreb",
  "great lakes",
  "congo basin",
  "indian ocean",
  "gulf",
  "balkans",
  "central asia",
  "south asia",
  "southeast asia",
  "south east asia",
  "east asia",
  "asia pacific",
  "west africa",
  "east africa",
  "southern africa",
  "central africa",
  "north africa",
  "eastern africa",
  "western africa",
  "northern africa",
  "afrique",
  "afrique de l'ouest",
  "afrique de l ouest",
  "afrique centrale",
  "afrique australe",
  "afrique de l est",
  "asie",
  "amerique latine",
  "asean",
  "sadc",
  "ecowas",
  "cedeao",
  "eac",
  "ceeac",
  "eccas",
  "saarc",
  "au",
  "african union",
  "eu",
  "european union",
  "comifac",
  "lac",
  "mena",
]);

/** True when every piece names a region or a scope. */
export function allRegionsOrScopes(pieces: readonly string[]): boolean {
  if (pieces.length === 0) return false;
  return pieces.every((p) => {
    const k = foldKey(p);
    return k !== "" && (SCOPES.has(k) || REGIONS.has(k));
  });
}
