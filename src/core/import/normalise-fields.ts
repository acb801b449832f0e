/**
 * One source cell -> one canonical field value, with what changed and what could not be read. Each
 * function is pure and total: any input gives a value (possibly empty) and problems, never an exception.
 * Lists, codes and countries come from the foundation (core/framework, core/reference); the words and
 * formats that only trackers use live in this folder.
 */
import { normalizeCode, type FrameworkIndex } from "../framework";
import {
  matchLevel,
  matchStage,
  matchStatus,
  parseAgencies,
  parseCountries,
  suggestAgency,
  suggestCountry,
} from "../reference";
import type { DateOrder } from "./types";
import { parseImportDate, type DateRole } from "./parse-date";
import { parseMoney } from "./parse-money";
import { parseProgress } from "./parse-progress";
import { parseScore } from "./parse-score";
import { LEVEL_WORDS, STAGE_WORDS, STATUS_WORDS, lookupWord } from "./words";
import { cellText, foldText } from "./text";
import type { Severity } from "../issues";

/** A problem found in one cell, without its location (the caller adds sheet, row and cell). */
export interface CellProblem {
  code: string;
  severity: Severity;
  message: string;
  suggestion?: string;
}

export interface Normalised<T> {
  value: T;
  problems: CellProblem[];
  /** How the value was read when that took an assumption ("quarter 3 of 2025: its last day"): shown with the change. */
  reading?: string;
}

const ok = <T>(value: T, problems: CellProblem[] = []): Normalised<T> => ({ value, problems });

/** Below this an approach named by its title alone is not taken: the cell stays empty with the three nearest. */
export const APPROACH_THRESHOLD = 0.6;
/** Below this a status, stage or level word is not taken. */
const WORD_THRESHOLD = 0.75;

export interface ApproachReading {
  approach: string;
  /** Set when the cell named a sub-outcome or an outcome rather than an approach. */
  subOutcome: string;
  outcome: string;
  confidence: number;
}

export function normaliseApproach(raw: unknown, framework: FrameworkIndex): Normalised<ApproachReading> {
  const empty: ApproachReading = { approach: "", subOutcome: "", outcome: "", confidence: 0 };
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (!text) return ok(empty);
  const match = framework.matchApproach(text);
  if (match && match.confidence >= APPROACH_THRESHOLD) {
    const path = framework.path(match.code);
    const reading = {
      approach: match.code,
      subOutcome: path[1]?.code ?? "",
      outcome: path[0]?.code ?? "",
      confidence: match.confidence,
    };
    if (match.via === "code") {
      const doubts = codeDoubts(text, match.code, framework);
      if (doubts) return ok(reading, [doubts]);
    }
    if (match.via === "title" && match.confidence < 1) {
      return ok(reading, [
        {
          code: "approach-from-title",
          severity: "info",
          message: `Read as approach ${match.code} "${framework.title(match.code) ?? ""}" from its title (confidence ${Math.round(match.confidence * 100)}%). Check it in the preview.`,
          suggestion: match.code,
        },
      ]);
    }
    return ok(reading);
  }
  const code = normalizeCode(raw);
  const level = code ? framework.level(code) : undefined;
  if (code && (level === "subOutcome" || level === "outcome")) {
    const path = framework.path(code);
    const children = framework.approaches.filter((a) => a.code.startsWith(`${code}.`)).slice(0, 3);
    return ok({ ...empty, subOutcome: level === "subOutcome" ? code : "", outcome: path[0]?.code ?? "" }, [
      {
        code: "approach-too-broad",
        severity: "warning",
        message: `"${text}" names ${level === "subOutcome" ? "sub-outcome" : "outcome"} ${code}, not an approach; the approach is left empty. Approaches under it include ${children.map((a) => `${a.code} "${a.title}"`).join(", ")}.`,
        ...(children[0] ? { suggestion: children[0].code } : {}),
      },
    ]);
  }
  const near = framework.suggest(text, 3).filter((s) => s.code.split(".").length === 3);
  const nearest = near.length > 0 ? near : framework.suggest(text.replace(/[\d.]+/g, " "), 3);
  const list = nearest.map((s) => `${s.code} "${s.title}"`).join("; ");
  const why = code
    ? `Approach ${code} does not exist in the plan.`
    : match
      ? `"${text}" does not name an approach clearly enough (best guess ${match.code}, confidence ${Math.round(match.confidence * 100)}%).`
      : `"${text}" names no approach of the plan.`;
  return ok(empty, [
    {
      code: code ? "approach-unknown" : "approach-unmatched",
      severity: "warning",
      message: `${why} The approach is left empty; the nearest are ${list || "none"}. Type the code of the right one.`,
      ...(nearest[0] ? { suggestion: nearest[0].code } : {}),
    },
  ]);
}

