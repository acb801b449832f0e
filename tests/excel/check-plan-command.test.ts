import { runCheckPlanCommand } from "../../src/commands/check-plan-command";
import { SimWorkbook, simulatedRun } from "../../src/hosts/excel/simulation";
import { HEADERS } from "./sim-helpers";

describe("the Check plan ribbon command", () => {
  it("writes the Issues sheet and selects it", async () => {
    const sim = SimWorkbook.fromGrids({
      Activities: [
        HEADERS,
        [
          "ACT-0001",
          "Row",
          "1",
          "1.1",
          "7.7.7",
          "UNODC",
          "National",
          "KEN",
          "Planning",
          "Planned",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
      ],
    });
    const result = await runCheckPlanCommand({
      run: simulatedRun(sim),
      portOptions: { isSetSupported: sim.isSetSupported },
      asOf: "2025-06-30",
    });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/Checked 1 rows: [1-9]\d* errors/);
    expect(sim.selection).toEqual({ sheet: "Issues", address: "A1" });
    expect(sim.activeSheet).toBe("Issues");
  });

  it("answers with one sentence, not an exception, when there is no Activities sheet", async () => {
    const sim = SimWorkbook.fromGrids({ Sheet1: [["x"]] });
    const result = await runCheckPlanCommand({
      run: simulatedRun(sim),
      portOptions: { isSetSupported: sim.isSetSupported },
      asOf: "2025-06-30",
    });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('no sheet named "Activities"') });
    expect(sim.sheetNames()).toEqual(["Sheet1"]);
  });
});
