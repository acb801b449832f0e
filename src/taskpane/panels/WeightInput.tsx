/**
 * A number box for one weight: Fluent's Input as a native number input (role "spinbutton"), in place of
 * Fluent's SpinButton, whose own package the pane no longer has to load (issue 7: the pane's weight).
 * Keyboard use stays SpinButton's: arrows step, Page Up and Page Down step ten times, Home and End go to
 * the bounds, Enter commits, Escape shows the value again. A typed number within the bounds counts at once;
 * the text stays as typed until the box is left, then a number outside the bounds is brought within them
 * and text that is not a number gives way to the last value.
 */
import { Input } from "@fluentui/react-components";
import { useState, type KeyboardEvent } from "react";

export interface WeightInputProps {
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit(value: number): void;
}

/** "0,7" or "0.7" -> 0.7; null for text that is not a number (an empty box included). */
export function parseWeight(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Within the bounds, and rounded to the step's decimals so 0.1 + 0.05 shows as 0.15. */
export function clampToStep(value: number, min: number, max: number, step: number): number {
  const decimals = (String(step).split(".")[1] ?? "").length;
  const rounded = Number(value.toFixed(Math.min(10, decimals + 2)));
  return Math.max(min, Math.min(max, rounded));
}

export function WeightInput({ value, min, max, step, onCommit }: WeightInputProps) {
  // The text being typed; null shows the committed value.
  const [draft, setDraft] = useState<string | null>(null);
  const current = () => (draft === null ? value : (parseWeight(draft) ?? value));
  const commit = (n: number) => {
    setDraft(null);
    onCommit(clampToStep(n, min, max, step));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const by: Record<string, number> = { ArrowUp: step, ArrowDown: -step, PageUp: 10 * step, PageDown: -10 * step };
    if (e.key in by) commit(current() + by[e.key]!);
    else if (e.key === "Home") commit(min);
    else if (e.key === "End") commit(max);
    else if (e.key === "Enter") commit(current());
    else if (e.key === "Escape") setDraft(null);
    else return;
    // The browser's own stepping would move the value a second time.
    e.preventDefault();
  };
  return (
    <Input
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      step={step}
      value={draft ?? String(value)}
      onChange={(_, d) => {
        setDraft(d.value);
        // A number within the bounds counts at once (Save lights up, the browser's own arrows work);
        // the text stays as typed until the box is left.
        const n = parseWeight(d.value);
        if (n !== null && n >= min && n <= max) onCommit(n);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (draft === null) return;
        const n = parseWeight(draft);
        if (n === null) setDraft(null);
        else commit(n);
      }}
    />
  );
}
