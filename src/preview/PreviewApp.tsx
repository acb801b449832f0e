/**
 * The preview page: the task pane (the same App as in Excel) at a pane's width beside the simulated
 * workbook, with a toolbar to open an .xlsx, start a new sample plan and download the result.
 * Runs in any browser with no Office.js and no network.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { App, preloadPanels } from "../taskpane/App";
import { describeError, type Problem } from "../taskpane/errors";
import { preloadEngine } from "../taskpane/host/port-plan-host";
import { SheetView } from "./SheetView";
import { createSession, newWorkbookSession, type PreviewSession } from "./session";
import { exposeSession } from "./window-api";
import { openXlsx, writeXlsx } from "./xlsx-io";

export const PANE_WIDTH = 320;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  body: { display: "flex", flex: 1, minHeight: 0 },
  pane: {
    width: `${PANE_WIDTH}px`,
    boxSizing: "border-box",
    flexShrink: 0,
    overflowY: "auto",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  status: { flexBasis: "100%" },
});

export function PreviewApp() {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const [session, setSession] = useState<PreviewSession>(() => newWorkbookSession(bump));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => exposeSession(session), [session]);
  // Another workbook replaces this one: its quick entry stops listening.
  useEffect(() => () => void session.dispose().catch(() => undefined), [session]);
  // The engine chunk downloads once the pane is on screen.
  useEffect(() => {
    const t = setTimeout(() => {
      preloadPanels();
      preloadEngine();
    }, 0);
    return () => clearTimeout(t);
  }, []);

  const open = async (file: File) => {
    setBusy(true);
    setProblem(null);
    setMessage(`Opening ${file.name}…`);
    try {
      const bytes = await file.arrayBuffer();
      const sim = await openXlsx(bytes, file.name);
      setSession(createSession(sim, file.name, bytes, bump));
      setMessage(`Opened ${file.name}: ${sim.sheetNames().join(", ")}.`);
    } catch (e) {
      setMessage(null);
      setProblem(describeError(e, `Opening ${file.name}`));
    } finally {
      setBusy(false);
    }
  };

  const newSample = async () => {
    setBusy(true);
    setProblem(null);
    setMessage("Setting up a new sample plan…");
    const next = newWorkbookSession(bump);
    setSession(next);
    try {
      const r = await next.host.setUp({ sample: true });
      setMessage(`New sample plan: ${r.sampleRows} activities in ${r.created.join(", ")}.`);
    } catch (e) {
      setMessage(null);
      setProblem(describeError(e, "New sample plan"));
    } finally {
      setBusy(false);
      bump();
    }
  };

  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const bytes = await writeXlsx(session.source, session.applied);
      const url = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = session.fileName.replace(/\.xlsx$/i, "") + ".xlsx";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Downloaded ${a.download}.`);
    } catch (e) {
      setProblem(describeError(e, "Download"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.toolbar} role="toolbar" aria-label="Workbook">
        <Text weight="semibold">ICCWC Workbench preview</Text>
        <input
          ref={fileInput}
          id="open-xlsx"
          data-testid="open-xlsx"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.fileInput}
          aria-label="Open an .xlsx workbook"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void open(f);
          }}
        />
        <Button disabled={busy} onClick={() => fileInput.current?.click()}>
          Open .xlsx
        </Button>
        <Button disabled={busy} onClick={() => void newSample()}>
          New sample plan
        </Button>
        <Button disabled={busy} onClick={() => void download()}>
          Download .xlsx
        </Button>
        <div className={styles.status} aria-live="polite" data-testid="preview-status">
          {message && <Text size={200}>{message}</Text>}
          {problem && (
            <MessageBar intent={problem.intent} layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{problem.title}</MessageBarTitle>
                {problem.message}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
      <div className={styles.body}>
        <aside className={styles.pane} aria-label="Task pane" data-testid="pane-frame">
          {/* A new workbook is a new pane, as when Excel opens another file. */}
          <App key={session.id} host={session.host} />
        </aside>
        <SheetView sim={session.sim} version={version} onSelect={session.select} onEdit={session.edit} />
      </div>
    </div>
  );
}
