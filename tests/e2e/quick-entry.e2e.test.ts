/**
 * Typing and selecting in the preview's grid, in headless Chromium, routed into the simulated Excel as
 * a person's edits: Import reads a range selected by dragging or shift+clicking on another sheet, and
 * quick entry (the same code as in Excel, src/hosts/excel/quick-entry.ts) fills a new Activities row's
 * outcome, sub-outcome and ID and flags a bad value, without looping on its own writes. A sheet of
 * 2,000 rows keeps only a screenful in the DOM. Screenshots go to test-artifacts/e2e/.
 *
 * Build first: `npx webpack --mode production` (or point E2E_DIST at another build).
 */
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { screenshot, type Watched } from "./support/browser";
import { gridCell, showSheet, simCall, waitForCell } from "./support/preview-page";
import {
  LONG,
  openPanel as openPanelOf,
  openPreview,
  openWorkbookInPreview,
  type PreviewSession,
} from "./support/preview-session";
import type { StaticServer } from "./support/static-server";
import { LOG_ROWS, trackerWithLogXlsx } from "./support/tracker-with-log";

let session: PreviewSession;
let server: StaticServer;
let w: Watched;
let page: Page;
let pane: Locator;

function openPanel(name: string): Promise<void> {
  return openPanelOf(pane, name);
}

async function nameBox(): Promise<string> {
  return (await page.getByTestId("name-box").textContent()) ?? "";
}

beforeAll(async () => {
  session = await openPreview();
  ({ server, page, pane } = session);
  w = session.watched;
  await openWorkbookInPreview(page, "kenya-log.xlsx", await trackerWithLogXlsx());
  await pane.getByRole("button", { name: "Set up the plan" }).click();
  await pane.getByText(/^Created: /).waitFor(LONG);
});

afterAll(async () => {
  await session?.close();
});

describe("selecting and typing in the preview's grid", () => {
  it("a range dragged on another sheet is what Import's 'Use the selection' reads", async () => {
    await showSheet(page, "Kenya tracker");
    await gridCell(page, "A3").hover();
    await page.mouse.down();
    await gridCell(page, "D4").hover();
    await gridCell(page, "G5").hover();
    await page.mouse.up();
    expect(await nameBox()).toBe("A3:G5");
    expect(await simCall(page, "selection")).toEqual({ sheet: "Kenya tracker", address: "A3:G5" });

    await openPanel("Import");
    await pane.getByRole("button", { name: "Use the selection" }).click();
    await pane.getByRole("option", { name: "Kenya tracker!A3:G5 (selection)" }).waitFor({ state: "attached" });
    await pane.getByRole("button", { name: "Preview import" }).click();
    await pane.getByText("Kenya tracker!A3:G5: 2 rows to import, header in row 3.").waitFor(LONG);
    await screenshot(page, "import-from-dragged-selection");
  });

  it("shift+click extends the selection from the active cell, and Import follows it", async () => {
    await gridCell(page, "A3").click();
    await gridCell(page, "C6").click({ modifiers: ["Shift"] });
    expect(await nameBox()).toBe("A3:C6");
    await pane.getByRole("button", { name: "Use the selection" }).click();
    await pane.getByRole("option", { name: "Kenya tracker!A3:C6 (selection)" }).waitFor({ state: "attached" });
    await pane.getByRole("button", { name: "Preview import" }).click();
    await pane.getByText("Kenya tracker!A3:C6: 3 rows to import, header in row 3.").waitFor(LONG);
    await pane.getByRole("button", { name: "Cancel" }).click();
    // Nothing was appended: Activities holds its header only.
    expect(await simCall(page, "lastRow", "Activities")).toBe(1);
  });

  it("quick entry: an approach typed into a new Activities row fills the outcome, the sub-outcome and an ID", async () => {
    await openPanel("Set up");
    const toggle = pane.getByRole("switch", { name: "Quick entry while typing" });
    await toggle.click();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="pane-frame"] input[role="switch"]') as HTMLInputElement | null)
          ?.checked === true,
    );
    await showSheet(page, "Activities");
    await gridCell(page, "B2").click();
    await page.keyboard.type("Joint ranger patrol training");
    await page.keyboard.press("Tab");
    expect(await nameBox()).toBe("C2");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("3.2.4");
    await page.keyboard.press("Enter");
    expect(await nameBox()).toBe("E3");

    await waitForCell(page, "Activities", "C2", "value", { equals: "3" });
    await waitForCell(page, "Activities", "D2", "value", { equals: "3.2" });
    await waitForCell(page, "Activities", "A2", "value", { matches: "^ACT-\\d{4}$" });
    expect(await simCall(page, "value", "Activities", "B2")).toBe("Joint ranger patrol training");
    // The typed approach is the user's and stays as typed (Excel typed "3.2.4" as text).
    expect(await simCall(page, "value", "Activities", "E2")).toBe("3.2.4");
    // The grid shows quick entry's writes.
    await gridCell(page, "C2").getByText("3", { exact: true }).waitFor();
    await gridCell(page, "D2").getByText("3.2", { exact: true }).waitFor();
  });

  it("quick entry: a bad value is flagged at once, and its own writes start no further batch", async () => {
    await gridCell(page, "F2").dblclick();
    await page.getByTestId("cell-editor").waitFor();
    await page.keyboard.type("Not an agency");
    await page.keyboard.press("Enter");
    // The row was already marked for its empty lead agency; now the note names the unknown one.
    await waitForCell(page, "Activities", "F2", "note", { matches: "^ICCWC check:[^]*agency-unknown" });
    await waitForCell(page, "Activities", "F2", "fill", { present: true });
    await gridCell(page, "F2").locator('[aria-label="has a note"]').waitFor();
    await screenshot(page, "quick-entry-preview");

    // Quiet for well over a burst (400 ms): the count of change sets stays where it is.
    const settled = await simCall(page, "appliedCount");
    await page.waitForTimeout(2000);
    expect(await simCall(page, "appliedCount")).toBe(settled);
  });

  it("a sheet of 2,000 rows keeps a screenful in the DOM; Ctrl+End reaches its end, and a row typed below it is kept", async () => {
    await showSheet(page, "Field log");
    await gridCell(page, "A1").click();
    const rendered = await page.locator('[data-testid="sheet-view"] tbody tr[aria-rowindex]').count();
    expect(rendered).toBeLessThan(150);
    await page.keyboard.press("Control+End");
    expect(await nameBox()).toBe(`C${LOG_ROWS}`);
    await gridCell(page, `C${LOG_ROWS}`).waitFor();
    expect(await page.locator('[data-testid="sheet-view"] tbody tr[aria-rowindex]').count()).toBeLessThan(150);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.type("Patrol after the log");
    await page.keyboard.press("Enter");
    expect(await simCall(page, "value", "Field log", `C${LOG_ROWS + 1}`)).toBe("Patrol after the log");
    await screenshot(page, "long-sheet-end");
  });

  it("Download .xlsx holds what the person typed and what quick entry wrote", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const acts = wb.getWorksheet("Activities")!;
    expect(acts.getCell("B2").value).toBe("Joint ranger patrol training");
    expect(acts.getCell("C2").value).toBe("3");
    expect(acts.getCell("D2").value).toBe("3.2");
    expect(String(acts.getCell("A2").value)).toMatch(/^ACT-\d{4}$/);
    expect(wb.getWorksheet("Field log")!.getCell(`C${LOG_ROWS + 1}`).value).toBe("Patrol after the log");
  });

  it("made no request off this machine, and logged no error", () => {
    const origin = server.origin;
    expect(
      w.requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("blob:") && !u.startsWith("data:")),
    ).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  });
});
