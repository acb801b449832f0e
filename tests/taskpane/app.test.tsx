/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SummarizePlanResult } from "../../src/app/summarize";
import { App } from "../../src/taskpane/App";
import type { PlanHost } from "../../src/taskpane/host/plan-host";
import { fakeHost, renderWithHost } from "./fake-host";

function summaries(): SummarizePlanResult {
  const rows = (n: number) => Array.from({ length: n }, () => ({}));
  return {
    summaries: {
      asOf: "2025-06-30",
      generatedOn: "2025-06-30",
      periodMonths: 3,
      facts: rows(240),
      byOutcome: rows(5),
      bySubOutcome: rows(13),
      byApproach: rows(40),
      byAgency: rows(5),
      byCountry: rows(12),
      byYear: rows(4),
      coverage: rows(40),
      issues: [],
    },
    validation: {},
    issues: [],
    applyReport: { applied: 30, skipped: [{ kind: "pivot", reason: "PivotTables are made in Excel" }] },
  } as unknown as SummarizePlanResult;
}

describe("The pane", () => {
  it("moves between panels with the keyboard alone (Tab into the tab list, arrows, Enter, Tab into the panel)", async () => {
    const user = userEvent.setup();
    const host = fakeHost({ summarize: jest.fn(async () => summaries()) });
    renderWithHost(<App host={host as unknown as PlanHost} />, host);

    await user.tab();
    expect(document.activeElement?.getAttribute("role")).toBe("tab");
    expect(document.activeElement?.id).toBe("tab-setup");
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(document.activeElement?.id).toBe("tab-summaries");
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tabpanel").getAttribute("data-panel")).toBe("summaries");

    const build = await screen.findByRole("button", { name: "Build summaries" });
    for (let i = 0; i < 6 && document.activeElement !== build; i++) await user.tab();
    expect(document.activeElement).toBe(build);
    await user.keyboard("{Enter}");
    expect(host.summarize).toHaveBeenCalledWith(
      expect.objectContaining({ generatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    );
    const tables = await screen.findByRole("table", { name: "Summary tables" });
    expect(within(tables).getByText("tblFacts")).toBeTruthy();
    expect(within(tables).getByText("240 rows")).toBeTruthy();
    expect(screen.getByText("Generated on 2025-06-30 (as of 2025-06-30).")).toBeTruthy();
    expect(screen.getByText(/Not applied \(1\): PivotTables are made in Excel/)).toBeTruthy();
  });

  afterEach(() => jest.restoreAllMocks());

  it("Set up says which sheets it created and what it could not do", async () => {
    const user = userEvent.setup();
    const host = fakeHost({
      setUp: jest.fn(async () => ({
        apply: { applied: 40, skipped: [{ kind: "note" as const, reason: "notes need ExcelApi 1.18" }] },
        created: ["Framework", "Lists"],
        addedHeaders: ["Engagement"],
        sampleRows: 0,
        problems: [],
      })),
    });
    renderWithHost(<App host={host as unknown as PlanHost} />, host);
    await user.click(screen.getByRole("button", { name: "Set up the plan" }));
    expect(await screen.findByText("Created: Framework, Lists.")).toBeTruthy();
    expect(screen.getByText("Headers added to Activities: Engagement.")).toBeTruthy();
    expect(screen.getByText(/Not applied \(1\): notes need ExcelApi 1.18/)).toBeTruthy();
  });

  it("a long operation shows progress and can be cancelled: the signal reaches the host and nothing is reported as done", async () => {
    const user = userEvent.setup();
    let seen: AbortSignal | undefined;
    const host = fakeHost({
      setUp: jest.fn(
        (o: { signal?: AbortSignal; onProgress?: (p: { fraction: number; message: string }) => void }) =>
          new Promise((_resolve, reject) => {
            seen = o.signal;
            o.onProgress?.({ fraction: 0.4, message: "Writing block 2 of 5" });
            o.signal?.addEventListener("abort", () =>
              reject(Object.assign(new Error("Cancelled before anything was written."), { name: "AbortError" })),
            );
          }),
      ) as never,
    });
    renderWithHost(<App host={host as unknown as PlanHost} />, host);
    await user.click(screen.getByRole("button", { name: "Set up the plan" }));
    expect(await screen.findByText("Writing block 2 of 5")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(seen?.aborted).toBe(true);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Set up cancelled");
    expect(alert.textContent).toContain("nothing was written");
    expect(screen.queryByText(/^Created:/)).toBeNull();
  });
});
