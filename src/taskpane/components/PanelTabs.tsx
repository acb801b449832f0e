/**
 * The pane's tab list: the WAI-ARIA tabs pattern with Fluent's look (tokens), in place of Fluent's TabList.
 * TabList brings tabster, Fluent's focus-management engine, for its arrow keys: about 48 KB of minified
 * JavaScript, a fifth of the pane's first chunk (issue 7). Five tabs need a roving tab index and five keys.
 *
 * Keyboard, as TabList: Tab enters at the selected tab; Left and Right move between tabs (wrapping), Home
 * and End go to the first and last; Enter or Space opens the focused tab (manual activation: moving
 * through the tabs does not open each panel and start its reads).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";

export interface PanelTab<Id extends string> {
  id: Id;
  label: string;
}

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", alignItems: "stretch" },
  tab: {
    position: "relative",
    // The label and a hidden semibold copy share one cell, so a tab keeps its width when it is selected
    // and the row does not reflow (at 320 px the tabs wrap; a shift would move them between lines).
    display: "inline-grid",
    backgroundColor: "transparent",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: "pointer",
    // The bar under the tab: brand colour when selected, a neutral one on hover (as Fluent's TabList).
    "::after": {
      content: '""',
      position: "absolute",
      insetInline: tokens.spacingHorizontalSNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
    ":hover": { color: tokens.colorNeutralForeground2Hover },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  label: { gridArea: "1 / 1" },
  reserve: { gridArea: "1 / 1", fontWeight: tokens.fontWeightSemibold, visibility: "hidden" },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ":hover": { color: tokens.colorNeutralForeground1Hover },
  },
});

export interface PanelTabsProps<Id extends string> {
  tabs: readonly PanelTab<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  className?: string;
  "aria-label": string;
}

export function PanelTabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  className,
  "aria-label": label,
}: PanelTabsProps<Id>) {
  const styles = useStyles();
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  // The tab that takes part in Tab order: the one last moved to, else the selected one.
  const [focusable, setFocusable] = useState<Id | null>(null);
  const inOrder = focusable ?? selected;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === (document.activeElement as HTMLElement | null)?.dataset.tab);
    if (at < 0) return;
    const next =
      e.key === "ArrowRight"
        ? (at + 1) % tabs.length
        : e.key === "ArrowLeft"
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    setFocusable(id);
    refs.current.get(id)?.focus();
  };

  return (
    <div
      role="tablist"
      aria-label={label}
      className={mergeClasses(styles.list, className)}
      onKeyDown={onKeyDown}
      // Leaving the list: Tab comes back in at the selected tab.
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusable(null);
      }}
    >
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          data-tab={t.id}
          aria-selected={t.id === selected}
          aria-controls={t.id === selected ? `panel-${t.id}` : undefined}
          tabIndex={t.id === inOrder ? 0 : -1}
          className={mergeClasses(styles.tab, t.id === selected && styles.selected)}
          onClick={() => {
            setFocusable(null);
            onSelect(t.id);
          }}
        >
          <span className={styles.label}>{t.label}</span>
          <span className={styles.reserve} aria-hidden>
            {t.label}
          </span>
        </button>
      ))}
    </div>
  );
}
