/**
 * The scoring criteria, as a registry of plain objects (in the manner of HyperFormula's function
 * plugins): a criterion is a name, the weight it reads from Settings, a kind, a pure function and the
 * text that explains it. The engine (engine.ts) knows only the three kinds:
 *
 * - "points": worth (its weight / the sum of the points weights) x (100 - the bonus points), times the
 *   criterion's fraction from 0 to 1;
 * - "multiplier": multiplies the points total by a factor from 0 to 1 (engagement's gate);
 * - "bonus": adds up to its weight in points (the priority-country bonus).
 *
 * Adding a criterion is adding an object here (and, if it has a weight, a Settings row): no engine change.
 */
import type { Settings, WeightKey } from "../settings/types";
import { formatScoreInput as fmt } from "./inputs";
import type { ResolvedInput, ScoreInputs } from "./types";

export type CriterionKind = "points" | "multiplier" | "bonus";

/** `label` is a function so that the sensitivity reruns, which need no words, build no strings. */
export type Evaluation = { fraction: number; label: () => string } | { missing: string };

export interface Criterion {
  name: string;
  kind: CriterionKind;
  /** The Settings weight this criterion reads (and that the sensitivity analysis moves), or null. */
  weightKey: WeightKey | null;
  explanation: string;
  evaluate(inputs: ScoreInputs, settings: Settings): Evaluation;
}

/** Fixed anchors: 1/5 is worth 0.2 of the criterion's points, 5/5 all of them, whatever the other activities are. */
function onFive(name: string, input: ResolvedInput | null, missing: string): Evaluation {
  if (!input) return { missing };
  return { fraction: input.value / 5, label: () => `${name} ${fmt(input.value)}/5 (${input.source})` };
}

const ENGAGEMENT_MISSING =
  "Engagement is blank on the row and none of its countries has an Engagement in the Countries table";

export const CRITERIA: readonly Criterion[] = [
  {
    name: "Need",
    kind: "points",
    weightKey: "need",
    explanation:
      "Where the need is greatest: the row's Need (1-5), or the mean Need of its countries in the Countries table.",
    evaluate: (i) =>
      onFive("Need", i.need, "Need is blank on the row and none of its countries has a Need in the Countries table"),
  },
  {
    name: "Value added",
    kind: "points",
    weightKey: "valueAdded",
    explanation: "Where ICCWC can bring the most value: the row's Value added (1-5).",
    evaluate: (i) => onFive("Value added", i.valueAdded, "Value added is blank on the row"),
  },
  {
    name: "Engagement",
    kind: "points",
    weightKey: "engagement",
    explanation:
      "The country's engagement and commitment: the row's Engagement (1-5), or its countries' (lowest by default).",
    evaluate: (i) => onFive("Engagement", i.engagement, ENGAGEMENT_MISSING),
  },
  {
    name: "Engagement gate",
    kind: "multiplier",
    weightKey: null,
    explanation:
      "Engagement also multiplies the points: by the Settings floor at 1/5, rising in equal steps to 1 at 5/5, so high need cannot hide a country that is not engaged.",
    evaluate: (i, s) => {
      if (!i.engagement) return { missing: ENGAGEMENT_MISSING };
      const e = i.engagement.value;
      const factor = s.engagementFloor + (1 - s.engagementFloor) * ((e - 1) / 4);
      return { fraction: factor, label: () => `Engagement ${fmt(e)}/5` };
    },
  },
  {
    name: "Priority country",
    kind: "bonus",
    weightKey: "priorityBonus",
    explanation: "A bonus when the activity serves at least one priority country with an ICCWC roadmap.",
    evaluate: (i) =>
      i.priorityCountries.length > 0
        ? { fraction: 1, label: () => `Priority country (${i.priorityCountries.join(", ")})` }
        : { fraction: 0, label: () => "No priority country" },
  },
];
