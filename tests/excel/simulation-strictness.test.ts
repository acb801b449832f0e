import { SimulatedOfficeError, SimWorkbook, runSimulated } from "../../src/hosts/excel/simulation";

describe("the simulation is as strict as Office.js", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const sim = SimWorkbook.fromGrids({ Activities: [["ID"], ["ACT-0001"]] });
    await runSimulated(sim, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Activities").getRange("A2");
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([["ACT-0001"]]);
      expect(() => range.numberFormat).toThrow(SimulatedOfficeError);
    });
  });

  it("applies queued writes only at sync, and counts each sync with its payload", async () => {
    const sim = SimWorkbook.fromGrids({ Activities: [["ID"]] });
    await runSimulated(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem("Activities").getRange("A2:B2").values = [["ACT-0002", "Workshop"]];
      expect(sim.value("Activities", "A2")).toBeNull();
      await ctx.sync();
    });
    expect(sim.value("Activities", "B2")).toBe("Workshop");
    expect(sim.syncs).toHaveLength(1);
    expect(sim.syncs[0]!.requestBytes).toBeGreaterThan(JSON.stringify([["ACT-0002", "Workshop"]]).length);
  });

  it("types a written '=...' string into a formula, as Excel does, and keeps apostrophe text as text", async () => {
    const sim = SimWorkbook.fromGrids({ S: [[null]] });
    await runSimulated(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:D1").values = [['=HYPERLINK("x")', "'=cmd", "3.2", "'3.2"]];
      await ctx.sync();
    });
    expect(sim.formula("S", "A1")).toBe('=HYPERLINK("x")');
    expect(sim.value("S", "B1")).toBe("=cmd");
    expect(sim.formula("S", "B1")).toBeUndefined();
    expect(sim.value("S", "C1")).toBe(3.2);
    expect(sim.value("S", "D1")).toBe("3.2");
  });

  it("rejects a request over 5 MB and writes nothing", async () => {
    const sim = SimWorkbook.fromGrids({ S: [[null]] });
    const big = Array.from({ length: 60000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    await expect(
      runSimulated(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange(`A1:A${big.length}`).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(sim.value("S", "A1")).toBeNull();
  });

  it("rejects a response over 5 MB and a read over 5,000,000 cells", async () => {
    const rows = Array.from({ length: 60000 }, (_, i) => [`row ${i} ${"y".repeat(80)}`]);
    const sim = SimWorkbook.fromGrids({ S: rows });
    await expect(
      runSimulated(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await expect(
      runSimulated(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:E1000001").load("valueTypes");
        await ctx.sync();
      }),
    ).rejects.toThrow(/5000000 cells/);
  });

  it("fails with ApiNotFound when a call needs a newer requirement set than the host has", async () => {
    const sim = SimWorkbook.fromGrids({ S: [["x"]] }, { excelApi: 7 });
    expect(sim.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(sim.isSetSupported("ExcelApi", "1.18")).toBe(false);
    await expect(
      runSimulated(sim, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").notes.add("A1", "hello");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("reports a missing sheet through getItemOrNullObject and fails getItem at sync", async () => {
    const sim = SimWorkbook.fromGrids({ S: [["x"]] });
    await runSimulated(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => ws.isNullObject).toThrow(SimulatedOfficeError);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });
});
