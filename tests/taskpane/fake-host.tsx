/**
 * A fake PlanHost for component tests: every action is a jest mock with a harmless default, and
 * `renderPane` renders a panel (or the whole App) inside Fluent's provider with that host.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { CheckPlanResult } from "../../src/app/validate";
import type { Issue, Severity } from "../../src/core/issues";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { HostProvider } from "../../src/taskpane/components/host-context";
import type { PlanHost } from "../../src/taskpane/host/plan-host";

// CI runs suites in parallel on two cores: give findBy/waitFor room beyond their 1 s default (no assertion
// is about time; a slow render must not read as a failure).
configure({ asyncUtilTimeout: 15_000 });

// React 19 logs this when user-event's async steps resolve a state update outside RTL's act scope; it says
// nothing about the pane, so it is filtered here (every other console.error still shows).
const realError = console.error.bind(console);
jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].includes("not configured to support act")) return;
  realError(...args);
});

export type FakeHost = {
  [K in keyof PlanHost]: PlanHost[K] extends (...args: infer A) => infer R ? jest.Mock<R, A> : PlanHost[K];
};

export function fakeHost(overrides: Partial<Record<Exclude<keyof PlanHost, "name">, jest.Mock>> = {}): FakeHost {
  return {
    name: "Test",
    setUp: jest.fn(async () => ({
      apply: { applied: 12, skipped: [] },
      created: ["Activities", "Framework"],
      addedHeaders: [],
      sampleRows: 0,
      problems: [],
    })),
    check: jest.fn(async () => checkResult([])),
    readWeights: jest.fn(async () => ({ weights: { ...DEFAULT_SETTINGS.weights }, issues: [], fromSheet: true })),
    saveWeights: jest.fn(async () => ({ applied: 4, skipped: [] })),
    score: jest.fn(async () => {
      throw new Error("score not faked in this test");
    }),
    summarize: jest.fn(async () => {
      throw new Error("summarize not faked in this test");
    }),
    listSheets: jest.fn(async () => []),
    getSelection: jest.fn(async () => null),
    selectCell: jest.fn(async () => undefined),
    previewImport: jest.fn(async () => {
      throw new Error("previewImport not faked in this test");
    }),
    appendImport: jest.fn(async () => ({
      apply: { applied: 1, skipped: [] },
      appended: 0,
      rows: null,
      alreadyPresent: [],
      problems: [],
    })),
    ...overrides,
  } as FakeHost;
}

export function renderWithHost(ui: ReactElement, host: FakeHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={host as unknown as PlanHost}>{ui}</HostProvider>
    </FluentProvider>,
  );
}

/** An issue at a cell of Activities, as the validator reports one. */
export function issueAt(cell: string, code: string, severity: Severity, message: string, value = ""): Issue {
  const row = Number(/\d+$/.exec(cell)![0]);
  return { code, severity, sheet: "Activities", row, column: null, cell, value, message };
}

/** A check result carrying these issues (the parsed part is not read by the panel). */
export function checkResult(issues: Issue[], rowsChecked = 10): CheckPlanResult {
  const count = (s: Severity) => issues.filter((i) => i.severity === s).length;
  const byCode: Record<string, { severity: Severity; count: number }> = {};
  for (const i of issues) byCode[i.code] = { severity: i.severity, count: (byCode[i.code]?.count ?? 0) + 1 };
  return {
    report: {
      summary: { errors: count("error"), warnings: count("warning"), infos: count("info"), rowsChecked, byCode },
      issues,
      parsed: { sheet: "Activities", headerRow: 1, rows: [], issues: [] },
    },
  } as unknown as CheckPlanResult;
}
