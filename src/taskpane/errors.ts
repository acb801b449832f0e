/**
 * Every failure the pane can meet becomes a title and one or two sentences: what happened and what to
 * do. Never a stack trace. Typed errors are matched by name (not instanceof), so this file needs none
 * of the hosts' code and works for errors that crossed a bundle boundary.
 */
import type { ApplyReport } from "../ports/workbook-port";

export interface Problem {
  title: string;
  message: string;
  /** "cancelled" shows as information, not as an error. */
  intent: "error" | "warning" | "info";
}

interface Named {
  name?: unknown;
  message?: unknown;
  code?: unknown;
}

function named(e: unknown): Named {
  return typeof e === "object" && e !== null ? (e as Named) : {};
}

/** Office error codes a programme officer can act on. */
const OFFICE_CODES: Record<string, string> = {
  ItemNotFound:
    "A sheet, table or name the pane needs is missing. Run Set up to repair the plan's sheets, then try again.",
  InvalidOperationInCellEditMode: "Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.",
  RequestPayloadSizeLimitExceeded:
    "The change was too large for Excel to take in one go. Try again; if it keeps failing, split the sheet.",
  ResponsePayloadSizeLimitExceeded:
    "The sheet is too large to read in one go. Try again; if it keeps failing, split the sheet.",
  AccessDenied: "The sheet is protected. Unprotect it (Review > Unprotect Sheet), then try again.",
  ApiNotFound: "This version of Excel does not support this action. Use Microsoft 365 or Excel 2021 or later.",
  GeneralException: "Excel could not finish the action. Save your workbook, then try again.",
};

export function isCancel(e: unknown): boolean {
  const n = named(e);
  return n.name === "AbortError" || (n.name === "ExcelApplyError" && (e as { cancelled?: unknown }).cancelled === true);
}

/** Messages written for people (our own errors say what to do); anything else is reported generically. */
const OWN_ERRORS = new Set([
  "SheetNotFoundError",
  "ChangeSetError",
  "ExcelApplyError",
  "EmptyActivitiesError",
  "WorkbookFileError",
  "PreviewFileError",
]);

export function describeError(e: unknown, action: string): Problem {
  const n = named(e);
  const message = typeof n.message === "string" ? n.message : "";
  if (isCancel(e)) {
    const written = n.name === "ExcelApplyError" ? message : "Cancelled: nothing was written to the workbook.";
    return { title: `${action} cancelled`, message: written, intent: "info" };
  }
  if (n.name === "SheetNotFoundError") {
    return { title: "A sheet is missing", message, intent: "warning" };
  }
  if (typeof n.name === "string" && OWN_ERRORS.has(n.name) && message) {
    return { title: `${action} did not finish`, message, intent: "error" };
  }
  const code = typeof n.code === "string" ? n.code : "";
  const known = OFFICE_CODES[code];
  if (known) return { title: `${action} did not finish`, message: `${known} Nothing was written.`, intent: "error" };
  // Unknown errors: keep the first line of the message only (never a stack), and say what to do.
  const first = message.split("\n")[0]?.slice(0, 300) ?? "";
  return {
    title: `${action} did not finish`,
    message:
      `${first ? `${first}. ` : ""}The workbook was not changed by this step. Try again; if it fails again, save the workbook and reopen it.`.replace(
        /\.\. /,
        ". ",
      ),
    intent: "error",
  };
}

/** "Not applied: ..." for an ApplyReport, or null when everything was applied. */
export function skippedSentence(report: ApplyReport | null | undefined): string | null {
  if (!report || report.skipped.length === 0) return null;
  const reasons = new Map<string, number>();
  for (const s of report.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  return `Not applied (${report.skipped.length}): ${[...reasons].map(([r, n]) => (n > 1 ? `${r} (${n} changes)` : r)).join("; ")}.`;
}
