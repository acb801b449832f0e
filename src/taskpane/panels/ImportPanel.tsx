/**
 * Import: pick a sheet (or the selection), see and correct the column mapping, preview the normalised
 * rows with every changed value (before -> after) and the issues, then append to Activities.
 * Cancel drops the preview and appends nothing; the source sheet is never written.
 */
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { AppendImportResult } from "../../app/import";
import { ACTIVITY_COLUMNS } from "../../core/activity/columns";
import type { ImportResult, MappingChoice, ValueChange } from "../../core/import";
import { SHEETS } from "../../core/layout/sheet-names";
import type { SheetInfo } from "../../ports/workbook-port";
import { OperationStatus } from "../components/OperationStatus";
import { useHost } from "../components/host-context";
import { useOperation } from "../components/use-operation";
import { skippedSentence } from "../errors";
import type { CellRef } from "../host/plan-host";
import { usePanelStyles } from "./panel-styles";

const PLAN_SHEETS = new Set<string>(Object.values(SHEETS));
// Labels from the column list itself (not core/import's fieldHeader), so the panel does not pull the import engine into the pane's first chunk.
const CHOICES: { value: MappingChoice; label: string }[] = [
  ...ACTIVITY_COLUMNS.map((c) => ({ value: c.key, label: c.header })),
  { value: "period", label: "Period (start and end)" },
  { value: "unmapped", label: "Keep in Notes" },
  { value: "ignore", label: "Ignore this column" },
];
const PREVIEW_ROWS = 25;

