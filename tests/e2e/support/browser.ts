/**
 * Debian's Chromium through playwright-core, headless, with every request, console error and page
 * error recorded so a test can assert that nothing left the machine and nothing failed quietly.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(__dirname, "..", "..", "..", "test-artifacts", "e2e");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** A fresh context and page; requests to any other origin than `origin` are recorded and aborted. */
export async function watchedPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 900 },
): Promise<Watched> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    return route.abort("blockedbyclient");
  });
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return { context, page, requests, consoleErrors, pageErrors };
}

export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: false });
  return file;
}
