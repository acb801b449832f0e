/**
 * Progress (with Cancel) while an operation runs, and a message bar when it failed. The region is
 * aria-live so a screen reader hears the outcome without moving focus.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Problem } from "../errors";
import type { ProgressReport } from "../../ports/workbook-port";

const useStyles = makeStyles({
  running: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBlock: tokens.spacingVerticalS,
  },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
});

export interface OperationStatusProps {
  running: boolean;
  progress: ProgressReport | null;
  problem: Problem | null;
  onCancel(): void;
  /** What is running, e.g. "Checking the plan". */
  label: string;
}

export function OperationStatus({ running, progress, problem, onCancel, label }: OperationStatusProps) {
  const styles = useStyles();
  return (
    <div aria-live="polite">
      {running && (
        <div className={styles.running}>
          <div className={styles.row}>
            <Text size={200}>{progress?.message ?? `${label}…`}</Text>
            <Button size="small" onClick={onCancel}>
              Cancel
            </Button>
          </div>
          <ProgressBar
            aria-label={label}
            {...(progress ? { value: Math.max(0, Math.min(1, progress.fraction)) } : {})}
          />
        </div>
      )}
      {problem && (
        <MessageBar intent={problem.intent} layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{problem.title}</MessageBarTitle>
            {problem.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
