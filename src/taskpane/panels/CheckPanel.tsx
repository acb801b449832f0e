/**
 * Check: validate the plan as of a date, show the counts by severity and every issue grouped by rule
 * or by row; selecting an issue (click or Enter) selects its cell in the sheet.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CheckPlanResult } from "../../app/validate";
import type { Issue, Severity } from "../../core/issues";
import { OperationStatus } from "../components/OperationStatus";
import { useHost } from "../components/host-context";
import { useOperation } from "../components/use-operation";
import { isIsoDate, todayLocal } from "../dates";
import { skippedSentence } from "../errors";
import { groupIssues, pageItems, type Grouping } from "./issue-groups";
import { usePanelStyles } from "./panel-styles";

const SEVERITY_LABEL: Record<Severity, [string, string]> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

const BADGE_CLASS = { error: "badgeError", warning: "badgeWarning", info: "badgeInfo" } as const;

const useStyles = makeStyles({
  counts: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "center" },
  count: { display: "inline-flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  // A count in a coloured circle: what Fluent's Badge showed, without loading its package (issue 7).
  badge: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    boxSizing: "border-box",
    minWidth: "20px",
    height: "20px",
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
  },
  badgeError: { backgroundColor: tokens.colorStatusDangerBackground3, color: tokens.colorNeutralForegroundOnBrand },
  badgeWarning: { backgroundColor: tokens.colorStatusWarningBackground3, color: tokens.colorNeutralForeground1Static },
  badgeInfo: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  group: {
    marginTop: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  issue: {
    display: "block",
    width: "100%",
    textAlign: "start",
    background: "none",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  where: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  pager: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

function IssueRow({ issue, onSelect }: { issue: Issue; onSelect(i: Issue): void }) {
  const styles = useStyles();
  const where = issue.cell ? `${issue.cell}` : issue.row !== null ? `row ${issue.row}` : issue.sheet;
  const text = (
    <>
      <span className={`${styles.where} ${styles[issue.severity]}`}>{where}</span>
      {issue.message}
    </>
  );
  if (!issue.cell) return <div className={styles.issue}>{text}</div>;
  return (
    <button
      type="button"
      className={styles.issue}
      onClick={() => onSelect(issue)}
      aria-label={`${SEVERITY_LABEL[issue.severity][0]} at ${issue.sheet}!${issue.cell}: ${issue.message}`}
    >
      {text}
    </button>
  );
}

export function CheckPanel() {
  const host = useHost();
  const styles = useStyles();
  const panel = usePanelStyles();
  const [asOf, setAsOf] = useState(todayLocal());
  const [annotate, setAnnotate] = useState(true);
  const [grouping, setGrouping] = useState<Grouping>("rule");
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const op = useOperation<CheckPlanResult>("Check");
  const select = useOperation<void>("Selecting the cell");
  const validDate = isIsoDate(asOf);

  const report = op.result?.report;
  const groups = useMemo(() => (report ? groupIssues(report.issues, grouping) : []), [report, grouping]);
  const { items, pages } = useMemo(() => pageItems(groups, page), [groups, page]);
  const skipped = skippedSentence(op.result?.applyReport);

  const run = () => {
    setPage(0);
    setSelected(null);
    void op.start((o) => host.check({ ...o, asOf, annotate }));
  };
  const onSelect = (i: Issue) => {
    if (!i.cell) return;
    setSelected(`${i.sheet}!${i.cell}`);
    void select.start(() => host.selectCell(i.sheet, i.cell!));
  };

  return (
    <section className={panel.panel} aria-label="Check">
      <Field
        label="Check as of"
        validationMessage={validDate ? undefined : "Enter a date as YYYY-MM-DD."}
        hint="Activities ending before this day and not completed are reported."
      >
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <Checkbox
        checked={annotate}
        onChange={(_, d) => setAnnotate(d.checked === true)}
        label="Mark problems in the workbook (notes, colours and the Issues sheet)"
      />
      <div className={panel.actions}>
        <Button appearance="primary" disabled={op.running || !validDate} onClick={run}>
          Check the plan
        </Button>
      </div>
      <OperationStatus
        running={op.running}
        progress={op.progress}
        problem={op.problem ?? select.problem}
        onCancel={op.cancel}
        label="Checking the plan"
      />
      {report && !op.running && (
        <div className={panel.result}>
          <div aria-live="polite" className={styles.counts}>
            <Text>{report.summary.rowsChecked} rows checked:</Text>
            {(["error", "warning", "info"] as const).map((s) => {
              const n =
                s === "error"
                  ? report.summary.errors
                  : s === "warning"
                    ? report.summary.warnings
                    : report.summary.infos;
              return (
                <span key={s} className={styles.count}>
                  <span className={mergeClasses(styles.badge, styles[BADGE_CLASS[s]])} aria-hidden>
                    {n}
                  </span>
                  <Text>{n === 1 ? SEVERITY_LABEL[s][0] : SEVERITY_LABEL[s][1]}</Text>
                </span>
              );
            })}
          </div>
          {skipped && <Text className={panel.muted}>{skipped}</Text>}
          {selected && (
            <Text size={200} aria-live="polite">
              Selected {selected}.
            </Text>
          )}
          {report.issues.length > 0 && (
            <>
              <Switch
                checked={grouping === "row"}
                onChange={(_, d) => {
                  setGrouping(d.checked ? "row" : "rule");
                  setPage(0);
                }}
                label={grouping === "row" ? "Grouped by row" : "Grouped by rule"}
              />
              <ul className={styles.list} aria-label="Issues">
                {items.map((item) =>
                  item.kind === "group" ? (
                    <li key={item.key} className={styles.group}>
                      {item.label} ({item.count})
                    </li>
                  ) : (
                    <li key={item.key}>
                      <IssueRow issue={item.issue} onSelect={onSelect} />
                    </li>
                  ),
                )}
              </ul>
              {pages > 1 && (
                <nav className={styles.pager} aria-label="Issue pages">
                  <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                    Previous
                  </Button>
                  <Text size={200}>
                    Page {page + 1} of {pages}
                  </Text>
                  <Button size="small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
                    Next
                  </Button>
                </nav>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
