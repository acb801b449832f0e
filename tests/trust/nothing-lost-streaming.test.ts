/**
 * Nothing lost, on the file host's streaming path (docs/file-host.md "Two paths"): the same property as
 * nothing-lost-xlsx.test.ts, with every workbook opened on the streaming path (`streamAboveCells: 0`),
 * so the streaming reader, apply and writer meet the generator's awkward cells (control characters,
 * 32,767-character text, formula-like text, error values, `__proto__`, notes on empty cells, fills).
 * A generated book holding something the streaming path does not carry opens whole, which must lose
 * nothing either; the test also checks that most runs did go through the streaming path.
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

const STREAM = { streamAboveCells: 0 };

describe.each(COMMANDS)("$name on the streaming path, through a save and a re-open", (command) => {
  it(
    "keeps every user value, note and fill, writes no formula, pollutes nothing, and twice equals once",
    async () => {
      const modes: string[] = [];
      const runOnFile = async (bytes: Buffer): Promise<Buffer> => {
        const wb = await openWorkbookBuffer(bytes, "plan.xlsx", STREAM);
        modes.push(wb.mode);
        await command.run(wb.port, ["pivot", "chart"]);
        return wb.toBuffer();
      };
      await fc.assert(
        fc.asyncProperty(planBook({ dropColumns: command.dropColumns, maxRows: 6 }), async (book) => {
          const before = stateOfBook(book);
          const keys = prototypeKeys();
          const once = await runOnFile(await xlsxOfBook(book));
          const onceState = await stateOfXlsx(await openWorkbookBuffer(once, "once.xlsx"));
          expect([
            ...userValuesKept(book, before, onceState, { appendsRows: command.appendsRows }),
            ...userNotesAndFillsKept(before, onceState),
            ...formulaLikeTextKept(before, onceState),
            ...noFormulas(onceState),
            ...noPollution(keys),
          ]).toEqual([]);
          const twice = await runOnFile(once);
          expect(stateDiff(onceState, await stateOfXlsx(await openWorkbookBuffer(twice, "twice.xlsx")))).toEqual([]);
        }),
        { numRuns: numRuns("xlsx", command.runShare), endOnFailure: true },
      );
      // The property above means little if every book went whole.
      expect(modes.filter((m) => m === "streaming").length).toBeGreaterThan(modes.length / 2);
    },
    propertyTimeout(numRuns("xlsx", command.runShare)),
  );
});
