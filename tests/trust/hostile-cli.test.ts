/**
 * Hostile files through the real command line, as others will feed them: `node bin/iccwc-plan.js
 * validate <file>` and `annotate <file> -o out.xlsx` in a child process under /usr/bin/time. Each must
 * end with exit 2, one line on stderr that names the problem, no stack trace, and no file written.
 * Time and peak memory per case go to test-artifacts/trust/hostile-cli.json (figures, not assertions);
 * the only bound asserted is a generous timeout, so a hang fails.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as hostile from "../fixtures/trust/hostile-files";
import { commentsXml, notedPackage, run as noteRun } from "../xlsx/support/noted-package";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "iccwc-plan.js");
const ARTIFACT = path.join(ROOT, "test-artifacts", "trust", "hostile-cli.json");
/** A hang fails the test; a refusal takes well under a second (see the artifact). */
const HANG_MS = 60_000;

interface Case {
  name: string;
  file: string;
  bytes: () => Buffer;
  /** The stderr line must match this: it names the problem. */
  says: RegExp;
}

const CASES: Case[] = [
  {
    name: "zip bomb (sheet part inflates to 2 GiB)",
    file: "bomb.xlsx",
    bytes: () => hostile.zipBomb(2),
    says: /compress|expand|inflat|too large|limit|MB|GB/i,
  },
  {
    name: "zip bomb (part declares 4 GB)",
    file: "declared-bomb.xlsx",
    bytes: hostile.declaredBomb,
    says: /compress|expand|inflat|too large|limit|MB|GB/i,
  },
  {
    name: "billion laughs in a sheet part",
    file: "laughs-sheet.xlsx",
    bytes: hostile.laughsInSheet,
    says: /entit|DOCTYPE|DTD/i,
  },
  {
    name: "billion laughs in shared strings",
    file: "laughs-strings.xlsx",
    bytes: hostile.laughsInSharedStrings,
    says: /entit|DOCTYPE|DTD/i,
  },
  {
    name: "dimension claiming 1,048,576 x 16,384",
    file: "whole-grid.xlsx",
    bytes: hostile.claimsWholeGrid,
    says: /cells|rows|columns|dimension/i,
  },
  {
    name: "a note on row 2,000,000 (beyond Excel's rows)",
    file: "far-note.xlsx",
    bytes: () =>
      notedPackage([
        {
          name: "Activities",
          sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
          comments: commentsXml(["x"], [{ ref: "A2000000", text: noteRun("far away") }]),
        },
      ]),
    says: /cells|rows|columns|notes/i,
  },
  {
    name: "truncated archive",
    file: "truncated.xlsx",
    bytes: () => hostile.truncated(hostile.smallWorkbook()),
    says: /corrupt|truncat|damaged|could not be read|not a complete/i,
  },
  {
    name: "password-protected workbook",
    file: "locked.xlsx",
    bytes: hostile.passwordProtected,
    says: /password|encrypt/i,
  },
  { name: "Excel 97-2003 .xls", file: "old.xls", bytes: hostile.legacyXls, says: /\.xls\b|97|2003|Save As/i },
  { name: ".csv", file: "plan.csv", bytes: hostile.csv, says: /csv|text/i },
  { name: "empty file", file: "empty.xlsx", bytes: () => Buffer.alloc(0), says: /empty/i },
  {
    name: "random bytes",
    file: "noise.xlsx",
    bytes: () => hostile.randomBytes(64 * 1024),
    says: /not an? .*workbook|not .*xlsx|not a spreadsheet|not a zip|cannot|could not/i,
  },
  {
    name: "PNG renamed .xlsx",
    file: "picture.xlsx",
    bytes: hostile.png,
    says: /not an? .*workbook|not .*xlsx|image|PNG|not a spreadsheet/i,
  },
];

interface Figures {
  case: string;
  command: string;
  bytes: number;
  exitCode: number | null;
  seconds: number;
  /** User + system CPU seconds of the CLI process (from /usr/bin/time). */
  cpuSeconds: number | null;
  peakRssMb: number | null;
  stderr: string;
}

