/**
 * The whole product in a browser: the built preview page (dist/preview.html) in headless Debian
 * Chromium, the pane at 320 px beside the simulated workbook. Every panel is driven as a person would,
 * and the simulated workbook is asserted cell by cell through window.__iccwcPreview. Nothing may leave
 * the machine and nothing may log an error. Screenshots go to test-artifacts/e2e/.
 *
 * Build first: `npx webpack --mode production` (or point E2E_DIST at another build).
 */
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import type { CellValue } from "../../src/core/grid";
import type { PreviewAccessor } from "../../src/preview/window-api";
import { minimalXlsx } from "../hostile/support/raw-zip";
import { screenshot, type Watched } from "./support/browser";
import { MESSY_TITLES, messyTrackerXlsx } from "./support/messy-workbook";
import { simCall } from "./support/preview-page";
import {
  LONG,
  openPanel as openPanelOf,
  openPreview,
  openWorkbookInPreview,
  XLSX_TYPE,
  type PreviewSession,
} from "./support/preview-session";
import type { StaticServer } from "./support/static-server";

let session: PreviewSession;
let server: StaticServer;
let w: Watched;
let page: Page;
let pane: Locator;

/** Call one accessor of the simulated workbook in the page. */
function sim<K extends keyof PreviewAccessor>(
  name: K,
  ...args: Parameters<PreviewAccessor[K]>
): Promise<ReturnType<PreviewAccessor[K]>> {
  return simCall(page, name, ...args);
}

function openPanel(name: string): Promise<void> {
  return openPanelOf(pane, name);
}

/** Press Tab until the element is focused (at most `max` presses): keyboard-only operation. */
async function tabTo(target: Locator, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the element");
}

async function cellBeside(sheet: string, label: string): Promise<CellValue> {
  for (let r = 1; r <= 80; r++) if ((await sim("value", sheet, `A${r}`)) === label) return sim("value", sheet, `B${r}`);
  throw new Error(`no row "${label}" in ${sheet}`);
}

beforeAll(async () => {
  session = await openPreview();
  ({ server, page, pane } = session);
  w = session.watched;
});

afterAll(async () => {
  await session?.close();
});

