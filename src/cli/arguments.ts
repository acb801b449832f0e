/** Checks on arguments that need no file: dates, file names, output versus input. */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-06-30" -> itself; anything else, or a date that does not exist (2025-02-30), is a UsageError. */
export function parseAsOf(text: string): string {
  const m = ISO_DATE.exec(text.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return text.trim();
  }
  throw new UsageError(`--as-of "${text}" is not a date: write it as YYYY-MM-DD, for example --as-of 2025-06-30.`);
}

/** An output workbook must be named .xlsx: the file is an Excel workbook whatever its name says. */
export function requireXlsxOutput(file: string, option: string): string {
  if (!/\.xlsx$/i.test(file))
    throw new UsageError(`${option} "${file}" must end in .xlsx: the output is an Excel workbook.`);
  return file;
}

/** Both paths name the same file (after resolving "./", symbolic links and, where the file exists, its real path). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    const abs = path.resolve(p);
    try {
      return fs.realpathSync(abs);
    } catch {
      return abs;
    }
  };
  const ra = real(a);
  const rb = real(b);
  // Windows and macOS file systems ignore case by default; a false "same" only costs a refusal.
  return process.platform === "linux" ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

/**
 * The output path for a command that writes a new workbook from an input one: -o is required, and
 * naming the input is refused unless --in-place says so.
 */
export function resolveOutput(input: string, output: string | undefined, inPlace: boolean | undefined): string {
  if (output === undefined) {
    if (inPlace) return input;
    throw new UsageError(`Name the output workbook with -o <out.xlsx> (or pass --in-place to replace "${input}").`);
  }
  requireXlsxOutput(output, "-o");
  if (samePath(input, output) && !inPlace) {
    throw new UsageError(
      `-o "${output}" is the input workbook: name a different output file, or pass --in-place to replace it.`,
    );
  }
  return output;
}

/** Create the output's folder (out/ in `npm run demo`) so a fresh clone needs no mkdir. */
export function ensureParentFolder(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
