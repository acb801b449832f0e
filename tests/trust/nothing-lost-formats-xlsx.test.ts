/**
 * Nothing lost beyond values, on the file host: a user's number formats, column widths, data
 * validations, defined names, hidden sheet and sheet order survive every command through a save and a
 * re-open, together with values, notes and fills; a second run on the saved file changes none of them.
 * Runs: as nothing-lost-xlsx (TRUST_RUNS, docs/trust.md).
 */
import fc from "fast-check";
import { openWorkbookBuffer } from "../../src/hosts/xlsx";
import { stateDiff, stateOfBook, stateOfXlsx, xlsxOfBook } from "../fixtures/trust/book-state";
import { COMMANDS } from "../fixtures/trust/commands";
import { numRuns, OWNED_SHEETS, planBook } from "../fixtures/trust/plan-workbook";
import { propertyTimeout } from "./support/property-timeout";
import { userNotesAndFillsKept, userValuesKept } from "../fixtures/trust/trust-checks";
import { addUserExtras, extrasState, userExtrasKept, withUserExtras } from "./support/user-extras";

/** Lines only in `a` ("gone") or only in `b` ("new"), at most 20: set-up formats tens of thousands of cells. */
function listDiff(a: string[], b: string[]): string[] {
  const x = new Set(a);
  const y = new Set(b);
  const out = [
    ...a.filter((l) => !y.has(l)).map((l) => `gone: ${l}`),
    ...b.filter((l) => !x.has(l)).map((l) => `new: ${l}`),
  ];
  return out.slice(0, 20);
}

async function runOnFile(bytes: Buffer, run: (typeof COMMANDS)[number]): Promise<Buffer> {
  const wb = await openWorkbookBuffer(bytes, "plan.xlsx");
  await run.run(wb.port, ["pivot", "chart"]);
  return wb.toBuffer();
}

describe.each(COMMANDS)(
  "$name on the file host keeps the user's formats, widths, validations, names and hidden sheet",
  (command) => {
    it(
      "through a save and a re-open, and twice equals once",
      async () => {
        await fc.assert(
          fc.asyncProperty(
            planBook({ dropColumns: command.dropColumns, maxRows: 5 }).chain(withUserExtras),
            async ({ book, extras }) => {
              const before = stateOfBook(book);
              const userSheets = Object.keys(book.sheets).filter((s) => !OWNED_SHEETS.has(s));
              const input = await addUserExtras(await xlsxOfBook(book), extras);

              const once = await runOnFile(input, command);
              const onceBook = await openWorkbookBuffer(once, "once.xlsx");
              const onceState = await stateOfXlsx(onceBook);
              expect([
                ...userExtrasKept(onceBook.workbook, extras, userSheets),
                ...userValuesKept(book, before, onceState, { appendsRows: command.appendsRows }),
                ...userNotesAndFillsKept(before, onceState),
              ]).toEqual([]);

              const twice = await runOnFile(once, command);
              const twiceBook = await openWorkbookBuffer(twice, "twice.xlsx");
              expect(stateDiff(onceState, await stateOfXlsx(twiceBook))).toEqual([]);
              expect(listDiff(extrasState(onceBook.workbook), extrasState(twiceBook.workbook))).toEqual([]);
            },
          ),
          { numRuns: numRuns("xlsx", command.runShare), endOnFailure: true },
        );
      },
      propertyTimeout(numRuns("xlsx", command.runShare)),
    );
  },
);

describe("the extras checks can fail", () => {
  it("name a lost format, width, validation, name, hidden state and a changed sheet order", async () => {
    const [sample] = fc.sample(planBook({ maxRows: 3 }).chain(withUserExtras), { numRuns: 1, seed: 7 });
    const { book } = sample!;
    const extras = {
      formats: [{ sheet: "Archive 2023", row: 2, col: 2, format: "#,##0" }],
      widths: [{ sheet: "Archive 2023", col: 1, width: 33 }],
      validations: [{ sheet: "Archive 2023", range: "B1:B2", rule: { type: "list" as const, formulae: ['"Yes,No"'] } }],
      names: [{ name: "MyBudget", sheet: "Archive 2023", range: "$A$1:$A$3" }],
      hidden: "Archive 2023",
    };
    // The user's file without the extras: every one of them reads as lost.
    const plain = await openWorkbookBuffer(await xlsxOfBook(book), "plain.xlsx");
    const problems = userExtrasKept(plain.workbook, extras, [...Object.keys(book.sheets)].reverse());
    expect(problems.join("\n")).toMatch(/number format/);
    expect(problems.join("\n")).toMatch(/width 33/);
    expect(problems.join("\n")).toMatch(/list validation/);
    expect(problems.join("\n")).toMatch(/name MyBudget/);
    expect(problems.join("\n")).toMatch(/hidden sheet/);
    expect(problems.join("\n")).toMatch(/now in the order/);
    // With them, none.
    const kept = await openWorkbookBuffer(await addUserExtras(await xlsxOfBook(book), extras), "kept.xlsx");
    expect(userExtrasKept(kept.workbook, extras, Object.keys(book.sheets))).toEqual([]);
  });
});