/** Run the CLI under /usr/bin/time -v (its report goes to a file, apart from the CLI's own stderr). */
async function runCli(
  args: string[],
  cwd: string,
): Promise<{
  code: number | null;
  stderr: string;
  stdout: string;
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
}> {
  const timeFile = path.join(cwd, `.time-${process.hrtime.bigint()}.txt`);
  const started = process.hrtime.bigint();
  const child = spawn("/usr/bin/time", ["-v", "-o", timeFile, process.execPath, BIN, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const timer = setTimeout(() => child.kill("SIGKILL"), HANG_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  clearTimeout(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakRssMb: number | null = null;
  let cpuSeconds: number | null = null;
  try {
    const report = await fs.readFile(timeFile, "utf8");
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (kb) peakRssMb = Math.round(Number(kb[1]) / 1024);
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && sys) cpuSeconds = Number((Number(user[1]) + Number(sys[1])).toFixed(2));
  } finally {
    await fs.rm(timeFile, { force: true });
  }
  return { code, stderr, stdout, seconds, cpuSeconds, peakRssMb };
}

const figures: Figures[] = [];
let dir = "";

beforeAll(async () => {
  // Build the command line once (as `npm run build:cli` does). tsc may report type errors in files
  // others are still editing; it emits anyway, so what matters is that the entry point exists.
  await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).catch(() => undefined);
  if (!existsSync(path.join(ROOT, "build", "cli", "src", "cli", "main.js")))
    throw new Error("the CLI did not build: run `npx tsc -p tsconfig.cli.json` and read its errors");
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "iccwc-trust-cli-"));
  // The cost of starting the command line at all, to read each refusal's figures against.
  const help = await runCli(["--help"], dir);
  figures.push({
    case: "baseline: iccwc-plan --help",
    command: "--help",
    bytes: 0,
    exitCode: help.code,
    seconds: Number(help.seconds.toFixed(3)),
    cpuSeconds: help.cpuSeconds,
    peakRssMb: help.peakRssMb,
    stderr: "",
  });
}, 240_000);

afterAll(async () => {
  await fs.mkdir(path.dirname(ARTIFACT), { recursive: true });
  await fs.writeFile(
    ARTIFACT,
    `${JSON.stringify({ node: process.version, hangTimeoutMs: HANG_MS, loadAverage: os.loadavg(), runs: figures }, null, 2)}\n`,
  );
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.each(CASES)("hostile file through the CLI: $name", (c) => {
  it.each([["validate"], ["annotate"]])(
    "%s exits 2 with one sentence naming the problem, no stack trace and no file written",
    async (command) => {
      const caseDir = await fs.mkdtemp(path.join(dir, `${command}-`));
      const input = path.join(caseDir, c.file);
      const bytes = c.bytes();
      await fs.writeFile(input, bytes);
      const args =
        command === "validate"
          ? ["validate", input, "--as-of", "2025-06-30"]
          : ["annotate", input, "-o", path.join(caseDir, "out.xlsx"), "--as-of", "2025-06-30"];
      const run = await runCli(args, caseDir);
      figures.push({
        case: c.name,
        command,
        bytes: bytes.length,
        exitCode: run.code,
        seconds: Number(run.seconds.toFixed(3)),
        cpuSeconds: run.cpuSeconds,
        peakRssMb: run.peakRssMb,
        stderr: run.stderr.trim(),
      });

      expect(run.code).toBe(2);
      const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(c.says);
      expect(run.stderr).not.toMatch(/^\s+at |Error:|Unexpected error/m);
      expect(run.stdout).toBe("");
      // Nothing written: the folder holds the input alone, byte for byte as it was.
      expect(await fs.readdir(caseDir)).toEqual([c.file]);
      expect((await fs.readFile(input)).equals(bytes)).toBe(true);
    },
    HANG_MS + 10_000,
  );
});

describe("the hostile files are what they claim to be", () => {
  it("the zip bomb is small on disk and declares more than 2 GiB for its sheet part", () => {
    const bomb = hostile.zipBomb(2);
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    // The central directory entry of the sheet part: its uncompressed size field.
    const at = bomb.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml"));
    const central = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at);
    expect(bomb.readUInt32LE(central + 24)).toBeGreaterThan(2 * 1024 ** 3);
  });

  it(
    "the baseline workbook they depart from is accepted by the CLI (so each refusal is about the hostile part)",
    async () => {
      const caseDir = await fs.mkdtemp(path.join(dir, "baseline-"));
      const input = path.join(caseDir, "small.xlsx");
      await fs.writeFile(input, hostile.smallWorkbook());
      const run = await runCli(["validate", input, "--as-of", "2025-06-30"], caseDir);
      // Headers ID and Activity only: the plan's other columns are missing, which validate reports (exit 1), not refuses.
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect([0, 1]).toContain(run.code);
    },
    HANG_MS,
  );
});
