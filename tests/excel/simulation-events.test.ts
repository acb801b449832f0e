/**
 * The simulation's worksheet change events and selection, held to what Office.js does: handlers live
 * from their sync, events arrive after the change (never inside it), the add-in's own writes raise
 * them too, `remove()` goes through the context the handler was added with.
 */
import { SimulatedOfficeError, SimWorkbook, simulatedRun } from "../../src/hosts/excel/simulation";

type Args = Excel.WorksheetChangedEventArgs;

function workbook(excelApi = 18): SimWorkbook {
  return SimWorkbook.fromGrids(
    {
      Activities: [
        ["ID", "Activity"],
        ["ACT-0001", "Old"],
      ],
      Tracker: [["x"]],
    },
    { excelApi },
  );
}

/** Listen to a sheet's onChanged; returns the events seen and the registration. */
async function listen(sim: SimWorkbook, sheet = "Activities") {
  const seen: Args[] = [];
  const run = simulatedRun(sim);
  const registration = await run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).onChanged.add(async (e: Args) => void seen.push(e));
    await context.sync();
    return r;
  });
  return { seen, registration, run };
}

describe("worksheet change events in the simulation", () => {
  it("a person's edit raises one event, after the edit, with the address, the sheet's id and the cell's details", async () => {
    const sim = workbook();
    const { seen } = await listen(sim);
    sim.userEdit("Activities", "B2", [["New title"]]);
    // Delivered asynchronously, as Excel posts events: nothing yet inside the edit.
    expect(seen).toHaveLength(0);
    await sim.events.settled();
    expect(seen).toHaveLength(1);
    const e = seen[0]!;
    expect(e).toMatchObject({
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "Unknown",
      address: "B2",
      worksheetId: sim.sheet("Activities").id,
    });
    expect(e.details).toMatchObject({
      valueBefore: "Old",
      valueAfter: "New title",
      valueTypeBefore: "String",
      valueTypeAfter: "String",
    });
    expect(sim.value("Activities", "B2")).toBe("New title");
  });

  it("a paste raises one event for its block, without details; another sheet's edit reaches no handler of this one", async () => {
    const sim = workbook();
    const { seen } = await listen(sim);
    sim.userEdit("Activities", "A3", [
      ["ACT-0002", "x"],
      ["ACT-0003", "y"],
    ]);
    sim.userEdit("Tracker", "A1", [["changed"]]);
    await sim.events.settled();
    expect(seen.map((e) => e.address)).toEqual(["A3:B4"]);
    expect(seen[0]!.details).toBeUndefined();
  });

  it("the add-in's own writes raise events too, marked ThisLocalAddin (ExcelApi 1.14); format changes raise none", async () => {
    const sim = workbook();
    const { seen, run } = await listen(sim);
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Activities");
      ws.getRange("B2").values = [["Written by the add-in"]];
      ws.getRange("A2:B2").format.fill.color = "#FFC7CE";
      await context.sync();
    });
    await sim.events.settled();
    expect(seen.map((e) => [e.address, e.source, e.triggerSource])).toEqual([["B2", "Local", "ThisLocalAddin"]]);
  });

  it("below ExcelApi 1.14 an event carries no triggerSource, and below 1.9 no details", async () => {
    const sim13 = workbook(13);
    const a = await listen(sim13);
    sim13.userEdit("Activities", "B2", [["x"]]);
    await sim13.events.settled();
    expect(a.seen[0]!.triggerSource).toBeUndefined();
    expect(a.seen[0]!.details).toMatchObject({ valueAfter: "x" });

    const sim8 = workbook(8);
    const b = await listen(sim8);
    sim8.userEdit("Activities", "B2", [["x"]]);
    await sim8.events.settled();
    expect(b.seen[0]!.address).toBe("B2");
    expect(b.seen[0]!.details).toBeUndefined();
  });

  it("a handler is live only after its sync", async () => {
    const sim = workbook();
    const seen: string[] = [];
    await simulatedRun(sim)(async (context) => {
      context.workbook.worksheets.getItem("Activities").onChanged.add(async (e: Args) => void seen.push(e.address));
      sim.userEdit("Activities", "B2", [["before the sync"]]);
      await context.sync();
    });
    sim.userEdit("Activities", "B2", [["after the sync"]]);
    await sim.events.settled();
    expect(seen).toEqual(["B2"]);
    expect(sim.events.raised.filter((e) => e.address === "B2")).toHaveLength(1);
  });

  it("remove() works through the context the handler was added with, and only there", async () => {
    const sim = workbook();
    const { seen, registration, run } = await listen(sim);
    // The mistake Office.js punishes: removing in a new context sends nothing; the handler stays.
    await run(async (context) => {
      registration.remove();
      await context.sync();
    });
    sim.userEdit("Activities", "B2", [["still heard"]]);
    await sim.events.settled();
    expect(seen).toHaveLength(1);

    await run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(sim.events.listeners).toBe(0);
    sim.userEdit("Activities", "B2", [["not heard"]]);
    await sim.events.settled();
    expect(seen).toHaveLength(1);
  });

  it("WorksheetCollection.onChanged hears every sheet (ExcelApi 1.9); Worksheet.onChanged needs 1.7", async () => {
    const sim = workbook();
    const seen: string[] = [];
    await simulatedRun(sim)(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e: Args) => void seen.push(`${e.worksheetId} ${e.address}`));
      await context.sync();
    });
    sim.userEdit("Tracker", "C3", [["a"]]);
    sim.userEdit("Activities", "A5", [["b"]]);
    await sim.events.settled();
    expect(seen).toEqual([`${sim.sheet("Tracker").id} C3`, `${sim.sheet("Activities").id} A5`]);

    const old = workbook(6);
    await expect(listen(old)).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("a person's edit is typed as Excel types it: numbers, dates with a date format, '= as text, and a formula", async () => {
    const sim = workbook();
    const out = sim.userEdit("Activities", "C2", [["45000", "2024-03-01", "'=not a formula", "=A1"]]);
    expect(sim.value("Activities", "C2")).toBe(45000);
    expect(sim.value("Activities", "D2")).toBe(45352);
    expect(sim.numberFormat("Activities", "D2")).toBe("yyyy-mm-dd");
    expect(sim.value("Activities", "E2")).toBe("=not a formula");
    expect(sim.formula("Activities", "E2")).toBeUndefined();
    expect(sim.formula("Activities", "F2")).toBe("=A1");
    expect(out.dateCells).toEqual(["D2"]);
    expect(out.formulas[0]).toEqual([null, null, null, "=A1"]);
  });

  it("a protected sheet refuses a person's edit, and raises nothing", async () => {
    const sim = workbook();
    const { seen } = await listen(sim);
    sim.sheet("Activities").protected = true;
    expect(() => sim.userEdit("Activities", "B2", [["x"]])).toThrow(SimulatedOfficeError);
    await sim.events.settled();
    expect(seen).toHaveLength(0);
  });
});

