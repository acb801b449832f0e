/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Grid } from "../../src/core/grid";
import { importRows } from "../../src/core/import";
import type { ImportRequest } from "../../src/taskpane/host/plan-host";
import { ImportPanel } from "../../src/taskpane/panels/ImportPanel";
import { fakeHost, renderWithHost } from "./fake-host";

/** A country team's tracker: column D has a header nobody could match ("Ref"), holding approach codes. */
const TRACKER: Grid = {
  sheet: "Kenya tracker",
  top: 1,
  left: 1,
  rows: [
    ["Activity", "Lead agency", "Country", "Ref", "Start date"],
    ["Ranger training on evidence handling", "unodc", "kenya", "2.1.1", "2024-03-01"],
    ["Port container profiling", "wco", "KEN", "3.2.1", "2024-05-01"],
  ],
};

function hostOverTracker() {
  return fakeHost({
    listSheets: jest.fn(async () => [
      { name: "Activities", rowCount: 1, columnCount: 19, visible: true },
      { name: "Kenya tracker", rowCount: 3, columnCount: 5, visible: true },
    ]),
    previewImport: jest.fn(async (req: ImportRequest) =>
      importRows(TRACKER, req.mappingOverride ? { mappingOverride: req.mappingOverride } : {}),
    ),
    appendImport: jest.fn(async () => ({
      apply: { applied: 2, skipped: [] },
      appended: 2,
      rows: { first: 2, last: 3 },
      alreadyPresent: [],
      problems: [],
    })),
  });
}

describe("Import panel", () => {
  it("offers the sheets that are not the plan's, previews the rows with every changed value", async () => {
    const user = userEvent.setup();
    const host = hostOverTracker();
    renderWithHost(<ImportPanel />, host);
    const source = (await screen.findByRole("combobox", { name: "Source sheet" })) as HTMLSelectElement;
    await waitFor(() => expect(source.value).toBe("Kenya tracker"));
    expect(within(source).queryByText("Activities")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Preview import" }));
    expect(host.previewImport).toHaveBeenCalledWith(expect.objectContaining({ sheet: "Kenya tracker" }));
    expect(await screen.findByText(/Kenya tracker: 2 rows to import, header in row 1/)).toBeTruthy();
    // "unodc" in B2 becomes "UNODC": shown before and after.
    const rows = screen.getByRole("list", { name: "Rows to import" });
    expect(within(rows).getByText("unodc")).toBeTruthy();
    expect(within(rows).getByText("UNODC")).toBeTruthy();
  });

  it("correcting a column's mapping previews again with the correction, and the preview changes", async () => {
    const user = userEvent.setup();
    const host = hostOverTracker();
    renderWithHost(<ImportPanel />, host);
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Source sheet" }) as HTMLSelectElement).value).toBe("Kenya tracker"),
    );
    await user.click(screen.getByRole("button", { name: "Preview import" }));
    const ref = (await screen.findByRole("combobox", { name: "D: Ref" })) as HTMLSelectElement;
    // "Ref" reads as an ID column: row 2's ID is "2.1.1" and it has no approach.
    expect(ref.value).toBe("id");
    const rows = () => screen.getByRole("list", { name: "Rows to import" }).textContent ?? "";
    expect(rows()).toContain("Row 2 → 2.1.1");
    expect(rows()).toContain("No approach");

    await user.selectOptions(ref, "approach");

    expect(host.previewImport).toHaveBeenLastCalledWith(
      expect.objectContaining({ mappingOverride: { D: "approach" } }),
    );
    await waitFor(() => expect(rows()).toContain("Approach 2.1.1"));
    expect(rows()).toContain("(new ID)");
    expect((screen.getByRole("combobox", { name: "D: Ref" }) as HTMLSelectElement).value).toBe("approach");
  });

  it("appends on request and says where the rows went", async () => {
    const user = userEvent.setup();
    const host = hostOverTracker();
    renderWithHost(<ImportPanel />, host);
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Source sheet" }) as HTMLSelectElement).value).toBe("Kenya tracker"),
    );
    await user.click(screen.getByRole("button", { name: "Preview import" }));
    await user.click(await screen.findByRole("button", { name: "Append 2 rows to Activities" }));
    expect(host.appendImport).toHaveBeenCalledTimes(1);
    expect(host.appendImport.mock.calls[0]![0].rows).toHaveLength(2);
    expect(await screen.findByText(/Appended 2 rows to Activities \(rows 2 to 3\)/)).toBeTruthy();
  });

  it("Cancel drops the preview and appends nothing", async () => {
    const user = userEvent.setup();
    const host = hostOverTracker();
    renderWithHost(<ImportPanel />, host);
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Source sheet" }) as HTMLSelectElement).value).toBe("Kenya tracker"),
    );
    await user.click(screen.getByRole("button", { name: "Preview import" }));
    await screen.findByRole("button", { name: "Append 2 rows to Activities" });
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("list", { name: "Rows to import" })).toBeNull();
    expect(host.appendImport).not.toHaveBeenCalled();
  });

  it("uses the selection as the source when asked", async () => {
    const user = userEvent.setup();
    const host = hostOverTracker();
    host.getSelection.mockResolvedValue({ sheet: "Kenya tracker", address: "A1:E3" });
    renderWithHost(<ImportPanel />, host);
    await user.click(await screen.findByRole("button", { name: "Use the selection" }));
    await user.click(screen.getByRole("button", { name: "Preview import" }));
    expect(host.previewImport).toHaveBeenCalledWith(
      expect.objectContaining({ sheet: "Kenya tracker", range: "A1:E3" }),
    );
  });
});
