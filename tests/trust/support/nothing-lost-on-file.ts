/**
 * The nothing-lost property on the real file host, shared by nothing-lost-xlsx.test.ts (each file on
 * the path its size chooses: the whole-workbook path for these small books) and
 * nothing-lost-streaming.test.ts (every file on the streaming path): the generated workbook is written
 * by ExcelJS as a user's file, opened by the file host, run through a use case, saved, and opened
 * again. Every user value, note (on an empty cell too) and fill must be in the saved file; a second run
 * on the saved file must give the same workbook.
 */
import fc from "fast-check";
import { openWorkbookBuffer, type FileLimits } from "../../../src/hosts/xlsx";
import { stateDiff, stateOfBook, stateOfXlsx, xlsxOfBook } from "../../fixtures/trust/book-state";
import type { COMMANDS } from "../../fixtures/trust/commands";
import { numRuns, planBook } from "../../fixtures/trust/plan-workbook";
import {
  formulaLikeTextKept,
  noFormulas,
  noPollution,
  prototypeKeys,
  userNotesAndFillsKept,
  userValuesKept,
} from "../../fixtures/trust/trust-checks";

/**
 * Runs the property for one command; `limits` choose the path. Resolves with the path each opening
 * of a user's file took ("whole" or "streaming").
 */
export async function assertNothingLostOnFile(
  command: (typeof COMMANDS)[number],
  limits?: Partial<FileLimits>,
): Promise<string[]> {
  const modes: string[] = [];
  const runOnFile = async (bytes: Buffer): Promise<Buffer> => {
    const wb = await openWorkbookBuffer(bytes, "plan.xlsx", limits);
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
    // Each run writes and reads real files (seconds each): report the first failing workbook rather
    // than spend minutes shrinking it; the in-memory suite shrinks the same properties.
    { numRuns: numRuns("xlsx", command.runShare), endOnFailure: true },
  );
  return modes;
}
