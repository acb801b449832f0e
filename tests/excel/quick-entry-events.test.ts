/**
 * Quick entry driven by the simulation's change events, as a person types in Excel: one batch per burst
 * of edits, the codes and the ID filled, a bad value flagged, and its own writes never taken for typing
 * (ExcelApi 1.14 through triggerSource; below it, through the cells it just wrote).
 */
import type { ChangeSet } from "../../src/core/changeset";
import type { CellValue } from "../../src/core/grid";
import { startQuickEntry, type QuickEntryHandle } from "../../src/hosts/excel/quick-entry";
import type { QuickEntryDecision } from "../../src/hosts/excel/quick-entry-logic";
import { simulatedRun } from "../../src/hosts/excel/simulation";
import type { WorkbookPort } from "../../src/ports/workbook-port";
import { HEADERS, simWithPort } from "./sim-helpers";

const rowWith = (fields: Record<string, CellValue>): CellValue[] => HEADERS.map((h) => fields[h] ?? null);
const col = (header: string): string => String.fromCharCode(65 + HEADERS.indexOf(header));
const DELAY = 30;

/** Quick entry over a simulated plan, with every apply counted. */
async function started(excelApi: number) {
  const { sim, port } = simWithPort(
    {
      Activities: [
        HEADERS,
        rowWith({ ID: "ACT-0007", Activity: "Existing", Outcome: "1", "Sub-outcome": "1.1", Approach: "1.1.1" }),
      ],
    },
    { excelApi },
  );
  const applied: ChangeSet[] = [];
  const counted: WorkbookPort = { ...port, apply: (c, o) => (applied.push(c), port.apply(c, o)) };
  const decisions: QuickEntryDecision[] = [];
  const errors: unknown[] = [];
  let wake: () => void = () => undefined;
  const handle: QuickEntryHandle = await startQuickEntry(simulatedRun(sim), counted, {
    delayMs: DELAY,
    asOf: () => "2025-06-30",
    onDecision: (d) => {
      decisions.push(d);
      wake();
    },
    onError: (e) => errors.push(e),
  });
  /** Wait for the next decision, then for every event it raised and a quiet spell longer than a burst. */
  const nextDecision = async (): Promise<void> => {
    await new Promise<void>((resolve) => (wake = resolve));
    await quiet();
  };
  const quiet = async (): Promise<void> => {
    await sim.events.settled();
    await new Promise((resolve) => setTimeout(resolve, DELAY * 4));
    await sim.events.settled();
  };
  return { sim, handle, applied, decisions, errors, nextDecision, quiet };
}

describe.each([
  ["Microsoft 365 (ExcelApi 1.18, triggerSource)", 18],
  ["Excel 2019 level below 1.14 (no triggerSource)", 13],
])("quick entry on change events: %s", (_label, excelApi) => {
  it("a burst of typing in a new row makes one batch: outcome, sub-outcome and the next ID filled, the typing kept", async () => {
    const q = await started(excelApi);
    const decided = q.nextDecision();
    q.sim.userEdit("Activities", `${col("Activity")}3`, [["Ranger training"]]);
    q.sim.userEdit("Activities", `${col("Approach")}3`, [["3.2.4"]]);
    await decided;
    expect(q.errors).toEqual([]);
    expect(q.decisions).toHaveLength(1);
    expect(q.applied).toHaveLength(1);
    expect(q.sim.value("Activities", `${col("Outcome")}3`)).toBe("3");
    expect(q.sim.value("Activities", `${col("Sub-outcome")}3`)).toBe("3.2");
    expect(q.sim.value("Activities", "A3")).toBe("ACT-0008");
    expect(q.sim.value("Activities", `${col("Approach")}3`)).toBe("3.2.4");
    expect(q.sim.value("Activities", `${col("Activity")}3`)).toBe("Ranger training");
    // Its own writes raised events (Excel does that) and none of them started another batch.
    expect(q.sim.events.raised.length).toBeGreaterThan(2);
    expect(q.decisions).toHaveLength(1);
    expect(q.applied).toHaveLength(1);
    await q.handle.stop();
  });

  it("a bad value is flagged at once with the add-in's note and fill, and unflagged when corrected", async () => {
    const q = await started(excelApi);
    const agency = `${col("Lead agency")}2`;
    let decided = q.nextDecision();
    q.sim.userEdit("Activities", agency, [["Not an agency"]]);
    await decided;
    // Notes need ExcelApi 1.18; below it the fill marks the cell (and "Check plan" lists the message).
    if (excelApi >= 18) expect(q.sim.note("Activities", agency)).toMatch(/^ICCWC check:/);
    expect(q.sim.fill("Activities", agency)).not.toBeNull();
    decided = q.nextDecision();
    q.sim.userEdit("Activities", agency, [["UNODC"]]);
    await decided;
    expect(q.sim.note("Activities", agency)).toBeNull();
    expect(q.sim.fill("Activities", agency)).toBeNull();
    expect(q.decisions).toHaveLength(2);
    await q.handle.stop();
  });

  it("stop() removes the handler: later typing is left alone", async () => {
    const q = await started(excelApi);
    await q.handle.stop();
    expect(q.sim.events.listeners).toBe(0);
    q.sim.userEdit("Activities", `${col("Approach")}3`, [["3.2.4"]]);
    await q.quiet();
    expect(q.decisions).toHaveLength(0);
    expect(q.sim.value("Activities", "A3")).toBeNull();
  });
});

describe("quick entry and other writers", () => {
  it("ignores a co-author's edit (source Remote) and the add-in's other writes", async () => {
    const q = await started(18);
    q.sim.userEdit("Activities", `${col("Approach")}3`, [["3.2.4"]], "remote");
    await simulatedRun(q.sim)(async (context) => {
      context.workbook.worksheets.getItem("Activities").getRange(`${col("Approach")}4`).values = [["2.1.1"]];
      await context.sync();
    });
    await q.quiet();
    expect(q.decisions).toHaveLength(0);
    expect(q.sim.value("Activities", "A3")).toBeNull();
    await q.handle.stop();
  });
});
