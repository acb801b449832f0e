/** @jest-environment jsdom */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { validateActivities } from "../../src/core/validate";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { CheckPanel } from "../../src/taskpane/panels/CheckPanel";
import { checkResult, fakeHost, issueAt, renderWithHost } from "./fake-host";

const ISSUES = [
  issueAt("E3", "approach-unknown", "error", 'Approach "9.9.9" is not in the plan: pick one from the list.', "9.9.9"),
  issueAt(
    "F5",
    "agency-unknown",
    "warning",
    'Lead agency "Interpool" is not known: did you mean INTERPOL?',
    "Interpool",
  ),
  issueAt("E5", "approach-unknown", "error", 'Approach "7" is not in the plan: pick one from the list.', "7"),
];

describe("Check panel", () => {
  it("lists the issues of the report with counts by severity, and clicking one selects its cell", async () => {
    const user = userEvent.setup();
    const host = fakeHost({ check: jest.fn(async () => checkResult(ISSUES, 4)) });
    renderWithHost(<CheckPanel />, host);

    await user.click(screen.getByRole("button", { name: "Check the plan" }));

    expect(host.check).toHaveBeenCalledWith(
      expect.objectContaining({ annotate: true, asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    );
    expect(await screen.findByText("4 rows checked:")).toBeTruthy();
    expect(screen.getByText("errors")).toBeTruthy();
    expect(screen.getByText("warning")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Issues" });
    expect(within(list).getByText("approach-unknown (2)")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: /at Activities!F5/ }));
    expect(host.selectCell).toHaveBeenCalledWith("Activities", "F5");
    expect(await screen.findByText("Selected Activities!F5.")).toBeTruthy();
  });

  it("groups by row when switched, rows in sheet order", async () => {
    const user = userEvent.setup();
    const host = fakeHost({ check: jest.fn(async () => checkResult(ISSUES)) });
    renderWithHost(<CheckPanel />, host);
    await user.click(screen.getByRole("button", { name: "Check the plan" }));
    await user.click(await screen.findByRole("switch"));

    const headings = within(screen.getByRole("list", { name: "Issues" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "")
      .filter((t) => t.startsWith("Row"));
    expect(headings).toEqual(["Row 3 (1)", "Row 5 (2)"]);
  });

  it("passes the as-of date typed by the user and refuses a date that is not a date", async () => {
    const user = userEvent.setup();
    const host = fakeHost();
    renderWithHost(<CheckPanel />, host);
    const date = screen.getByLabelText("Check as of");
    await user.clear(date);
    await user.type(date, "2025-06-30");
    await user.click(screen.getByRole("button", { name: "Check the plan" }));
    expect(host.check).toHaveBeenLastCalledWith(expect.objectContaining({ asOf: "2025-06-30" }));
  });

  it("pages thousands of issues instead of rendering them all", async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 2500 }, (_, i) =>
      issueAt(`E${i + 2}`, "approach-unknown", "error", `Approach in row ${i + 2} is not in the plan.`),
    );
    const host = fakeHost({ check: jest.fn(async () => checkResult(many, 2500)) });
    renderWithHost(<CheckPanel />, host);
    await user.click(screen.getByRole("button", { name: "Check the plan" }));

    expect(await screen.findByText("Page 1 of 25")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^error at Activities!/ })).toHaveLength(100);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("Page 2 of 25")).toBeTruthy();
    expect(screen.getByRole("button", { name: /Activities!E102:/ })).toBeTruthy();
  });

  it("runs the real validator's report through the panel: a bad approach in E3 selects E3", async () => {
    const user = userEvent.setup();
    const rows = [
      [...ACTIVITY_HEADERS],
      [
        "ACT-001",
        "Joint port operation",
        "1",
        "1.1",
        "1.1.1",
        "UNODC",
        "National",
        "Kenya",
        "Implementation",
        "In progress",
      ],
      [
        "ACT-002",
        "Rangers' training",
        "1",
        "1.1",
        "9.9.9",
        "UNODC",
        "National",
        "Kenya",
        "Implementation",
        "In progress",
      ],
    ];
    const report = validateActivities({ sheet: "Activities", top: 1, left: 1, rows }, { asOf: "2025-06-30" });
    const host = fakeHost({ check: jest.fn(async () => ({ report })) });
    renderWithHost(<CheckPanel />, host);
    await user.click(screen.getByRole("button", { name: "Check the plan" }));

    const e3 = await screen.findAllByRole("button", { name: /at Activities!E3:/ });
    await user.click(e3[0]!);
    expect(host.selectCell).toHaveBeenCalledWith("Activities", "E3");
  });

  it("works by keyboard alone: Tab to the button, Enter to check, Tab to an issue, Enter to select it", async () => {
    const user = userEvent.setup();
    const host = fakeHost({ check: jest.fn(async () => checkResult(ISSUES)) });
    renderWithHost(<CheckPanel />, host);

    const button = screen.getByRole("button", { name: "Check the plan" });
    for (let i = 0; i < 6 && document.activeElement !== button; i++) await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard("{Enter}");
    const first = await screen.findByRole("button", { name: /at Activities!E3/ });
    for (let i = 0; i < 10 && document.activeElement !== first; i++) await user.tab();
    expect(document.activeElement).toBe(first);
    await user.keyboard("{Enter}");
    expect(host.selectCell).toHaveBeenCalledWith("Activities", "E3");
  });

  it("shows a message bar, not a stack trace, when the sheet is missing", async () => {
    const user = userEvent.setup();
    const missing = Object.assign(
      new Error('The workbook has no sheet named "Activities". Run "Set up" to create the plan\'s sheets.'),
      { name: "SheetNotFoundError" },
    );
    const host = fakeHost({ check: jest.fn(async () => Promise.reject(missing)) });
    renderWithHost(<CheckPanel />, host);
    await act(async () => {
      await user.click(screen.getByRole("button", { name: "Check the plan" }));
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("A sheet is missing");
    expect(alert.textContent).toContain('Run "Set up"');
    expect(alert.textContent).not.toMatch(/\bat \w+ \(/);
  });
});