describe("preview page in Chromium", () => {
  it("shows the pane at 320 px beside the workbook", async () => {
    const box = await pane.boundingBox();
    expect(box?.width).toBe(320);
    // Nothing in the pane is wider than the pane: no horizontal scrolling at 320 px.
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("New sample plan: sets up the sheets and the sample activities", async () => {
    await page.getByRole("button", { name: "New sample plan" }).click();
    await page
      .getByTestId("preview-status")
      .getByText(/New sample plan: \d+ activities/)
      .waitFor(LONG);
    expect(await sim("sheetNames")).toEqual(
      expect.arrayContaining(["Activities", "Framework", "Lists", "Settings", "Countries"]),
    );
    expect(await sim("value", "Activities", "A1")).toBe("ID");
    expect(await sim("value", "Activities", "A2")).toBe("SAP-001");
    expect(await sim("lastRow", "Activities")).toBeGreaterThan(50);
    const grid = page.getByTestId("sheet-view");
    await grid.getByRole("tab", { name: "Activities" }).click();
    await grid.locator('td[data-cell="A2"]', { hasText: "SAP-001" }).waitFor();
  });

  it("Check, by keyboard alone: the issues are listed, and Enter on one selects its cell in the sheet", async () => {
    await pane.getByRole("tab", { name: "Set up" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await pane.locator('section[aria-label="Check"]').waitFor();
    const check = pane.getByRole("button", { name: "Check the plan" });
    await tabTo(check);
    await page.keyboard.press("Enter");
    const firstIssue = pane.getByRole("button", { name: /^error at Activities!/ }).first();
    await firstIssue.waitFor(LONG);
    const label = (await firstIssue.getAttribute("aria-label")) ?? "";
    const cell = /^error at Activities!([A-Z]+\d+):/.exec(label)?.[1];
    expect(cell).toBeDefined();
    await tabTo(firstIssue, 40);
    // Visible focus: the focused issue draws an outline.
    expect(await firstIssue.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    await pane.getByText(`Selected Activities!${cell}.`).waitFor();
    expect(await sim("selection")).toEqual({ sheet: "Activities", address: cell });
    expect(await sim("note", "Activities", cell!)).toContain("ICCWC check:");
    expect(await sim("sheetNames")).toContain("Issues");
    await screenshot(page, "check-pane-320", '[data-testid="pane-frame"]');
    await screenshot(page, "check-preview");
  });

  it("Prioritise: weights read from Settings, saved back on request, scores recomputed", async () => {
    await openPanel("Prioritise");
    const need = pane.getByRole("spinbutton", { name: "Weight: need" });
    await need.waitFor();
    expect(await need.inputValue()).toBe(String(await cellBeside("Settings", "Weight: need")));
    await need.fill("0.6");
    await page.keyboard.press("Tab");
    expect(await cellBeside("Settings", "Weight: need")).not.toBe(0.6);
    await pane.getByRole("button", { name: "Save weights" }).click();
    await pane.getByText(/Weights saved to the Settings sheet/).waitFor(LONG);
    expect(await cellBeside("Settings", "Weight: need")).toBe(0.6);

    await pane.getByRole("button", { name: "Recompute scores" }).click();
    await pane.getByText("Funding line").waitFor(LONG);
    await pane.getByText(/^High: \d+ · Medium: \d+ · Low: \d+/).waitFor();
    await screenshot(page, "prioritise-pane-320", '[data-testid="pane-frame"]');
  });

  it("Summaries: builds tblFacts with rows, and the roll-ups", async () => {
    await openPanel("Summaries");
    await pane.getByRole("button", { name: "Build summaries" }).click();
    await pane.getByText(/^Generated on \d{4}-\d{2}-\d{2}/).waitFor(LONG);
    const facts = await sim("table", "tblFacts");
    expect(facts?.sheet).toBe("Summaries");
    const [, top, bottom] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(facts!.range) ?? [];
    expect(Number(bottom) - Number(top)).toBeGreaterThan(10);
    expect(await sim("table", "tblByOutcome")).not.toBeNull();
  });

  it("Import: opens a messy tracker, sets up, corrects a mapping, previews and appends to Activities", async () => {
    await openWorkbookInPreview(page, "kenya-tracker.xlsx", await messyTrackerXlsx());
    expect(await sim("value", "Kenya tracker", "A4")).toBe(MESSY_TITLES[0]);

    await pane.getByRole("button", { name: "Set up the plan" }).click();
    await pane.getByText(/^Created: /).waitFor(LONG);

    await openPanel("Import");
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="pane-frame"] select') as HTMLSelectElement | null)?.value ===
        "Kenya tracker",
    );
    await pane.getByRole("button", { name: "Preview import" }).click();
    const ref = pane.getByRole("combobox", { name: "D: Ref" });
    await ref.waitFor(LONG);
    await ref.selectOption("approach");
    await pane.getByText("Approach 2.1.1", { exact: false }).first().waitFor(LONG);
    await screenshot(page, "import-pane-320", '[data-testid="pane-frame"]');
    await pane.getByRole("button", { name: "Append 3 rows to Activities" }).click();
    await pane.getByText(/Appended 3 rows to Activities \(rows 2 to 4\)/).waitFor(LONG);

    expect([
      await sim("value", "Activities", "B2"),
      await sim("value", "Activities", "B3"),
      await sim("value", "Activities", "B4"),
    ]).toEqual(MESSY_TITLES);
    expect(await sim("value", "Activities", "E2")).toBe("2.1.1");
    expect(await sim("value", "Activities", "F2")).toBe("UNODC");
    // The source sheet is never written.
    expect(await sim("value", "Kenya tracker", "B4")).toBe("unodc");
  });

  it("Download .xlsx: the file holds what the pane did", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("kenya-tracker.xlsx");
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("Activities")?.getCell("B2").value).toBe(MESSY_TITLES[0]);
    expect(wb.getWorksheet("Kenya tracker")?.getCell("B4").value).toBe("unodc");
    expect(wb.getWorksheet("Framework")).toBeDefined();
  });

  it("refuses a hostile file with a sentence, and keeps the open workbook", async () => {
    const bomb = minimalXlsx({ extra: [{ name: "xl/media/big.bin", data: Buffer.alloc(30 * 1024 * 1024, 0x41) }] });
    await page.getByTestId("open-xlsx").setInputFiles({ name: "bomb.xlsx", mimeType: XLSX_TYPE, buffer: bomb });
    const alert = page.getByTestId("preview-status").getByRole("alert");
    await alert.waitFor(LONG);
    expect(await alert.textContent()).toContain("zip bomb");
    expect(await sim("fileName")).toBe("kenya-tracker.xlsx");
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
