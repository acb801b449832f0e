/**
 * Nothing lost, on the real file host: the generated workbook is written by ExcelJS as a user's file,
 * opened by the file host, run through a use case, saved, and opened again. Every user value, note (on
 * an empty cell too: ExcelJS writes no <c> for it, as Excel does not) and fill must be in the saved file;
 * a second run on the saved file must give the same workbook. Fewer runs than on the in-memory port,
 * since each writes and reads real files (TRUST_RUNS, docs/trust.md). The property itself is in
 * support/nothing-lost-on-file.ts, shared with the streaming path's suite.
 */
import { COMMANDS } from "../fixtures/trust/commands";
import { numRuns } from "../fixtures/trust/plan-workbook";
import { assertNothingLostOnFile } from "./support/nothing-lost-on-file";
import { propertyTimeout } from "./support/property-timeout";

describe.each(COMMANDS)("$name on the file host, through a save and a re-open", (command) => {
  it(
    "keeps every user value, note and fill, writes no formula, pollutes nothing, and twice equals once",
    async () => {
      await assertNothingLostOnFile(command);
    },
    propertyTimeout(numRuns("xlsx", command.runShare)),
  );
});
