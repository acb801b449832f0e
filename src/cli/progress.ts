/**
 * A progress bar on long runs, drawn only when stdout is a terminal (never in pipes, logs or tests).
 * cli-progress does the drawing; this file only decides when.
 */
import { SingleBar, Presets } from "cli-progress";
import type { ProgressReport } from "../ports/workbook-port";
import type { CliIo } from "./io";

export interface Progress {
  update(p: ProgressReport): void;
  stop(): void;
}

export function startProgress(io: CliIo, title: string): Progress {
  if (!io.isTTY || !io.progressStream) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${title} [{bar}] {percentage}% {message}`,
      stream: io.progressStream,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(100, 0, { message: "" });
  return {
    update: (p) => bar.update(Math.round(p.fraction * 100), { message: p.message }),
    stop: () => bar.stop(),
  };
}