describe("the selection in the simulation", () => {
  it("getSelectedRange reads a person's selection, strictly: address only after load and sync", async () => {
    const sim = workbook();
    sim.userSelect("Tracker", "B2:D9");
    const address = await simulatedRun(sim)(async (context) => {
      const range = context.workbook.getSelectedRange();
      expect(() => range.address).toThrow(/load/);
      range.load("address");
      await context.sync();
      return range.address;
    });
    expect(address).toBe("Tracker!B2:D9");
    expect(sim.selection).toEqual({ sheet: "Tracker", address: "B2:D9" });
    expect(sim.activeSheet).toBe("Tracker");
  });

  it("with nothing selected yet, the selection is A1 of the first visible sheet, as in a new workbook", async () => {
    const sim = workbook();
    sim.sheet("Activities").visibility = "Hidden";
    const address = await simulatedRun(sim)(async (context) => {
      const range = context.workbook.getSelectedRange().load("address");
      await context.sync();
      return range.address;
    });
    expect(address).toBe("Tracker!A1");
  });

  it("range.select() and worksheet.activate(): each sheet keeps its own selection, as Excel does", async () => {
    const sim = workbook();
    const run = simulatedRun(sim);
    await run(async (context) => {
      context.workbook.worksheets.getItem("Activities").getRange("B2").select();
      await context.sync();
    });
    sim.userSelect("Tracker", "C3");
    await run(async (context) => {
      context.workbook.worksheets.getItem("Activities").activate();
      await context.sync();
    });
    expect(sim.selection).toEqual({ sheet: "Activities", address: "B2" });
    const active = await run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return ws.name;
    });
    expect(active).toBe("Activities");
    // A hidden sheet cannot be activated.
    sim.sheet("Tracker").visibility = "Hidden";
    expect(() => sim.userSelect("Tracker", "A1")).toThrow(/hidden/);
  });
});
