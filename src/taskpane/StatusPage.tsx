/**
 * What the pane shows before it can run: waiting for Office, or why it cannot start. The wait is shown
 * with the ProgressBar the panels already use, not a Spinner: one component fewer in the first chunk (issue 7).
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function StatusPage({ title, message, intent }: { title: string; message: string; intent?: "error" }) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="iccwc-status" aria-live="polite">
      {intent === "error" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            {message}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text weight="semibold">{title}</Text>
          <ProgressBar aria-label={title} />
          <div>{message}</div>
        </>
      )}
    </div>
  );
}
