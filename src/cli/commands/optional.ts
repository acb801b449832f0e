/**
 * Commands whose use cases are written by others and may not have landed yet: each is registered only
 * when its module is present, so the command line always builds and never offers a command it cannot run.
 */
import type { Command } from "commander";
import type { CommandContext } from "../context";
import { registerSummarize } from "./summarize";

export function registerOptionalCommands(program: Command, ctx: CommandContext): void {
  registerSummarize(program, ctx);
  // score and import are wired here as their use cases land (src/app/score.ts, src/app/import.ts).
}
