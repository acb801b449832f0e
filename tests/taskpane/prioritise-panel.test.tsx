/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ScorePlanResult } from "../../src/app/score";
import { PrioritisePanel } from "../../src/taskpane/panels/PrioritisePanel";
import { fakeHost, renderWithHost } from "./fake-host";

const SHEET_WEIGHTS = { need: 0.5, valueAdded: 0.3, engagement: 0.2, priorityBonus: 10 };

function scoreResult(): ScorePlanResult {
  const activity = (id: string, score: number | null, band: "High" | "Medium" | "Low" | null, funding: string) => ({
    id,
    score,
    band,
    funding,
    row: 2,
  });
  return {
    result: {
      activities: [
        activity("A-1", 81, "High", "recommended"),
        activity("A-2", 52, "Medium", "recommended"),
        activity("A-3", 30, "Low", "below the line"),
        activity("A-4", null, null, "not scored"),
      ],
      funding: {
        availableFundsUsd: 250000,
        recommendedUsd: 240000,
        recommendedScore: 133,
        candidates: 3,
        method: "dp",
        exact: true,
        upperBoundScore: 133,
        note: "",
      },
      sensitivity: { thresholdPlaces: 5, runs: [] },
      rollups: { outcome: [], subOutcome: [], approach: [], country: [], leadAgency: [] },
    },
    settings: { bands: { high: 70, medium: 45 } },
    settingsIssues: [],
    validation: {},
    applyReport: { applied: 7, skipped: [] },
  } as unknown as ScorePlanResult;
}

describe("Prioritise panel", () => {
  it("reads the weights from the Settings sheet when it opens", async () => {
    const host = fakeHost({
      readWeights: jest.fn(async () => ({ weights: SHEET_WEIGHTS, issues: [], fromSheet: true })),
    });
    renderWithHost(<PrioritisePanel />, host);
    const need = (await screen.findByRole("spinbutton", { name: "Weight: need" })) as HTMLInputElement;
    expect(need.value).toBe("0.5");
    expect(screen.getByText("Shares: need 50%, value added 30%, engagement 20%.")).toBeTruthy();
    expect(host.readWeights).toHaveBeenCalledTimes(1);
  });

  it("writes nothing until Save weights, then saves exactly the edited weights", async () => {
    const user = userEvent.setup();
    const host = fakeHost({
      readWeights: jest.fn(async () => ({ weights: SHEET_WEIGHTS, issues: [], fromSheet: true })),
    });
    renderWithHost(<PrioritisePanel />, host);
    const save = screen.getByRole("button", { name: "Save weights" });
    const need = await screen.findByRole("spinbutton", { name: "Weight: need" });
    expect((save as HTMLButtonElement).disabled).toBe(true);

    await user.clear(need);
    await user.type(need, "0.7");
    await user.tab();
    expect(host.saveWeights).not.toHaveBeenCalled();
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));

    await user.click(save);
    expect(host.saveWeights).toHaveBeenCalledWith(
      { ...SHEET_WEIGHTS, need: 0.7 },
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(await screen.findByText(/Weights saved to the Settings sheet/)).toBeTruthy();
  });

  it("steps a weight with the arrow keys and keeps it within its range", async () => {
    const user = userEvent.setup();
    const host = fakeHost({
      readWeights: jest.fn(async () => ({
        weights: { ...SHEET_WEIGHTS, priorityBonus: 49 },
        issues: [],
        fromSheet: true,
      })),
    });
    renderWithHost(<PrioritisePanel />, host);
    const bonus = (await screen.findByRole("spinbutton", {
      name: "Priority country bonus (points)",
    })) as HTMLInputElement;
    bonus.focus();
    await user.keyboard("{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(bonus.value).toBe("50");
    await user.click(screen.getByRole("button", { name: "Save weights" }));
    expect(host.saveWeights).toHaveBeenCalledWith(expect.objectContaining({ priorityBonus: 50 }), expect.anything());
  });

  it("recomputes and shows the funding line and the bands", async () => {
    const user = userEvent.setup();
    const host = fakeHost({ score: jest.fn(async () => scoreResult()) });
    renderWithHost(<PrioritisePanel />, host);
    await screen.findByRole("spinbutton", { name: "Weight: need" });
    await user.click(screen.getByRole("button", { name: "Recompute scores" }));
    expect(host.score).toHaveBeenCalledWith(expect.objectContaining({ writeColumns: true }));
    expect(await screen.findByText("USD 250,000")).toBeTruthy();
    expect(screen.getByText("2 of 3 candidates, USD 240,000")).toBeTruthy();
    expect(screen.getByText(/High: 1 · Medium: 1 · Low: 1 · not scored: 1/)).toBeTruthy();
    expect(screen.getByText("Bands (High from 70, Medium from 45)")).toBeTruthy();
  });

  it("says what was not written when saving fails part way", async () => {
    const user = userEvent.setup();
    const failure = Object.assign(
      new Error(
        "Excel stopped while writing block 2 of 2: 3 of 4 changes were written, the rest were not. Run the command again to finish: it rewrites the same result.",
      ),
      { name: "ExcelApplyError" },
    );
    const host = fakeHost({ saveWeights: jest.fn(async () => Promise.reject(failure)) });
    renderWithHost(<PrioritisePanel />, host);
    const need = await screen.findByRole("spinbutton", { name: "Weight: need" });
    await user.clear(need);
    await user.type(need, "0.6");
    await user.tab();
    await user.click(screen.getByRole("button", { name: "Save weights" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("3 of 4 changes were written");
    expect(alert.textContent).toContain("Saving the weights did not finish");
  });
});
