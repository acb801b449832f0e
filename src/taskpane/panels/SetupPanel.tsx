/** Set up: create or repair the plan's sheets without losing a row, and say what was done. */
import { Button, Text } from "@fluentui/react-components";
import type { SetUpResult } from "../../app/setup";
import { OperationStatus } from "../components/OperationStatus";
import { QuickEntrySwitch } from "../components/QuickEntrySwitch";
import { useHost } from "../components/host-context";
import { useOperation } from "../components/use-operation";
import { skippedSentence } from "../errors";
import { usePanelStyles } from "./panel-styles";

export function SetupPanel() {
  const host = useHost();
  const styles = usePanelStyles();
  const op = useOperation<SetUpResult>("Set up");
  const r = op.result;
  const skipped = skippedSentence(r?.apply);
  return (
    <section className={styles.panel} aria-label="Set up">
      <Text>
        Create the plan&apos;s sheets (Activities with drop-downs, Framework, Lists, Settings, Countries), or repair
        them. Existing rows and values are never changed.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={op.running} onClick={() => void op.start((o) => host.setUp(o))}>
          Set up the plan
        </Button>
      </div>
      <OperationStatus
        running={op.running}
        progress={op.progress}
        problem={op.problem}
        onCancel={op.cancel}
        label="Setting up the plan"
      />
      {host.quickEntry && <QuickEntrySwitch control={host.quickEntry} />}
      <div aria-live="polite" className={styles.result}>
        {r && !op.running && (
          <>
            <Text weight="semibold">
              {r.created.length > 0
                ? `Created: ${r.created.join(", ")}.`
                : "All the plan's sheets were there; their layout was repaired."}
            </Text>
            {r.addedHeaders.length > 0 && <Text>Headers added to Activities: {r.addedHeaders.join(", ")}.</Text>}
            {r.sampleRows > 0 && <Text>{r.sampleRows} sample activities added.</Text>}
            <Text>{r.apply.applied} changes applied.</Text>
            {skipped && <Text className={styles.muted}>{skipped}</Text>}
            {r.problems.map((p, i) => (
              <Text key={i}>{p.message}</Text>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