/** Approach-shaped codes written in a text, in order, without repeats. */
function approachCodesIn(text: string): string[] {
  const found = text.slice(0, 2000).match(/(?<![\d.])[1-9]\d?\.[1-9]\d?\.[1-9]\d?(?![.\d]*\d)/g) ?? [];
  return [...new Set(found)];
}

/**
 * Reasons to doubt a code that exists: the cell names a second approach ("1.1.2 / 1.1.3"), or its words
 * are clearly another approach's title ("3.2.4 Strengthen capacity in crime scene management"). The
 * code is kept (it is what the office typed); the warning asks them to check.
 */
function codeDoubts(text: string, code: string, framework: FrameworkIndex): CellProblem | null {
  const others = approachCodesIn(text).filter((c) => c !== code && framework.level(c) === "approach");
  if (others.length > 0) {
    return {
      code: "approach-several",
      severity: "warning",
      message: `"${text}" names several approaches (${[code, ...others].join(", ")}); the import keeps ${code}, the first. An activity belongs to one approach: split the activity or choose its approach.`,
      suggestion: code,
    };
  }
  const words = text
    .replace(/\(?\b[1-9]\d?(\.[1-9]\d?)+\.?\)?/g, " ")
    .replace(/\b(approach|approche|enfoque)\b/gi, " ")
    .trim();
  if (words.split(/\s+/).filter((w) => w.length > 3).length < 4) return null;
  const byTitle = framework.matchApproach(words);
  if (byTitle && byTitle.via === "title" && byTitle.code !== code && byTitle.confidence >= 0.85) {
    return {
      code: "approach-code-title-mismatch",
      severity: "warning",
      message: `"${text}" gives the code ${code} but the title of ${byTitle.code} "${framework.title(byTitle.code) ?? ""}"; the import keeps ${code}, as typed. Check which approach the activity belongs to.`,
      suggestion: byTitle.code,
    };
  }
  return null;
}

/** An outcome or sub-outcome code as the source gives it ("Outcome 3", "3.2", 3.2). */
export function normaliseLevelCode(
  raw: unknown,
  framework: FrameworkIndex,
  want: "outcome" | "subOutcome",
): Normalised<string> {
  const text = cellText(raw as never);
  if (!text) return ok("");
  const code = normalizeCode(raw);
  if (code && framework.level(code) === want) return ok(code);
  // A deeper code names its parent too ("3.2.4" in an Outcome column means 3).
  if (code && framework.get(code)) {
    const path = framework.path(code);
    const node = want === "outcome" ? path[0] : path[1];
    if (node) return ok(node.code);
  }
  const label = want === "outcome" ? "outcome" : "sub-outcome";
  return ok("", [
    {
      code: `${want === "outcome" ? "outcome" : "sub-outcome"}-unknown`,
      severity: "warning",
      message: `"${text}" is not an ${label} of the plan; it is left empty (the approach, when there is one, gives it).`,
    },
  ]);
}

/** Role notes in a lead cell ("UNODC (lead)", "WCO (co-lead)", "OMD (appui)"): not part of the name. */
const ROLE_NOTE =
  /\(\s*(co[-\s]?lead|lead|joint|support|appui|chef de file|co[-\s]?chef de file|líder|lider|apoyo|principal|main)\s*\)/gi;

