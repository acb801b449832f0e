/**
 * Nothing lost, on the file host's streaming path (docs/file-host.md "Two paths"): the property of
 * nothing-lost-xlsx.test.ts (support/nothing-lost-on-file.ts) with every workbook opened on the
 * streaming path (`streamAboveCells: 0`), so the streaming reader, apply and writer meet the
 * generator's awkward cells (control characters, 32,767-character text, formula-like text, error
 * values, `__proto__`, notes on empty cells, fills). A generated book holding something the streaming
 * path does not carry opens whole, which must lose nothing either; most runs must have streamed.
 */
import { COMMANDS } from "../fixtures/trust/commands";
import { numRuns } from "../fixtures/trust/plan-workbook";
import { assertNothingLostOnFile } from "./support/nothing-lost-on-file";
import { propertyTimeout } from "./support/property-timeout";

describe.each(COMMANDS)("$name on the streaming path, through a save and a re-open", (command) => {
  it(
    "keeps every user value, note and fill, writes no formula, pollutes nothing, and twice equals once",
    async () => {
      const modes = await assertNothingLostOnFile(command, { streamAboveCells: 0 });
      // The property means little if every book went whole.
      expect(modes.filter((m) => m === "streaming").length).toBeGreaterThan(modes.length / 2);
    },
    propertyTimeout(numRuns("xlsx", command.runShare)),
  );
});
