/**
 * Scoring a parsed Activities sheet: each row's score, rank, band and breakdown, then the funding line,
 * the sensitivity analysis and the roll-ups. Each score depends only on its own row, the Countries
 * table and the settings, so adding or removing an activity never changes another's score (ranks and
 * the funding line, which compare activities, do change).
 */
import type { ParsedActivities } from "../activity/parsed";
import type { ActivityRecord } from "../activity/record";
import type { Settings } from "../settings/types";
import { CRITERIA, type Criterion } from "./criteria";
import { bandFor, breakdownText, scaleFor, scoreInputs } from "./engine";
import { fundingLine, gapOf } from "./funding";
import { indexCountries, resolveInputs } from "./inputs";
import { rankAll, tieOrder, type RankKey } from "./rank";
import { rollups } from "./rollups";
import { sensitivity } from "./sensitivity";
import type { ActivityScore, Band, ResolvedInput, Rollups, ScoreInputs, ScoreResult } from "./types";

export interface ScoreOptions {
  /** Rows with validation errors, by sheet row, with the reason (the first error's message). */
  invalidRows?: ReadonlyMap<number, string>;
  /** Label for a roll-up key (e.g. an outcome title); the key itself by default. */
  rollupLabel?: (dimension: keyof Rollups, key: string) => string;
  /** Skip the sensitivity analysis (eight rescorings): then every `sensitivity` is null. */
  skipSensitivity?: boolean;
  /**
   * Keep each activity's contributions (criterion, points, text) in the result. False leaves them
   * empty; the breakdown text, which says the same in one line, is kept. A caller that only writes the
   * score columns (annotate) saves about 1.8 KB per activity: ~180 MB at 100,000 rows. @default true
   */
  keepContributions?: boolean;
  criteria?: readonly Criterion[];
}

type RowScore = Pick<ActivityScore, "score" | "contributions" | "breakdown" | "reason" | "engagement">;

/**
 * The record's scoring inputs as one exact key: the three numbers and each country code with its
 * length in front (so no code, whatever characters it holds, can run into the next).
 */
function inputsKey(record: ActivityRecord): string {
  let key = `${record.need}|${record.valueAdded}|${record.engagement}`;
  for (const c of record.countries) key += `|${c.length}:${c}`;
  return key;
}

/** Everything a ScoreInputs holds, as one exact key (each text with its length in front). */
function contentKey(inputs: ScoreInputs): string {
  const part = (x: ResolvedInput | null): string => (x === null ? "-" : `${x.value}|${x.source.length}:${x.source}`);
  let key = `${part(inputs.need)}|${part(inputs.valueAdded)}|${part(inputs.engagement)}`;
  for (const name of inputs.priorityCountries) key += `|${name.length}:${name}`;
  return key;
}

export function scoreActivities(parsed: ParsedActivities, settings: Settings, options: ScoreOptions = {}): ScoreResult {
  const criteria = options.criteria ?? CRITERIA;
  const keepContributions = options.keepContributions ?? true;
  // Rows with the same inputs have the same breakdown (a few thousand texts of ~240 characters among
  // 100,000 rows): each text is kept once and shared, which the score column's cells then share too.
  const texts = new Map<string, string>();
  const shared = (text: string): string => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  const countries = indexCountries(settings.countries);
  const scale = scaleFor(settings, criteria);
  const rows = parsed.rows;
  const records = rows.map((r) => r.record);
  const inputs: (ScoreInputs | null)[] = [];
  const scores: (number | null)[] = [];
  const partial: RowScore[] = [];
  // A score depends only on the row's need, value added, engagement and countries (with the settings
  // and the Countries table, the same for every row): rows that agree on those four resolve to one
  // shared ScoreInputs, scored once. A plan has a few thousand such combinations among 100,000 rows, so
  // the breakdown texts are built once per combination, and the sensitivity runs rescore each once.
  const resolved = new Map<string, ScoreInputs>();
  const sameContent = new Map<string, ScoreInputs>();
  const scored = new Map<ScoreInputs, RowScore>();
  for (const r of rows) {
    const invalid = options.invalidRows?.get(r.row);
    if (invalid !== undefined) {
      inputs.push(null);
      scores.push(null);
      const reason = `Not scored: the row has a validation error: ${invalid}`;
      partial.push({ score: null, contributions: [], breakdown: reason, reason, engagement: null });
      continue;
    }
    const key = inputsKey(r.record);
    let inp = resolved.get(key);
    if (inp === undefined) {
      // Rows that differ in their cells can still resolve to the same inputs (the same values from
      // "this row" in different countries, none of them a priority country): one object for those too.
      const fresh = resolveInputs(r.record, countries, settings);
      const content = contentKey(fresh);
      inp = sameContent.get(content);
      if (inp === undefined) sameContent.set(content, (inp = fresh));
      resolved.set(key, inp);
    }
    inputs.push(inp);
    let p = scored.get(inp);
    if (p === undefined) {
      const s = scoreInputs(inp, settings, scale, true, criteria);
      p =
        s.score === null
          ? {
              score: null,
              contributions: [],
              breakdown: shared(s.reason),
              reason: shared(s.reason),
              engagement: inp.engagement?.value ?? null,
            }
          : {
              score: s.score,
              contributions: keepContributions ? s.contributions : [],
              breakdown: shared(breakdownText(s.contributions, s.score)),
              reason: null,
              engagement: inp.engagement?.value ?? null,
            };
      scored.set(inp, p);
      partial.push(p);
    } else {
      // Each activity keeps contributions of its own, as when every row was scored apart.
      partial.push(p.contributions.length > 0 ? { ...p, contributions: p.contributions.map((c) => ({ ...c })) } : p);
    }
    scores.push(p.score);
  }
  const keys: RankKey[] = rows.map((r, i) => ({
    score: scores[i] ?? null,
    engagement: partial[i]!.engagement,
    startDate: r.record.startDate,
    id: r.record.id,
    row: r.row,
  }));
  const ties = tieOrder(keys);
  const ranks = rankAll(keys, scores, ties);
  const bands: (Band | null)[] = scores.map((s) => (s === null ? null : bandFor(s, settings)));
  const { statuses, line } = fundingLine(records, scores, settings.availableFundsUsd);
  const sens = options.skipSensitivity
    ? { flags: rows.map(() => null), notes: rows.map(() => null), runs: [] }
    : sensitivity(inputs, keys, ranks, bands, settings, criteria, ties);
  const gaps = records.map(gapOf);
  const activities: ActivityScore[] = rows.map((r, i) => ({
    row: r.row,
    id: r.record.id,
    score: partial[i]!.score,
    rank: ranks[i] ?? null,
    band: bands[i] ?? null,
    contributions: partial[i]!.contributions,
    breakdown: partial[i]!.breakdown,
    funding: statuses[i]!,
    gapUsd: gaps[i] ?? null,
    sensitivity: sens.flags[i] ?? null,
    sensitivityNote: sens.notes[i] ?? null,
    reason: partial[i]!.reason,
    engagement: partial[i]!.engagement,
  }));
  // The roll-ups are made on first read and kept: the JSON and the task pane read them, annotate (which
  // writes only the score columns) never does.
  let kept: Rollups | undefined;
  return {
    activities,
    funding: line,
    sensitivity: { thresholdPlaces: settings.rankSensitivityPlaces, runs: sens.runs },
    get rollups(): Rollups {
      kept ??= rollups(records, scores, statuses, gaps, options.rollupLabel);
      return kept;
    },
  };
}
