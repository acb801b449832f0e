/**
 * Text folding shared by every matcher: officers type codes, names and aliases in English, French and
 * Spanish, with or without accents, in any case, with stray spaces and curly quotes. Folding maps all of
 * those variants onto one key so that a lookup table stays small.
 */

/** Lower case, accents removed, quotes straightened, punctuation runs collapsed to single spaces. */
export function fold(text: string): string {
  return text
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[^a-z0-9'&+/-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Like fold, but also drops apostrophes, hyphens and dots so "Cote-d'Ivoire" and "cote divoire" agree. */
export function foldKey(text: string): string {
  return fold(text)
    .replace(/['.]/g, "")
    .replace(/[-/&+]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "of",
  "to",
  "in",
  "on",
  "for",
  "with",
  "by",
  "at",
  "as",
  "from",
  "its",
  "their",
  "de",
  "la",
  "le",
  "les",
  "des",
  "du",
  "et",
  "en",
  "l",
  "d",
  "y",
  "el",
  "los",
  "las",
  "del",
  "e",
]);

/** Content words of a folded text, for token-overlap scoring of titles. */
export function contentTokens(text: string): string[] {
  return foldKey(text)
    .split(" ")
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t));
}
