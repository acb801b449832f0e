/**
 * Nothing lost, on the in-memory port: for every use case, on generated action-plan workbooks, every
 * user value survives, a second run changes nothing, user notes and fills stay, formula-like text stays
 * text, and no object prototype is touched. TRUST_RUNS sets the number of runs (docs/trust.md).
 */
import fc from "fast-check";
import { loadMemoryExtras, stateOfBook, stateDiff, stateOfMemory } from "../fixtures/trust/book-state";
import { COMMANDS } from "../fixtures/trust/commands";
import { numRuns, planBook } from "../fixtures/trust/plan-workbook";
import {
  formulaLikeTextKept,
  noFormulas,
  noPollution,
  prototypeKeys,
  userNotesAndFillsKept,
  userValuesKept,
} from "../fixtures/trust/trust-checks";
import { MemoryWorkbook } from "../support/memory-workbook";

describe.each(COMMANDS)("$name on the in-memory port", (command) => {
  it("keeps every user value, note and fill, writes no formula, pollutes nothing, and twice equals once", async () => {
    await fc.assert(
      fc.asyncProperty(planBook({ dropColumns: command.dropColumns }), async (book) => {
        const wb = new MemoryWorkbook(book.sheets);
        loadMemoryExtras(wb, book);
        const before = stateOfBook(book);
        const keys = prototypeKeys();

        await command.run(wb.port);
        const once = stateOfMemory(wb);
        const problems = [
          ...userValuesKept(book, before, once, { appendsRows: command.appendsRows }),
          ...userNotesAndFillsKept(before, once),
          ...formulaLikeTextKept(before, once),
          ...noFormulas(once),
          ...noPollution(keys),
        ];
        expect(problems).toEqual([]);

        await command.run(wb.port);
        expect(stateDiff(once, stateOfMemory(wb))).toEqual([]);
      }),
      { numRuns: numRuns("memory", command.runShare) },
    );
  });
});
