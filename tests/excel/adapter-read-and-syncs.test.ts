import { ANNOTATION_MARK, type ChangeOp } from "../../src/core/changeset";
import { SheetNotFoundError } from "../../src/ports/workbook-port";
import { createExcelPort } from "../../src/hosts/excel/excel-workbook-port";
import { SimWorkbook, simulatedRun } from "../../src/hosts/excel/simulation";
import { activityRows, simWithPort } from "./sim-helpers";

describe("createExcelPort.readSheet", () => {
  it("reads the used range from A1 with errors as CellError, empties as null and dates as serials", async () => {
    const { port } = simWithPort({
      Activities: [
        ["ID", "Start date", "Budget (USD)"],
        ["ACT-0001", 45292, { error: "#N/A" }],
        [null, null, null],
        ["ACT-0003", "2024-13-01", 5],
      ],
    });
    const grid = await port.readSheet("Activities");
    expect(grid).toMatchObject({ sheet: "Activities", top: 1, left: 1 });
    expect(grid.rows).toEqual([
      ["ID", "Start date", "Budget (USD)"],
      ["ACT-0001", 45292, { error: "#N/A" }],
      [null, null, null],
      ["ACT-0003", "2024-13-01", 5],
    ]);
  });

  it("reads formulas and number formats when asked, telling text that starts with '=' from a formula", async () => {
    const { sim, port } = simWithPort({ S: [["Total", null]] });
    await port.apply({
      ops: [
        { kind: "values", sheet: "S", at: "A2", values: [["=not a formula", 45292]], formats: [null, "yyyy-mm-dd"] },
        { kind: "formulas", sheet: "S", at: "B1", formulas: [["SUM(B2:B2)"]] },
      ],
    });
    const grid = await port.readSheet("S", { formulas: true, numberFormats: true });
    expect(sim.value("S", "A2")).toBe("=not a formula");
    expect(grid.formulas).toEqual([
      [null, "SUM(B2:B2)"],
      [null, null],
    ]);
    expect(grid.numberFormats).toEqual([
      [null, null],
      [null, "yyyy-mm-dd"],
    ]);
  });

  it("throws SheetNotFoundError for a missing sheet and gives an empty grid for an empty one", async () => {
    const { sim, port } = simWithPort({ Empty: [] });
    await expect(port.readSheet("Activities")).rejects.toBeInstanceOf(SheetNotFoundError);
    expect((await port.readSheet("Empty")).rows).toEqual([]);
    expect(sim.sheetNames()).toEqual(["Empty"]);
  });

  it("reads 100,000 rows x 19 columns in blocks that each stay under the 5 MB and 5M-cell limits", async () => {
    const rows = activityRows(100_000);
    const { sim, port } = simWithPort({ Activities: rows });
    const grid = await port.readSheet("Activities");
    expect(grid.rows).toHaveLength(100_001);
    expect(grid.rows[100_000]).toEqual(rows[100_000]);
    const t = sim.totals();
    expect(t.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(t.responseBytes).toBeGreaterThan(5 * 1024 * 1024); // so it really had to be split
    expect(t.syncs).toBeGreaterThan(2);
    for (const s of sim.syncs) expect(s.cellsRead).toBeLessThanOrEqual(5_000_000);
  });

  it("halves a block that comes back too large because later rows are fatter than the first ones", async () => {
    const rows = activityRows(3000);
    for (let i = 1000; i <= 3000; i++) rows[i]![18] = "n".repeat(3000);
    // The host allows 2 MB; the first 500-row block suggests about 1.5 MB for 3,000 rows, then fat rows arrive.
    const sim = SimWorkbook.fromGrids({ Activities: rows }, { limits: { responseBytes: 2_000_000 } });
    const port = createExcelPort(simulatedRun(sim), {
      isSetSupported: sim.isSetSupported,
      read: { responseBytes: 1_500_000 },
    });
    const grid = await port.readSheet("Activities");
    expect(grid.rows).toHaveLength(3001);
    expect(grid.rows[3000]![18]).toBe("n".repeat(3000));
    expect(sim.syncs.some((s) => s.responseBytes > 2_000_000)).toBe(true); // a refused block, retried smaller
  });
});

describe("sync counts do not grow with the number of rows", () => {
  function annotationOps(rows: number): ChangeOp[] {
    const ops: ChangeOp[] = [
      { kind: "ensureSheet", sheet: "Issues" },
      { kind: "resetSheet", sheet: "Issues" },
    ];
    const issues: (string | number)[][] = [["Severity", "Cell", "Message"]];
    for (let r = 2; r <= rows + 1; r += 10) {
      ops.push(
        { kind: "note", sheet: "Activities", cell: `E${r}`, text: `${ANNOTATION_MARK}Unknown approach` },
        { kind: "fill", sheet: "Activities", range: `E${r}`, color: "#F4CCCC" },
      );
      issues.push(["error", `E${r}`, "Unknown approach"]);
    }
    ops.push(
      { kind: "values", sheet: "Issues", at: "A1", values: issues },
      { kind: "table", sheet: "Issues", name: "tblIssues", range: `A1:C${issues.length}` },
    );
    return ops;
  }

  it("applies 1,000 and 10,000 rows of annotations with syncs = fixed inspection + payload blocks", async () => {
    const counts: Record<number, { syncs: number; maxRequest: number }> = {};
    for (const n of [1000, 10000]) {
      const { sim, port } = simWithPort({ Activities: activityRows(n) });
      sim.resetCounters();
      await port.apply({ ops: annotationOps(n) });
      const t = sim.totals();
      counts[n] = { syncs: t.syncs, maxRequest: t.maxRequestBytes };
      expect(sim.note("Activities", "E12")).toBe(`${ANNOTATION_MARK}Unknown approach`);
      expect(sim.table("tblIssues")?.range).toBe(`A1:C${n / 10 + 1}`);
      expect(t.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    }
    // Ten times the rows: the same handful of syncs (inspection reads and write blocks are sized by bytes, not rows).
    expect(counts[1000]!.syncs).toBeLessThanOrEqual(4);
    expect(counts[10000]!.syncs).toBeLessThanOrEqual(counts[1000]!.syncs + 2);
  });

  it("writes 100,000 rows of values in a few blocks, each under the request limit, calculation suspended per block", async () => {
    const { sim, port } = simWithPort({ Activities: [["ID"]] });
    sim.resetCounters();
    const rows = activityRows(100_000);
    await port.apply({ ops: [{ kind: "values", sheet: "Activities", at: "A1", values: rows }] });
    const t = sim.totals();
    expect(sim.value("Activities", "A100001")).toBe("ACT-100000");
    expect(t.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    // Every write block suspends calculation once; the other syncs are the fixed inspection reads.
    const writeSyncs = sim.calculationSuspensions;
    expect(writeSyncs).toBeGreaterThan(1);
    expect(writeSyncs).toBeLessThan(20);
    expect(t.syncs - writeSyncs).toBeLessThanOrEqual(2);
  });
});
