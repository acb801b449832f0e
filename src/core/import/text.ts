/**
 * Text helpers for reading other people's spreadsheets. Headers and words arrive in English, French
 * and Spanish, with or without accents, in any case and with stray punctuation; everything is compared
 * in one folded form so that "Date de début", "DATE DE DEBUT" and "date_de_debut" are one key.
 */
import { isCellError, type CellValue } from "../grid";

/** Lower case, accents removed, "%" and "#" kept as words, every other run of punctuation a single space. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/n\s*[°º]/g, " no ")
    .replace(/%/g, " pct ")
    .replace(/#/g, " no ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The text a person sees in a cell (dates as ISO, errors as their code), trimmed. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return "";
}

/** Spaces of every width (no-break, narrow, thin) as plain spaces, runs collapsed. */
export function plainSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f\u2009\u200a]+/g, " ").trim();
}

/**
 * A fast, well-spread 53-bit string hash (cyrb53, public domain). Used for stable IDs and mapping
 * fingerprints: the same text always gives the same hash, on every host, with no Node crypto module.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `hash53` as 10 upper-case hex digits (40 bits: collisions stay negligible over millions of rows). */
export function shortHash(text: string): string {
  return hash53(text).toString(16).toUpperCase().padStart(14, "0").slice(-10);
}
