/** Summaries: build or refresh the pivot-ready tables, the PivotTable and the chart, with the generated-on stamp. */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SummarizePlanResult } from "../../app/summarize";
import { TABLES } from "../../core/layout/sheet-names";
import { OperationStatus } from "../components/OperationStatus";
import { useHost } from "../components/host-context";
import { useOperation } from "../components/use-operation";
import { todayLocal } from "../dates";
import { skippedSentence } from "../errors";
import { usePanelStyles } from "./panel-styles";

const useStyles = makeStyles({
  tables: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
});

export function SummariesPanel() {
  const host = useHost();
  const styles = useStyles();
  const panel = usePanelStyles();
  const op = useOperation<SummarizePlanResult>("Summaries");
  const r = op.result;
  const s = r?.summaries;
  const rows: [string, number][] = s
    ? [
        [TABLES.facts, s.facts.length],
        [TABLES.byOutcome, s.byOutcome.length],
        [TABLES.bySubOutcome, s.bySubOutcome.length],
        [TABLES.byApproach, s.byApproach.length],
        [TABLES.byAgency, s.byAgency.length],
        [TABLES.byCountry, s.byCountry.length],
        [TABLES.byYear, s.byYear.length],
        [TABLES.coverage, s.coverage.length],
      ]
    : [];
  const skipped = skippedSentence(r?.applyReport);
  return (
    <section className={panel.panel} aria-label="Summaries">
      <Text>
        Write the Summaries sheet: one row per activity, country and period (tblFacts) and roll-ups by outcome,
        approach, agency, country and year, with a PivotTable and a chart on Dashboard. Running it again refreshes them.
      </Text>
      <div className={panel.actions}>
        <Button
          appearance="primary"
          disabled={op.running}
          onClick={() => void op.start((o) => host.summarize({ ...o, asOf: todayLocal(), generatedOn: todayLocal() }))}
        >
          Build summaries
        </Button>
      </div>
      <OperationStatus
        running={op.running}
        progress={op.progress}
        problem={op.problem}
        onCancel={op.cancel}
        label="Building the summaries"
      />
      <div aria-live="polite" className={panel.result}>
        {s && !op.running && (
          <>
            <Text weight="semibold">
              Generated on {s.generatedOn} (as of {s.asOf}).
            </Text>
            <div className={styles.tables} role="table" aria-label="Summary tables">
              {rows.map(([name, n]) => (
                <div key={name} role="row" style={{ display: "contents" }}>
                  <Text role="cell">{name}</Text>
                  <Text role="cell">{n.toLocaleString("en-US")} rows</Text>
                </div>
              ))}
            </div>
            {skipped && <Text className={panel.muted}>{skipped}</Text>}
            {r.issues.map((i, n) => (
              <Text key={n} size={200}>
                {i.message}
              </Text>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
