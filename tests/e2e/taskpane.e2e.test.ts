/**
 * taskpane.html outside Office: it must say it is waiting for Office or cannot start, never show a
 * blank page. Office.js is served from dist/office-js when built with LOCAL_OFFICE_JS=1; a production
 * build references Microsoft's CDN, which is the one request the pane may make off the machine (it is
 * aborted here, and the page must then say that Office.js did not load).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, screenshot, watchedPage } from "./support/browser";
import { distDir, serveDirectory, type StaticServer } from "./support/static-server";

const OFFICE_CDN = "https://appsforoffice.microsoft.com/";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dist = distDir();
  if (!fs.existsSync(path.join(dist, "taskpane.html")))
    throw new Error(`${dist}/taskpane.html is missing: build first.`);
  server = await serveDirectory(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("taskpane.html in a plain browser shows a waiting or cannot-start message, and loads nothing but Office.js from elsewhere", async () => {
  const w = await watchedPage(browser, server.origin, { width: 320, height: 640 });
  await w.page.goto(`${server.origin}/taskpane.html`);
  const status = w.page.getByTestId("iccwc-status");
  await status.waitFor({ timeout: 30_000 });
  // Office.onReady settles outside Office; wait for the final message, not the spinner.
  await w.page
    .getByText(/works inside Excel only|Office.js did not load|cannot start/)
    .first()
    .waitFor({ timeout: 30_000 });
  const text = (await status.textContent()) ?? "";
  expect(text).toMatch(/preview\.html/);
  await screenshot(w.page, "taskpane-outside-office");
  const offMachine = w.requests.filter((u) => !u.startsWith(server.origin + "/"));
  expect(offMachine.every((u) => u.startsWith(OFFICE_CDN))).toBe(true);
  expect(w.pageErrors).toEqual([]);
  await w.context.close();
});
