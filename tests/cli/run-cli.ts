/** Run the command line in-process, as a user would from a shell, and capture what it prints. */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { memoryIo } from "../../src/cli/io";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const io = memoryIo(new Date("2025-07-01T09:00:00Z"));
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "iccwc-cli-"));
}