/** A spaced dash between two names ("Interpol – WCO", "Kenya - Tanzania") separates them; "ICPO-INTERPOL" stays whole. */
function spacedDashesAsSeparators(text: string): string {
  return text.replace(/\s+[-–—]\s+/g, " / ");
}

export function normaliseAgencies(text: string): Normalised<string[]> {
  if (!text) return ok([]);
  const parsed = parseAgencies(spacedDashesAsSeparators(text.replace(ROLE_NOTE, " ")).trim());
  const problems: CellProblem[] = parsed.unknown.map((u) => {
    const near = suggestAgency(u, 3);
    return {
      code: "agency-unknown",
      severity: "warning",
      message: `"${u}" is not one of the lead agencies (CITES Secretariat, INTERPOL, UNODC, World Bank, WCO); it was left out.${near.length ? ` Nearest: ${near.join(", ")}.` : ""}`,
      ...(near[0] ? { suggestion: near[0] } : {}),
    };
  });
  return ok(dedupe(parsed.values), problems);
}

/** Words that name a region or a scope rather than countries ("West Africa", "Global", "Regional"). */
const REGION_WORDS =
  /\b(africa|afrique|africa|asia|asie|europe|europa|americas?|ameriques?|amerique|latin|oceania|pacific|pacifique|caribbean|caraibes|middle east|moyen orient|global|mondial|regional|regionale|international|multiple|various|divers|varios|all|tous|todos|tbd|a determiner)\b/;

export function normaliseCountries(text: string): Normalised<string[]> {
  if (!text) return ok([]);
  const first = parseCountries(spacedDashesAsSeparators(text));
  // "Myanmar (Burma)", "Congo (Brazzaville)": the name before or inside the brackets may be the known one.
  const values = [...first.values];
  const unknown: string[] = [];
  for (const u of first.unknown) {
    const bare = u.replace(/\([^)]*\)/g, " ").trim();
    const inner = /\(([^)]*)\)/.exec(u)?.[1]?.trim() ?? "";
    const retry = bare && bare !== u ? parseCountries(bare) : null;
    const retryInner = !retry?.values.length && inner ? parseCountries(inner) : null;
    const found = retry?.values.length ? retry : retryInner?.values.length ? retryInner : null;
    if (found && found.unknown.length === 0) values.push(...found.values);
    else unknown.push(u);
  }
  const parsed = { values, unknown };
  const problems: CellProblem[] = parsed.unknown.map((u) => {
    if (REGION_WORDS.test(foldText(u))) {
      return {
        code: "country-region",
        severity: "warning",
        message: `"${u}" names a region or a scope, not a country; it was left out. List the countries (the level column says whether the activity is regional).`,
      };
    }
    const near = suggestCountry(u, 3);
    return {
      code: "country-unknown",
      severity: "warning",
      message: `"${u}" is not a country the import knows (English or French name, ISO2 or ISO3 code); it was left out.${near.length ? ` Nearest: ${near.join(", ")}.` : ""}`,
      ...(near[0] ? { suggestion: near[0] } : {}),
    };
  });
  return ok(dedupe(parsed.values), problems);
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}

type Matcher = (text: string) => { value: string; confidence: number } | null;

const WORD_FIELDS = {
  level: {
    words: LEVEL_WORDS,
    matcher: matchLevel as Matcher,
    label: "level",
    allowed: "National, Regional or International",
  },
  stage: {
    words: STAGE_WORDS,
    matcher: matchStage as Matcher,
    label: "stage",
    allowed: "Identification, Planning, Implementation or Reporting",
  },
  status: {
    words: STATUS_WORDS,
    matcher: matchStatus as Matcher,
    label: "status",
    allowed: "Not started, Planned, In progress, Completed, Delayed or Cancelled",
  },
} as const;

/** Words around a status, stage or level that carry no meaning of their own ("Implementation phase", "Ongoing (60%)"). */
const FILLER = /\([^)]*\)|\b(phase|stage|step|etape|fase|level|niveau|nivel|status|statut|estado)\b|[✔✓✗✘*!?.]+/gi;

