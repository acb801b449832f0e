/**
 * Exit codes and the one-sentence messages a user sees. Every failure a user can meet has a typed error
 * here or in a host; anything else is a bug, printed as one line with a pointer to --debug.
 */
import { CommanderError } from "commander";
import { EmptyActivitiesError } from "../app/annotate";
import { isWorkbookFileError } from "../hosts/xlsx";
import { SheetNotFoundError } from "../ports/workbook-port";

export const EXIT = {
  ok: 0,
  /** validate found errors in the plan. */
  problems: 1,
  /** The input or the arguments cannot be used. */
  unusable: 2,
} as const;

/** A bad argument or option, caught before any file is read. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface Failure {
  code: number;
  /** One sentence, without a trailing newline. */
  message: string;
  /** Printed only with --debug. */
  detail?: string;
}

export function describeFailure(e: unknown): Failure {
  if (e instanceof UsageError) return { code: EXIT.unusable, message: e.message };
  if (isWorkbookFileError(e)) return { code: EXIT.unusable, message: e.message };
  if (e instanceof SheetNotFoundError) return { code: EXIT.unusable, message: e.message };
  if (e instanceof EmptyActivitiesError) return { code: EXIT.unusable, message: e.message };
  if (e instanceof CommanderError) return { code: EXIT.unusable, message: e.message };
  if (e instanceof Error && e.name === "AbortError")
    return { code: EXIT.unusable, message: "Cancelled: no file was written." };
  const text = e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : String(e);
  return {
    code: EXIT.unusable,
    message: `Unexpected error (${text}). Run with --debug for details.`,
    ...(e instanceof Error && e.stack ? { detail: e.stack } : {}),
  };
}
