/** What every command gets: the injected io and a way to report its exit code. */
import type { CliIo } from "./io";

export interface CommandContext {
  io: CliIo;
  /** The exit code the command ends with (0 unless set). */
  setExit(code: number): void;
  /** Today as YYYY-MM-DD in UTC, from the injected clock. */
  today(): string;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
