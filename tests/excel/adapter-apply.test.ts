import { ANNOTATION_MARK, type ChangeOp } from "../../src/core/changeset";
import { ChangeSetError } from "../../src/hosts/excel/errors";
import { activityRows, simWithPort } from "./sim-helpers";

const ops = (...o: ChangeOp[]) => ({ ops: o });

describe("createExcelPort.apply over the simulation: workbook state cell by cell", () => {
  it("writes values as data: formula-like, numeric-looking and apostrophe text stay exactly as typed", async () => {
    const { sim, port } = simWithPort({ Activities: [["ID", "Notes"]] });
    const risky = [
      '=HYPERLINK("http://evil")',
      "+cmd",
      "-2+3",
      "@SUM(A1)",
      "3.2",
      "1.1.1",
      "TRUE",
      "#N/A",
      "2024-01-31",
      "'quoted",
      "Jul 2023",
      "plain",
    ];
    await port.apply(ops({ kind: "values", sheet: "Activities", at: "B2", values: risky.map((t) => [t]) }));
    risky.forEach((t, i) => {
      expect(sim.value("Activities", `B${i + 2}`)).toBe(t);
      expect(sim.formula("Activities", `B${i + 2}`)).toBeUndefined();
    });
    // Plain text is not touched: no quote prefix where Excel would keep it as text anyway.
    expect(sim.quotePrefixed("Activities", "B13")).toBe(false);
    expect(sim.quotePrefixed("Activities", "B2")).toBe(true);
  });

  it("writes numbers, booleans, blanks, errors and per-column number formats", async () => {
    const { sim, port } = simWithPort({ S: [[null]] });
    await port.apply(
      ops({
        kind: "values",
        sheet: "S",
        at: "A1",
        values: [[45292, true, null, { error: "#N/A" }]],
        formats: ["yyyy-mm-dd", null, null, null],
      }),
    );
    expect(sim.value("S", "A1")).toBe(45292);
    expect(sim.numberFormat("S", "A1")).toBe("yyyy-mm-dd");
    expect(sim.value("S", "B1")).toBe(true);
    expect(sim.numberFormat("S", "B1")).toBe("General");
    expect(sim.value("S", "C1")).toBeNull();
    expect(sim.value("S", "D1")).toEqual({ error: "#N/A" });
  });

  it("applies every op kind", async () => {
    const { sim, port } = simWithPort({ Activities: activityRows(3), Lists: [["Agency"], ["UNODC"], ["WCO"]] });
    const report = await port.apply(
      ops(
        { kind: "ensureSheet", sheet: "Issues", position: 1, tabColor: "#C00000" },
        { kind: "ensureSheet", sheet: "_ICCWC", hidden: true },
        {
          kind: "values",
          sheet: "Issues",
          at: "A1",
          values: [
            ["Severity", "Cell"],
            ["error", "E2"],
          ],
        },
        { kind: "formulas", sheet: "Issues", at: "C2", formulas: [["COUNTA(A:A)"]] },
        {
          kind: "style",
          sheet: "Issues",
          range: "A1:B1",
          style: { bold: true, fill: "#DDDDDD", wrap: true, borderBottom: true, horizontal: "center" },
        },
        { kind: "numberFormat", sheet: "Activities", range: "K2:L4", format: "yyyy-mm-dd" },
        { kind: "columns", sheet: "Issues", widths: [10, null, 30] },
        { kind: "freeze", sheet: "Activities", rows: 1, cols: 0 },
        { kind: "table", sheet: "Activities", name: "tblActivities", range: "A1:S4", style: "TableStyleLight9" },
        { kind: "name", name: "lstAgencies", sheet: "Lists", range: "A2:A3" },
        {
          kind: "listValidation",
          sheet: "Activities",
          range: "F2:F4",
          source: "=lstAgencies",
          allowBlank: true,
          errorStyle: "warning",
          prompt: "Pick an agency",
          error: "Not an ICCWC partner",
        },
        {
          kind: "conditionalFormat",
          sheet: "Activities",
          range: "O2:O4",
          formula: "O2>1",
          style: { fill: "#F4CCCC", bold: true },
        },
        { kind: "note", sheet: "Activities", cell: "E2", text: `${ANNOTATION_MARK}Unknown approach` },
        { kind: "fill", sheet: "Activities", range: "E2", color: "#F4CCCC" },
        { kind: "link", sheet: "Issues", cell: "B2", text: "E2", toSheet: "Activities", toCell: "E2" },
        { kind: "protect", sheet: "Lists" },
        { kind: "table", sheet: "Lists", name: "tblAgencies", range: "A1:A3" },
        { kind: "ensureSheet", sheet: "Dashboard" },
        {
          kind: "pivot",
          name: "pvtBudget",
          sourceTable: "tblActivities",
          sheet: "Dashboard",
          at: "A3",
          rows: ["Outcome"],
          values: [{ field: "Budget (USD)", summary: "sum", name: "Budget" }],
        },
        {
          kind: "chart",
          name: "chtBudget",
          sheet: "Dashboard",
          sourceSheet: "Activities",
          sourceRange: "M1:M4",
          type: "columnClustered",
          at: "H3",
          title: "Budget",
        },
      ),
    );
    expect(report.skipped).toEqual([]);
    expect(sim.sheetNames()).toEqual(["Activities", "Issues", "Lists", "_ICCWC", "Dashboard"]);
    expect(sim.sheet("_ICCWC").visibility).toBe("Hidden");
    expect(sim.sheet("Issues").tabColor).toBe("#C00000");
    expect(sim.value("Issues", "B2")).toBe("E2");
    expect(sim.formula("Issues", "C2")).toBe("=COUNTA(A:A)");
    expect(sim.format("Issues", "A1")).toMatchObject({
      bold: true,
      fill: "#DDDDDD",
      wrap: true,
      borderBottom: "Continuous",
      horizontal: "Center",
    });
    expect(sim.numberFormat("Activities", "L4")).toBe("yyyy-mm-dd");
    expect(sim.numberFormat("Activities", "M4")).toBe("General");
    expect(sim.sheet("Issues").columnWidths.get(1)).toBe(56.25);
    expect(sim.sheet("Issues").columnWidths.has(2)).toBe(false);
    expect(sim.sheet("Activities").freeze).toEqual({ rows: 1, cols: 0 });
    expect(sim.table("tblActivities")).toEqual({
      name: "tblActivities",
      sheet: "Activities",
      range: "A1:S4",
      style: "TableStyleLight9",
    });
    expect(sim.name("lstAgencies")).toBe("=Lists!$A$2:$A$3");
    expect(sim.validations("Activities")).toEqual([
      { range: "F2:F4", source: "=lstAgencies", errorStyle: "Warning", ignoreBlanks: true },
    ]);
    expect(sim.conditionalFormats("Activities")).toEqual([
      { range: "O2:O4", formula: "=O2>1", fill: "#F4CCCC", bold: true, fontColor: undefined },
    ]);
    expect(sim.note("Activities", "E2")).toBe(`${ANNOTATION_MARK}Unknown approach`);
    expect(sim.fill("Activities", "E2")).toBe("#F4CCCC");
    expect(sim.hyperlink("Issues", "B2")).toMatchObject({ documentReference: "Activities!E2", textToDisplay: "E2" });
    expect(sim.sheet("Lists").protected).toBe(true);
    expect(sim.table("tblAgencies")?.range).toBe("A1:A3");
    expect(sim.pivots.get("pvtbudget")).toMatchObject({
      sheet: "Dashboard",
      at: "A3",
      source: "tblActivities",
      rows: ["Outcome"],
      values: [{ field: "Budget (USD)", summarizeBy: "Sum", name: "Budget" }],
    });
    expect([...sim.charts.values()]).toEqual([
      {
        name: "chtBudget",
        sheet: "Dashboard",
        type: "ColumnClustered",
        source: "Activities!M1:M4",
        title: "Budget",
        at: "H3",
      },
    ]);
    // User values untouched.
    expect(sim.value("Activities", "A2")).toBe("ACT-0001");
  });

  it("gives the same workbook when the same change set is applied twice (tables resized, names replaced, lists and formats not stacked)", async () => {
    const { sim, port } = simWithPort({ Activities: activityRows(3), Lists: [["Agency"], ["UNODC"]] });
    const cs = ops(
      { kind: "ensureSheet", sheet: "Issues" },
      { kind: "resetSheet", sheet: "Issues" },
      {
        kind: "values",
        sheet: "Issues",
        at: "A1",
        values: [
          ["Code", "Cell"],
          ["x", "E2"],
        ],
      },
      { kind: "table", sheet: "Issues", name: "tblIssues", range: "A1:B2" },
      { kind: "note", sheet: "Issues", cell: "A2", text: `${ANNOTATION_MARK}see` },
      { kind: "table", sheet: "Activities", name: "tblActivities", range: "A1:S4" },
      { kind: "name", name: "lstAgencies", sheet: "Lists", range: "A2:A2" },
      {
        kind: "listValidation",
        sheet: "Activities",
        range: "F2:F4",
        source: "=lstAgencies",
        allowBlank: true,
        errorStyle: "stop",
      },
      { kind: "conditionalFormat", sheet: "Activities", range: "O2:O4", formula: "O2>1", style: { fill: "#F4CCCC" } },
      { kind: "protect", sheet: "Lists" },
      { kind: "ensureSheet", sheet: "Dashboard" },
      {
        kind: "pivot",
        name: "pvt",
        sourceTable: "tblActivities",
        sheet: "Dashboard",
        at: "A1",
        rows: ["Status"],
        values: [{ field: "ID", summary: "count" }],
      },
      {
        kind: "chart",
        name: "cht",
        sheet: "Dashboard",
        sourceSheet: "Activities",
        sourceRange: "M1:M4",
        type: "pie",
        at: "F1",
        title: "t",
      },
    );
    await port.apply(cs);
    const once = JSON.stringify({
      g: sim.toGrids(),
      t: [...sim.tables.values()].sort((a, b) => a.name.localeCompare(b.name)),
      n: [...sim.names.values()],
      v: sim.validations("Activities"),
      c: sim.conditionalFormats("Activities"),
      p: [...sim.pivots.values()],
      ch: [...sim.charts.values()],
      notes: [...sim.allNotes()],
    });
    await port.apply(cs);
    const twice = JSON.stringify({
      g: sim.toGrids(),
      t: [...sim.tables.values()].sort((a, b) => a.name.localeCompare(b.name)),
      n: [...sim.names.values()],
      v: sim.validations("Activities"),
      c: sim.conditionalFormats("Activities"),
      p: [...sim.pivots.values()],
      ch: [...sim.charts.values()],
      notes: [...sim.allNotes()],
    });
    expect(twice).toBe(once);
    expect(sim.sheet("Lists").protected).toBe(true);
  });

  it("never overwrites or clears a user's own note, and clears only the add-in's fill colours", async () => {
    const { sim, port } = simWithPort({ Activities: activityRows(2) });
    sim.sheet("Activities").notes.set(2 * 20000 + 5, { content: "My own reminder", authorName: "Officer" });
    sim.sheet("Activities").formats.set(3 * 20000 + 5, { fill: "#FFFF00" });
    sim.sheet("Activities").formats.set(3 * 20000 + 6, { fill: "#F4CCCC" });
    const report = await port.apply(
      ops(
        { kind: "note", sheet: "Activities", cell: "E2", text: `${ANNOTATION_MARK}bad` },
        { kind: "clearNote", sheet: "Activities", cell: "E2" },
        { kind: "clearFill", sheet: "Activities", range: "E3:F3", colors: ["#F4CCCC", "#FFE8B3"] },
      ),
    );
    expect(sim.note("Activities", "E2")).toBe("My own reminder");
    expect(report.skipped.map((s) => s.kind)).toEqual(["note"]);
    expect(sim.fill("Activities", "E3")).toBe("#FFFF00");
    expect(sim.fill("Activities", "F3")).toBeNull();
  });

  it("paints the add-in's fill over no fill or its own, never over a user's colour", async () => {
    const { sim, port } = simWithPort({ Activities: activityRows(2) });
    sim.sheet("Activities").formats.set(2 * 20000 + 5, { fill: "#FFFF00" });
    sim.sheet("Activities").formats.set(2 * 20000 + 6, { fill: "#FFE8B3" });
    await port.apply(
      ops(
        { kind: "fill", sheet: "Activities", range: "E2", color: "#F4CCCC" },
        { kind: "fill", sheet: "Activities", range: "F2", color: "#F4CCCC" },
        { kind: "fill", sheet: "Activities", range: "G2", color: "#F4CCCC" },
      ),
    );
    expect(sim.fill("Activities", "E2")).toBe("#FFFF00");
    expect(sim.fill("Activities", "F2")).toBe("#F4CCCC");
    expect(sim.fill("Activities", "G2")).toBe("#F4CCCC");
  });

  it("on Excel 2019 (ExcelApi 1.7) skips notes, lists and pivots with a reason instead of failing", async () => {
    const { sim, port } = simWithPort({ Activities: activityRows(2) }, { excelApi: 7 });
    const report = await port.apply(
      ops(
        { kind: "note", sheet: "Activities", cell: "E2", text: `${ANNOTATION_MARK}bad` },
        { kind: "fill", sheet: "Activities", range: "E2", color: "#F4CCCC" },
        {
          kind: "listValidation",
          sheet: "Activities",
          range: "F2:F3",
          source: "=lstAgencies",
          allowBlank: true,
          errorStyle: "stop",
        },
        { kind: "table", sheet: "Activities", name: "tblActivities", range: "A1:S3" },
        {
          kind: "pivot",
          name: "p",
          sourceTable: "tblActivities",
          sheet: "Activities",
          at: "W1",
          rows: ["Status"],
          values: [{ field: "ID", summary: "count" }],
        },
      ),
    );
    expect(report.skipped.map((s) => s.kind).sort()).toEqual(["listValidation", "note", "pivot"]);
    expect(report.applied).toBe(2);
    expect(sim.fill("Activities", "E2")).toBe("#F4CCCC");
    expect(sim.note("Activities", "E2")).toBeNull();
    // Below 1.13 a table is converted and added again rather than resized: still one table.
    await port.apply(ops({ kind: "table", sheet: "Activities", name: "tblActivities", range: "A1:S2" }));
    expect(sim.table("tblActivities")?.range).toBe("A1:S2");
    expect(sim.tables.size).toBe(1);
  });

  it("refuses a bad change set before writing anything", async () => {
    const { sim, port } = simWithPort({ Activities: activityRows(1) });
    const before = JSON.stringify(sim.toGrids());
    await expect(
      port.apply(
        ops(
          { kind: "fill", sheet: "Activities", range: "E2", color: "#F4CCCC" },
          { kind: "values", sheet: "Missing", at: "A1", values: [["x"]] },
        ),
      ),
    ).rejects.toBeInstanceOf(ChangeSetError);
    await expect(
      port.apply(ops({ kind: "fill", sheet: "Activities", range: "not a range", color: "#F4CCCC" })),
    ).rejects.toThrow(/not a range address/);
    expect(JSON.stringify(sim.toGrids())).toBe(before);
    expect(sim.fill("Activities", "E2")).toBeNull();
  });

  it("stops between blocks when cancelled and says what was written", async () => {
    const { sim, port } = simWithPort({ S: [[null]] }, { blockBytes: 20_000 });
    const controller = new AbortController();
    const values = Array.from({ length: 3000 }, (_, i) => [`row ${i}`, i]);
    let blocks = 0;
    const p = port.apply(
      ops(
        { kind: "values", sheet: "S", at: "A1", values },
        { kind: "fill", sheet: "S", range: "A1", color: "#F4CCCC" },
      ),
      {
        signal: controller.signal,
        onProgress: () => {
          if (++blocks === 2) controller.abort();
        },
      },
    );
    await expect(p).rejects.toMatchObject({ name: "ExcelApplyError", cancelled: true, appliedOps: 0 });
    expect(sim.value("S", "A1")).toBe("row 0");
    expect(sim.fill("S", "A1")).toBeNull();
  });
});
