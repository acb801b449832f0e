/**
 * Need, value added and engagement: whole numbers from 1 to 5. Trackers also use the words of a
 * five-point scale ("High", "Élevé", "Alta"), read as 1 (very low) to 5 (very high).
 */
import { foldText } from "./text";

export type ScoreParse =
  { ok: true; value: number; reading?: string } | { ok: false; code: "score-unreadable"; message: string };

const WORDS: ReadonlyMap<string, number> = new Map([
  ["very low", 1],
  ["tres faible", 1],
  ["tres bas", 1],
  ["muy baja", 1],
  ["muy bajo", 1],
  ["low", 2],
  ["faible", 2],
  ["bas", 2],
  ["basse", 2],
  ["baja", 2],
  ["bajo", 2],
  ["medium", 3],
  ["moderate", 3],
  ["moyen", 3],
  ["moyenne", 3],
  ["modere", 3],
  ["media", 3],
  ["medio", 3],
  ["moderado", 3],
  ["moderada", 3],
  ["high", 4],
  ["eleve", 4],
  ["elevee", 4],
  ["fort", 4],
  ["forte", 4],
  ["haut", 4],
  ["haute", 4],
  ["alta", 4],
  ["alto", 4],
  ["very high", 5],
  ["tres eleve", 5],
  ["tres elevee", 5],
  ["tres fort", 5],
  ["tres forte", 5],
  ["muy alta", 5],
  ["muy alto", 5],
]);

export function parseScore(value: unknown): ScoreParse {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d+([.,]0+)?\s*$/.test(value)
        ? Number(value.trim().replace(",", "."))
        : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 5) return { ok: true, value: n };
  if (typeof value === "string") {
    const w = WORDS.get(foldText(value));
    if (w !== undefined) return { ok: true, value: w, reading: "five-point scale" };
  }
  return {
    ok: false,
    code: "score-unreadable",
    message: `"${String(value)}" is not a whole number from 1 (lowest) to 5 (highest). Type 1, 2, 3, 4 or 5.`,
  };
}
