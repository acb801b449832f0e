import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, tempDir } from "./run-cli";
import { writeBook } from "./fixtures";

const COMMANDS = ["framework", "init", "validate", "score", "summarize", "annotate", "import"];

describe("--help", () => {
  it.each(COMMANDS)("iccwc-plan %s --help prints its usage and exits 0", async (command) => {
    const r = await cli(command, "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: iccwc-plan ${command}`);
    expect(r.err).toBe("");
  });

  it("lists every command in the top-level help", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.out).toContain(c);
  });

  it("with no command at all, prints the help and exits 2", async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage: iccwc-plan");
  });
});

/** One clear sentence (commander adds a pointer to --help), never a stack trace. */
function expectCleanFailure(r: { code: number; err: string; out: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err.trim().split("\n").length).toBeLessThanOrEqual(2);
}

describe("bad input: exit 2 and one sentence", () => {
  let dir: string;
  let plan: string;
  beforeAll(async () => {
    dir = await tempDir();
    plan = path.join(dir, "plan.xlsx");
    expect((await cli("init", plan)).code).toBe(0);
  });

  it("a missing file", async () => {
    expectCleanFailure(await cli("validate", path.join(dir, "nope.xlsx")), /does not exist/);
  });

  it("a text file named .xlsx", async () => {
    const f = path.join(dir, "text.xlsx");
    await fs.writeFile(f, "this is not a workbook\n");
    expectCleanFailure(await cli("validate", f), /xlsx|workbook|text|CSV/i);
  });

  it("a .csv file, saying what to do", async () => {
    const f = path.join(dir, "plan.csv");
    await fs.writeFile(f, "ID,Activity\nA-1,Workshop\n");
    expectCleanFailure(await cli("validate", f), /\.xlsx|Save As|Excel Workbook/i);
  });

  it("a corrupt (truncated) workbook", async () => {
    const f = path.join(dir, "truncated.xlsx");
    const bytes = await fs.readFile(plan);
    await fs.writeFile(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectCleanFailure(
      await cli("annotate", f, "-o", path.join(dir, "t-out.xlsx")),
      /corrupt|truncated|damaged|could not be read|repair/i,
    );
  });

  it("a workbook without an Activities sheet", async () => {
    const f = await writeBook(path.join(dir, "other.xlsx"), {
      Budget: [
        ["Item", "USD"],
        ["Travel", 100],
      ],
    });
    expectCleanFailure(await cli("validate", f), /no sheet named "Activities"/);
    expectCleanFailure(await cli("annotate", f, "-o", path.join(dir, "other-out.xlsx")), /no sheet named "Activities"/);
  });

  it("an empty Activities sheet", async () => {
    const f = await writeBook(path.join(dir, "empty.xlsx"), { Activities: [] });
    expectCleanFailure(await cli("validate", f), /Activities sheet is empty/);
    expectCleanFailure(await cli("annotate", f, "-o", path.join(dir, "empty-out.xlsx")), /Activities sheet is empty/);
  });

  it.each(["2025-02-30", "30/06/2025", "yesterday", "2025-6-30"])("--as-of %s", async (asOf) => {
    expectCleanFailure(
      await cli("validate", plan, "--as-of", asOf),
      /--as-of .* is not a date: write it as YYYY-MM-DD/,
    );
  });

  it("-o naming the input, unless --in-place", async () => {
    expectCleanFailure(await cli("annotate", plan, "-o", plan), /is the input workbook/);
    expectCleanFailure(await cli("annotate", plan, "-o", path.join(dir, ".", "plan.xlsx")), /is the input workbook/);
    expectCleanFailure(await cli("annotate", plan), /-o <out\.xlsx>/);
  });

  it("an output that is not .xlsx", async () => {
    expectCleanFailure(await cli("annotate", plan, "-o", path.join(dir, "out.csv")), /must end in \.xlsx/);
  });

  it("an unknown option or command", async () => {
    expectCleanFailure(await cli("validate", plan, "--frobnicate"), /unknown option/);
    expectCleanFailure(await cli("frobnicate"), /unknown command/);
  });

  it("--in-place replaces the input on purpose", async () => {
    const f = path.join(dir, "inplace.xlsx");
    await fs.copyFile(plan, f);
    const r = await cli("annotate", f, "--in-place", "--as-of", "2025-06-30");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Wrote");
  });
});
