/**
 * Starting the built preview page in Chromium, the same way for every e2e file that drives it: serve
 * dist/, launch Debian's Chromium, watch the page (requests that leave the machine, console errors),
 * open preview.html and wait for the pane's first tab.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { launchChromium, watchedPage, type Watched } from "./browser";
import { distDir, serveDirectory, type StaticServer } from "./static-server";

export interface PreviewSession {
  server: StaticServer;
  browser: Browser;
  watched: Watched;
  page: Page;
  /** The task pane's frame beside the simulated workbook. */
  pane: Locator;
  close(): Promise<void>;
}

export async function openPreview(): Promise<PreviewSession> {
  const dist = distDir();
  if (!fs.existsSync(path.join(dist, "preview.html")))
    throw new Error(`${dist}/preview.html is missing: run \`npx webpack --mode production\` before the e2e tests.`);
  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  const watched = await watchedPage(browser, server.origin);
  const page = watched.page;
  await page.goto(`${server.origin}/preview.html`);
  const pane = page.getByTestId("pane-frame");
  await pane.getByRole("tab", { name: "Set up" }).waitFor();
  return {
    server,
    browser,
    watched,
    page,
    pane,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Open one of the pane's panels by its tab and wait until it is shown. */
export async function openPanel(pane: Locator, name: string): Promise<void> {
  await pane.getByRole("tab", { name }).click();
  await pane.locator(`[role="tabpanel"] section[aria-label="${name}"]`).waitFor();
}

/** Time given to a step that reads or writes a workbook in the page. */
export const LONG = { timeout: 60_000 };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Open a workbook in the preview as a user would (its file picker) and wait until the page has it. */
export async function openWorkbookInPreview(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId("open-xlsx").setInputFiles({ name, mimeType: XLSX_TYPE, buffer: bytes });
  await page.getByTestId("preview-status").getByText(`Opened ${name}`).waitFor(LONG);
}
