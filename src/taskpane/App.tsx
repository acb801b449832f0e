/**
 * The task pane: five panels in a tab list. Every host action reaches the panels through the PlanHost
 * in context, so the same App runs in Excel, on the preview page and in the component tests.
 * Only the selected panel is mounted: the Prioritise panel reads the Settings sheet when it opens.
 */
import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { HostProvider } from "./components/host-context";
import type { PlanHost } from "./host/plan-host";
import { CheckPanel } from "./panels/CheckPanel";
import { ImportPanel } from "./panels/ImportPanel";
import { PrioritisePanel } from "./panels/PrioritisePanel";
import { SetupPanel } from "./panels/SetupPanel";
import { SummariesPanel } from "./panels/SummariesPanel";

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
    flexWrap: "wrap",
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

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
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={panel}
          onTabSelect={(_, d) => setPanel(d.value as PanelId)}
          aria-label="Panels"
        >
          {PANELS.map((p) => (
            <Tab key={p.id} value={p.id} id={`tab-${p.id}`} aria-controls={`panel-${p.id}`}>
              {p.label}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} data-panel={current.id}>
          <current.Panel />
        </div>
      </div>
    </HostProvider>
  );
}
