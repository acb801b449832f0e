/** Errors the Excel host can raise to the task pane and the ribbon command. */
import type { ChangeKind } from "../../core/changeset";

/** A change set the adapter refused before writing anything (a bad address, a write to a missing sheet). */
export class ChangeSetError extends Error {
  override readonly name = "ChangeSetError";
  constructor(
    readonly opIndex: number,
    readonly kind: ChangeKind,
    detail: string,
  ) {
    super(`Change ${opIndex + 1} (${kind}) cannot be applied: ${detail}. Nothing was written to the workbook.`);
  }
}

/**
 * A failure or a cancel while writing. Writes go in blocks (each one sync); the blocks before
 * `failedBlock` are in the workbook, the rest are not.
 */
export class ExcelApplyError extends Error {
  override readonly name = "ExcelApplyError";
  constructor(
    readonly appliedOps: number,
    readonly totalOps: number,
    readonly failedBlock: number,
    readonly blocks: number,
    readonly reason: unknown,
    readonly cancelled = false,
  ) {
    super(
      `${cancelled ? "Cancelled" : "Excel stopped"} while writing block ${failedBlock + 1} of ${blocks}: ${
        appliedOps === 0
          ? "nothing was written"
          : `${appliedOps} of ${totalOps} changes were written, the rest were not`
      }.${cancelled ? "" : ` ${reason instanceof Error ? reason.message : String(reason)}`} Run the command again to finish: it rewrites the same result.`,
    );
  }
}
