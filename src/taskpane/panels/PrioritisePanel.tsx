/**
 * Prioritise: the weights, bound to the Settings sheet (read when the panel opens, written back only
 * on "Save weights"), the recomputation, the funding line and the bands.
 */
import { Button, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ScorePlanResult } from "../../app/score";
import type { Weights } from "../../core/settings";
import type { ApplyReport } from "../../ports/workbook-port";
import { OperationStatus } from "../components/OperationStatus";
import { useHost } from "../components/host-context";
import { useOperation } from "../components/use-operation";
import { todayLocal } from "../dates";
import { skippedSentence } from "../errors";
import type { WeightsState } from "../host/plan-host";
import { usePanelStyles } from "./panel-styles";
import { WeightInput } from "./WeightInput";

interface WeightField {
  key: keyof Weights;
  label: string;
  hint: string;
  min: number;
  max: number;
  step: number;
}

export const WEIGHT_FIELDS: readonly WeightField[] = [
  { key: "need", label: "Weight: need", hint: "Greatest need", min: 0, max: 100, step: 0.05 },
  { key: "valueAdded", label: "Weight: value added", hint: "Most value ICCWC can add", min: 0, max: 100, step: 0.05 },
  {
    key: "engagement",
    label: "Weight: engagement",
    hint: "The country's engagement and commitment",
    min: 0,
    max: 100,
    step: 0.05,
  },
  {
    key: "priorityBonus",
    label: "Priority country bonus (points)",
    hint: "Added for a priority country with a roadmap",
    min: 0,
    max: 50,
    step: 1,
  },
];

const useStyles = makeStyles({
  grid: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
});

const usd = (n: number) => `USD ${Math.round(n).toLocaleString("en-US")}`;

function shares(w: Weights): string {
  const sum = w.need + w.valueAdded + w.engagement;
  if (sum <= 0) return "The three weights add up to 0: every activity would score the same.";
  const pct = (x: number) => `${Math.round((x / sum) * 100)}%`;
  return `Shares: need ${pct(w.need)}, value added ${pct(w.valueAdded)}, engagement ${pct(w.engagement)}.`;
}

export function PrioritisePanel() {
  const host = useHost();
  const styles = useStyles();
  const panel = usePanelStyles();
  const load = useOperation<WeightsState>("Reading the weights");
  const save = useOperation<ApplyReport>("Saving the weights");
  const score = useOperation<ScorePlanResult>("Prioritise");
  const [weights, setWeights] = useState<Weights | null>(null);
  const [saved, setSaved] = useState<Weights | null>(null);

  useEffect(() => {
    void load
      .start(() => host.readWeights())
      .then((state) => {
        if (state) {
          setWeights(state.weights);
          setSaved(state.weights);
        }
      });
    // Read once when the panel opens; a later reload is the user's "Reload" button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const dirty = weights !== null && saved !== null && WEIGHT_FIELDS.some((f) => weights[f.key] !== saved[f.key]);
  const busy = load.running || save.running || score.running;
  const set = (key: keyof Weights, v: number) => {
    if (!weights) return;
    const f = WEIGHT_FIELDS.find((x) => x.key === key)!;
    setWeights({ ...weights, [key]: Math.max(f.min, Math.min(f.max, v)) });
  };
  const onSave = async () => {
    if (!weights) return;
    const report = await save.start((o) => host.saveWeights(weights, o));
    if (report) setSaved(weights);
  };
  const r = score.result;
  const bands = r
    ? (["High", "Medium", "Low"] as const).map(
        (b) => [b, r.result.activities.filter((a) => a.band === b).length] as const,
      )
    : [];
  const recommended = r ? r.result.activities.filter((a) => a.funding === "recommended").length : 0;
  const notScored = r ? r.result.activities.filter((a) => a.score === null).length : 0;

  return (
    <section className={panel.panel} aria-label="Prioritise">
      <Text>
        Weights come from the Settings sheet. Change them here and choose Save weights to write them back; nothing is
        written before.
      </Text>
      {weights && (
        <div className={styles.grid}>
          {WEIGHT_FIELDS.map((f) => (
            <Field key={f.key} label={f.label} hint={f.hint}>
              <WeightInput
                value={weights[f.key]}
                min={f.min}
                max={f.max}
                step={f.step}
                onCommit={(v) => set(f.key, v)}
              />
            </Field>
          ))}
          <Text size={200} className={panel.muted}>
            {shares(weights)}
          </Text>
        </div>
      )}
      {load.result && load.result.issues.length > 0 && (
        <div className={panel.result}>
          {load.result.issues.map((i, n) => (
            <Text key={n} size={200}>
              {i.cell ? `Settings!${i.cell}: ` : ""}
              {i.message}
            </Text>
          ))}
        </div>
      )}
      <div className={panel.actions}>
        <Button appearance="primary" disabled={busy || !dirty} onClick={() => void onSave()}>
          Save weights
        </Button>
        <Button
          disabled={busy || dirty}
          onClick={() => void score.start((o) => host.score({ ...o, asOf: todayLocal(), writeColumns: true }))}
        >
          Recompute scores
        </Button>
      </div>
      {dirty && (
        <Text size={200} className={panel.muted}>
          Save the weights before recomputing: the scores use the weights in the Settings sheet.
        </Text>
      )}
      <OperationStatus
        running={busy}
        progress={score.progress}
        problem={load.problem ?? save.problem ?? score.problem}
        onCancel={() => (score.running ? score.cancel() : save.cancel())}
        label="Prioritising"
      />
      <div aria-live="polite" className={panel.result}>
        {save.result && !dirty && !score.result && (
          <Text>Weights saved to the Settings sheet. {skippedSentence(save.result) ?? ""}</Text>
        )}
        {r && !score.running && (
          <>
            <Text weight="semibold">Funding line</Text>
            <div className={styles.line}>
              <Text>Available funds</Text>
              <Text>{usd(r.result.funding.availableFundsUsd)}</Text>
              <Text>Recommended</Text>
              <Text>
                {recommended} of {r.result.funding.candidates} candidates, {usd(r.result.funding.recommendedUsd)}
              </Text>
              <Text>Total score funded</Text>
              <Text>{Math.round(r.result.funding.recommendedScore * 10) / 10}</Text>
            </div>
            {r.result.funding.note && (
              <Text size={200} className={panel.muted}>
                {r.result.funding.note}
              </Text>
            )}
            <Text weight="semibold">
              Bands (High from {r.settings.bands.high}, Medium from {r.settings.bands.medium})
            </Text>
            <Text>
              {bands.map(([b, n]) => `${b}: ${n}`).join(" · ")}
              {notScored > 0 ? ` · not scored: ${notScored} (rows with errors; see Check)` : ""}
            </Text>
            {skippedSentence(r.applyReport) && <Text className={panel.muted}>{skippedSentence(r.applyReport)}</Text>}
          </>
        )}
      </div>
    </section>
  );
}