export function normaliseWord(text: string, field: keyof typeof WORD_FIELDS): Normalised<string> {
  if (!text) return ok("");
  const spec = WORD_FIELDS[field];
  const known = lookupWord(spec.words, text);
  if (known) return ok(known);
  const m = spec.matcher(text);
  if (m && m.confidence >= WORD_THRESHOLD) return ok(m.value);
  // Without the filler words, then the first of several ("Cancelled/Postponed", "Identification of needs").
  const bare = foldText(text.replace(FILLER, " "));
  const firstPiece = foldText(text.split(/[/,;(]| - /)[0] ?? "");
  for (const candidate of [bare, firstPiece, bare.split(" ")[0] ?? ""]) {
    if (!candidate || candidate === foldText(text)) continue;
    const k = lookupWord(spec.words, candidate);
    if (k) return { value: k, problems: [], reading: `"${text}" read as ${k}` };
    const mm = spec.matcher(candidate);
    if (mm && mm.confidence >= WORD_THRESHOLD)
      return { value: mm.value, problems: [], reading: `"${text}" read as ${mm.value}` };
  }
  return ok("", [
    {
      code: `${field}-unknown`,
      severity: "warning",
      message: `"${text}" is not a ${spec.label} the import can read; it is left empty. Use ${spec.allowed}.`,
      ...(m ? { suggestion: m.value } : {}),
    },
  ]);
}

export function normaliseDate(
  raw: unknown,
  role: DateRole,
  dateOrder: DateOrder | undefined,
  numberFormat: string | null | undefined,
): Normalised<string | null> {
  const r = parseImportDate(raw, role, { ...(dateOrder ? { dateOrder } : {}), numberFormat: numberFormat ?? null });
  if (r.ok) {
    // A month, quarter, half or year stands for one day of it: the change report says which.
    if (r.reading && /^(first|last) day/.test(r.reading)) return { value: r.iso, problems: [], reading: r.reading };
    if (r.reading && /quarter|half|year|month/.test(r.reading))
      return { value: r.iso, problems: [], reading: `${r.reading}: its ${role === "start" ? "first" : "last"} day` };
    return ok(r.iso);
  }
  return ok(null, [
    {
      code: r.code,
      severity: "warning",
      message: `${r.message} The date is left empty.`,
      ...(r.suggestions[0] ? { suggestion: r.suggestions.join(" or ") } : {}),
    },
  ]);
}

export function normaliseMoney(raw: unknown, columnCurrency: string | undefined): Normalised<number | null> {
  if (columnCurrency && typeof raw === "number") {
    return ok(null, [
      {
        code: "money-currency",
        severity: "warning",
        message: `${raw} is in ${columnCurrency} (the column header says so), not US dollars. The plan holds USD only: convert it and type the amount in USD.`,
      },
    ]);
  }
  const r = parseMoney(raw);
  if (r.ok) return ok(r.value);
  return ok(null, [
    {
      code: r.code,
      severity: r.code === "money-placeholder" ? "info" : "warning",
      message: r.code === "money-placeholder" ? r.message : `${r.message} The amount is left empty.`,
    },
  ]);
}

export function normaliseProgress(raw: unknown, numberFormat: string | null | undefined): Normalised<number | null> {
  const r = parseProgress(raw, numberFormat);
  if (r.ok) return ok(r.value);
  if (r.code === "progress-placeholder") return ok(null, [{ code: r.code, severity: "info", message: r.message }]);
  return ok(null, [{ code: r.code, severity: "warning", message: `${r.message} Progress is left empty.` }]);
}

export function normaliseScore(raw: unknown): Normalised<number | null> {
  const r = parseScore(raw);
  if (r.ok)
    return ok(
      r.value,
      r.reading
        ? [{ code: "score-word", severity: "info", message: `"${String(raw)}" read as ${r.value} on the 1-5 scale.` }]
        : [],
    );
  return ok(null, [{ code: r.code, severity: "warning", message: `${r.message} Left empty.` }]);
}