const useStyles = makeStyles({
  mapping: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  before: { textDecorationLine: "line-through", color: tokens.colorPaletteRedForeground1 },
  after: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  issue: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type Source = { sheet: string; range?: string };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function sourceLabel(s: Source): string {
  return s.range ? `${s.sheet}!${s.range}` : s.sheet;
}

export function ImportPanel() {
  const host = useHost();
  const styles = useStyles();
  const panel = usePanelStyles();
  const sheets = useOperation<SheetInfo[]>("Listing the sheets");
  const selection = useOperation<CellRef | null>("Reading the selection");
  const preview = useOperation<ImportResult>("Import preview");
  const append = useOperation<AppendImportResult>("Import");
  const [source, setSource] = useState<Source | null>(null);
  const [override, setOverride] = useState<Record<string, string>>({});

  const candidates = useMemo(
    () => (sheets.result ?? []).filter((s) => !PLAN_SHEETS.has(s.name) && s.visible),
    [sheets.result],
  );
  useEffect(() => {
    void sheets.start(() => host.listSheets());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);
  useEffect(() => {
    if (!source && candidates[0]) setSource({ sheet: candidates[0].name });
  }, [candidates, source]);

  const runPreview = (src: Source, mapping: Record<string, string>) => {
    append.clear();
    void preview.start((o) =>
      host.previewImport({
        ...o,
        sheet: src.sheet,
        ...(src.range ? { range: src.range } : {}),
        ...(Object.keys(mapping).length ? { mappingOverride: mapping } : {}),
      }),
    );
  };
  const takeSelection = async () => {
    const sel = await selection.start(() => host.getSelection());
    if (sel) {
      const src = { sheet: sel.sheet, range: sel.address };
      setSource(src);
      setOverride({});
      preview.clear();
    }
  };
  const remap = (letter: string, choice: string) => {
    const next = { ...override, [letter]: choice };
    setOverride(next);
    if (source) runPreview(source, next);
  };
  const onAppend = async () => {
    const result = preview.result;
    if (!result) return;
    const done = await append.start((o) => host.appendImport(result, o));
    if (done) preview.clear();
  };
  const onCancel = () => {
    preview.cancel();
    preview.clear();
    setOverride({});
  };

  const r = preview.result;
  const changesByRow = useMemo(() => {
    const m = new Map<number, ValueChange[]>();
    for (const c of r?.changes ?? []) {
      const list = m.get(c.row);
      if (list) list.push(c);
      else m.set(c.row, [c]);
    }
    return m;
  }, [r]);
  const busy = preview.running || append.running || sheets.running;
  const a = append.result;

  return (
    <section className={panel.panel} aria-label="Import">
      <Text>
        Bring in a country team&apos;s own sheet. Its columns are matched to the plan&apos;s; correct any match, check
        the preview, then append. The source sheet is never changed.
      </Text>
      <Field
        label="Source sheet"
        hint={
          candidates.length === 0 && sheets.result
            ? "No other sheet in this workbook: add the team's sheet first."
            : undefined
        }
      >
        <Select
          value={source && !source.range ? source.sheet : ""}
          onChange={(_, d) => {
            setSource(d.value ? { sheet: d.value } : null);
            setOverride({});
            preview.clear();
          }}
        >
          {source?.range && <option value="">{sourceLabel(source)} (selection)</option>}
          {candidates.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={panel.actions}>
        <Button onClick={() => void takeSelection()} disabled={busy}>
          Use the selection
        </Button>
        <Button appearance="primary" disabled={busy || !source} onClick={() => source && runPreview(source, override)}>
          Preview import
        </Button>
      </div>
      <OperationStatus
        running={busy}
        progress={append.progress ?? preview.progress}
        problem={sheets.problem ?? selection.problem ?? preview.problem ?? append.problem}
        onCancel={() => (append.running ? append.cancel() : preview.cancel())}
        label="Importing"
      />
      <div aria-live="polite" className={panel.result}>
        {a && (
          <Text weight="semibold">
            {a.appended > 0 && a.rows
              ? `Appended ${plural(a.appended, "row")} to Activities (rows ${a.rows.first} to ${a.rows.last}).`
              : "Nothing was appended: every row was already in Activities."}
            {a.alreadyPresent.length > 0 ? ` Already there, left out: ${a.alreadyPresent.join(", ")}.` : ""}{" "}
            {skippedSentence(a.apply) ?? ""}
          </Text>
        )}
        {r && !preview.running && (
          <>
            <Text weight="semibold">
              {sourceLabel(source ?? { sheet: r.sheet })}: {plural(r.rows.length, "row")} to import
              {r.headerRow !== null ? `, header in row ${r.headerRow}` : ""}
              {r.skipped.length > 0
                ? `, ${plural(r.skipped.length, "row")} skipped (${[...new Set(r.skipped.map((k) => k.reason))].join(", ")})`
                : ""}
              .
            </Text>
            {r.columns.length > 0 && (
              <div className={styles.mapping} role="group" aria-label="Column mapping">
                {r.columns.map((c) => (
                  <Field
                    key={c.col}
                    label={`${c.letter}: ${c.header || "(no header)"}`}
                    hint={`${c.via === "none" ? "no match" : `${Math.round(c.confidence * 100)}% (${c.via})`}${c.note ? `. ${c.note}` : ""}`}
                  >
                    <Select value={c.choice} onChange={(_, d) => remap(c.letter, d.value)} disabled={busy}>
                      {CHOICES.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </div>
            )}
            {r.issues.length > 0 && (
              <ul className={panel.list} aria-label="Import issues">
                {r.issues.slice(0, 50).map((i, n) => (
                  <li key={n} className={styles.issue}>
                    {i.cell ? `${i.cell}: ` : ""}
                    {i.message}
                  </li>
                ))}
                {r.issues.length > 50 && <li>…and {r.issues.length - 50} more.</li>}
              </ul>
            )}
            <ul className={panel.list} aria-label="Rows to import">
              {r.rows.slice(0, PREVIEW_ROWS).map((row) => (
                <li key={row.row} className={styles.row}>
                  <Text>
                    Row {row.row} → <b>{row.record.id}</b>
                    {row.idGenerated ? " (new ID)" : ""}: {row.record.title || "(no title)"}
                  </Text>
                  <Text size={200} className={panel.muted}>
                    {[
                      row.record.approach ? `Approach ${row.record.approach}` : "No approach",
                      row.record.leadAgencies.join(", "),
                      row.record.countries.join(", "),
                      row.record.startDate && row.record.endDate
                        ? `${row.record.startDate} to ${row.record.endDate}`
                        : (row.record.startDate ?? ""),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  {(changesByRow.get(row.row) ?? []).map((c, n) => (
                    <Text key={n} size={200}>
                      {c.cell} {c.header}: <span className={styles.before}>{c.before || "(empty)"}</span> →{" "}
                      <span className={styles.after}>{c.after || "(empty)"}</span>
                    </Text>
                  ))}
                </li>
              ))}
              {r.rows.length > PREVIEW_ROWS && <li>…and {r.rows.length - PREVIEW_ROWS} more rows.</li>}
            </ul>
            <div className={panel.actions}>
              <Button appearance="primary" disabled={busy || r.rows.length === 0} onClick={() => void onAppend()}>
                Append {plural(r.rows.length, "row")} to Activities
              </Button>
              <Button onClick={onCancel} disabled={append.running}>
                Cancel
              </Button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
