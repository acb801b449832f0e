/**
 * The task pane: five panels in a tab list. Every host action reaches the panels through the PlanHost
 * in context, so the same App runs in Excel, on the preview page and in the component tests.
 * Only the selected panel is mounted: the Prioritise panel reads the Settings sheet when it opens.
 * Set up (the first panel) is in the pane's first chunk; the other four (React.lazy) share one chunk,
 * "panels", loaded the first time one is opened or once the pane is idle (preloadPanels), so the
 * first panel appears sooner. One chunk rather than four: they are all fetched at once anyway, and one
 * file compresses better.
 */
import { ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import { HostProvider } from "./components/host-context";
import { PanelTabs } from "./components/PanelTabs";
import type { PlanHost } from "./host/plan-host";
import { SetupPanel } from "./panels/SetupPanel";

const loaders = {
  check: () => import(/* webpackChunkName: "panels" */ "./panels/CheckPanel").then((m) => ({ default: m.CheckPanel })),
  prioritise: () =>
    import(/* webpackChunkName: "panels" */ "./panels/PrioritisePanel").then((m) => ({
      default: m.PrioritisePanel,
    })),
  summaries: () =>
    import(/* webpackChunkName: "panels" */ "./panels/SummariesPanel").then((m) => ({
      default: m.SummariesPanel,
    })),
  import: () =>
    import(/* webpackChunkName: "panels" */ "./panels/ImportPanel").then((m) => ({ default: m.ImportPanel })),
};
const CheckPanel = lazy(loaders.check);
const PrioritisePanel = lazy(loaders.prioritise);
const SummariesPanel = lazy(loaders.summaries);
const ImportPanel = lazy(loaders.import);

/** Fetch the other panels' chunks once the first panel is on screen (a failed fetch is retried by React.lazy on open). */
export function preloadPanels(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}

export const PANELS = [
  { id: "setup", label: "Set up", Panel: SetupPanel },
  { id: "check", label: "Check", Panel: CheckPanel },
  { id: "prioritise", label: "Prioritise", Panel: PrioritisePanel },
  { id: "summaries", label: "Summaries", Panel: SummariesPanel },
  { id: "import", label: "Import", Panel: ImportPanel },
] as const;

export type PanelId = (typeof PANELS)[number]["id"];

const useStyles = makeStyles({
  root: {
    minWidth: "280px",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: "100%",
  },
  header: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  tabs: {
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  loading: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
});

/** While a panel's chunk loads: the ProgressBar the panels already use (a Spinner would be one more component to load). */
function PanelLoading() {
  const styles = useStyles();
  return (
    <div className={styles.loading}>
      <Text size={200}>Opening the panel…</Text>
      <ProgressBar aria-label="Opening the panel" />
    </div>
  );
}

export interface AppProps {
  host: PlanHost;
  initialPanel?: PanelId;
}

export function App({ host, initialPanel = "setup" }: AppProps) {
  const styles = useStyles();
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  const current = PANELS.find((p) => p.id === panel) ?? PANELS[0];
  return (
    <HostProvider host={host}>
      <div className={styles.root} data-testid="iccwc-pane">
        <header className={styles.header}>
          <Text as="h1" size={400} weight="semibold">
            ICCWC Action Plan
          </Text>
        </header>
        <PanelTabs
          className={styles.tabs}
          tabs={PANELS}
          selected={current.id}
          onSelect={(id) => setPanel(id)}
          aria-label="Panels"
        />
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} data-panel={current.id}>
          <Suspense fallback={<PanelLoading />}>
            <current.Panel />
          </Suspense>
        </div>
      </div>
    </HostProvider>
  );
}
