/**
 * Nothing lost, on the real file host: the generated workbook is written by ExcelJS as a user's file,
 * opened by the file host, run through a use case, saved, and opened again. Every user value, note (on
 * an empty cell too: ExcelJS writes no <c> for it, as Excel does not) and fill must be in the saved file;
 * a second run on the saved file must give the same workbook. Fewer runs than on the in-memory port,
 * since each writes and reads real files (TRUST_RUNS, docs/trust.md).
 */
import fc from "fast-check";
import { openWorkbookBuffer } from "../../src/hosts/xlsx";
import { stateDiff, stateOfBook, stateOfXlsx, xlsxOfBook } from "../fixtures/trust/book-state";
import { COMMANDS } from "../fixtures/trust/commands";
import { numRuns, planBook } from "../fixtures/trust/plan-workbook";
import { propertyTimeout } from "./support/property-timeout";
import {
  formulaLikeTextKept,
  noFormulas,
  noPollution,
  prototypeKeys,
  userNotesAndFillsKept,
  userValuesKept,
} from "../fixtures/trust/trust-checks";

/** Open, run the command, save: the bytes of the output file. */
async function runOnFile(bytes: Buffer, run: (typeof COMMANDS)[number]): Promise<Buffer> {
  const wb = await openWorkbookBuffer(bytes, "plan.xlsx");
  await run.run(wb.port, ["pivot", "chart"]);
  return wb.toBuffer();
}

describe.each(COMMANDS)("$name on the file host, through a save and a re-open", (command) => {
  it(
    "keeps every user value, note and fill, writes no formula, pollutes nothing, and twice equals once",
    async () => {
      await fc.assert(
        fc.asyncProperty(planBook({ dropColumns: command.dropColumns, maxRows: 6 }), async (book) => {
          const before = stateOfBook(book);
          const keys = prototypeKeys();
          const input = await xlsxOfBook(book);

          const once = await runOnFile(input, command);
          const onceState = await stateOfXlsx(await openWorkbookBuffer(once, "once.xlsx"));
          expect([
            ...userValuesKept(book, before, onceState, { appendsRows: command.appendsRows }),
            ...userNotesAndFillsKept(before, onceState),
            ...formulaLikeTextKept(before, onceState),
            ...noFormulas(onceState),
            ...noPollution(keys),
          ]).toEqual([]);

          const twice = await runOnFile(once, command);
          expect(stateDiff(onceState, await stateOfXlsx(await openWorkbookBuffer(twice, "twice.xlsx")))).toEqual([]);
        }),
        // Each run writes and reads real files (seconds each): report the first failing workbook rather
        // than spend minutes shrinking it; the in-memory suite shrinks the same properties.
        { numRuns: numRuns("xlsx", command.runShare), endOnFailure: true },
      );
    },
    propertyTimeout(numRuns("xlsx", command.runShare)),
  );
});
