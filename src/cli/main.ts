/**
 * The command line's composition root: `iccwc-plan <command>`. bin/iccwc-plan.js calls main() with
 * the arguments after the script name and exits with the code it returns; main itself never exits,
 * so tests run every command in-process with their own io.
 */
import { Command, CommanderError } from "commander";
import { registerAnnotate } from "./commands/annotate";
import { registerFramework } from "./commands/framework";
import { registerInit } from "./commands/init";
import { registerImport } from "./commands/import";
import { registerScore } from "./commands/score";
import { registerSummarize } from "./commands/summarize";
import { registerValidate } from "./commands/validate";
import type { CommandContext } from "./context";
import { describeFailure, EXIT } from "./errors";
import { processIo, type CliIo } from "./io";

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command("iccwc-plan");
  program
    .description(
      "Check, score and summarise activity plans under the ICCWC Strategic Action Plan 2023-2026, on .xlsx files.",
    )
    .option("--debug", "on an unexpected error, print its details")
    .configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) })
    .showSuggestionAfterError(true)
    .exitOverride();
  registerFramework(program, ctx);
  registerInit(program, ctx);
  registerValidate(program, ctx);
  registerScore(program, ctx);
  registerSummarize(program, ctx);
  registerAnnotate(program, ctx);
  registerImport(program, ctx);
  // Subcommands copy these settings only when created after them; make sure each has them.
  for (const c of program.commands)
    c.exitOverride().configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) });
  return program;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exit: number = EXIT.ok;
  const ctx: CommandContext = { io, setExit: (c) => void (exit = c), today: () => io.now().toISOString().slice(0, 10) };
  const program = buildProgram(ctx);
  const debug = argv.includes("--debug");
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.unusable;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; commander has already printed the text.
      if (e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
      // Commander printed its one-line error; add where to look, and exit as unusable arguments.
      io.stderr(`Run "iccwc-plan ${commandOf(argv)}--help" for usage.\n`);
      return EXIT.unusable;
    }
    const f = describeFailure(e);
    io.stderr(`${f.message}\n`);
    if (debug && f.detail) io.stderr(`${f.detail}\n`);
    return f.code;
  }
}

function commandOf(argv: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith("-"));
  return first ? `${first} ` : "";
}
