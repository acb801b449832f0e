/**
 * What the command line touches outside itself, injected so tests run commands in-process and see
 * exactly what a user would: the two output streams, whether stdout is a terminal, and today's date.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal: only then is a progress bar drawn. */
  isTTY: boolean;
  /** The clock, for the default --as-of (today, UTC) and the Cover's date. */
  now(): Date;
  /** The stream a progress bar draws on (stderr in a terminal). */
  progressStream?: NodeJS.WritableStream;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    now: () => new Date(),
    progressStream: process.stderr,
  };
}

/** Collects output in memory (tests, and callers that embed the CLI). */
export function memoryIo(
  now: Date = new Date("2025-06-30T12:00:00Z"),
): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    isTTY: false,
    now: () => now,
    out: () => out,
    err: () => err,
  };
}
