/**
 * The task pane's weight and speed (issue 7): its JavaScript (dist/taskpane.js raw and gzipped, and
 * every chunk it loads once all panels have run), the CSS it loads (Griffel's extracted rules: they left
 * the JavaScript, so they are reported beside it, and in a JS + CSS total), and its first render on the
 * preview page (navigation start to the first panel in the DOM with every stylesheet loaded), median of
 * 5 in headless Debian Chromium. Targets: under 250 KB gzipped and under 500 ms. Build first:
 * `npx webpack --mode production`.
 *
 * The pane's chunks are found by loading taskpane.html with a stand-in for office.js that says "Excel"
 * (served by this bench, never fetched): the pane then renders and preloads its engine chunk, and
 * every script it requests is counted.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import type { AddressInfo } from "net";
import * as path from "path";
import * as zlib from "zlib";
import { chromium, type Browser } from "playwright-core";
import type { BenchResult } from "./types";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RUNS = 5;

/** Just enough of Office.js for the pane to start: Excel host, light theme; Excel.run is never called. */
const OFFICE_STUB = `window.Office = { HostType: { Excel: "Excel" }, context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" }, requirements: { isSetSupported: function () { return true; } } },
  onReady: function (cb) { var info = { host: "Excel", platform: "OfficeOnline" }; if (cb) cb(info); return Promise.resolve(info); } };
window.Excel = { run: function () { return Promise.reject(new Error("no workbook in the bench")); } };`;

/**
 * A browser context in which Office.js, from this server or from Microsoft's CDN (a production build links
 * the CDN), is the stand-in above: the bench never reaches the network.
 */
async function newContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext(options);
  await context.route(/\/office\.js(\?.*)?$/, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }),
  );
  return context;
}

function serve(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.endsWith("/office.js") || url.pathname === "/office-js/office.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" }).end(OFFICE_STUB);
      return;
    }
    const file = path.resolve(root, "." + decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
    // A stylesheet served with another type is not applied (and first render would wait for it forever).
    const type = types[path.extname(file)] ?? "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function paneScripts(
  browser: Browser,
  origin: string,
  dist: string,
): Promise<{ files: string[]; styles: string[]; rendered: boolean }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const files = new Set<string>();
  const styles = new Set<string>();
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin || u.pathname.includes("office")) return;
    if (u.pathname.endsWith(".js")) files.add(path.join(dist, u.pathname));
    if (u.pathname.endsWith(".css")) styles.add(path.join(dist, u.pathname));
  });
  await page.goto(`${origin}/taskpane.html`);
  const rendered = await page
    .locator('[data-panel="setup"] section')
    .waitFor({ timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  await page.waitForLoadState("networkidle");
  // Every panel once, so any chunk a panel loads is counted.
  for (const tab of ["Check", "Prioritise", "Summaries", "Import"])
    await page
      .getByRole("tab", { name: tab })
      .click()
      .catch(() => undefined);
  await page.waitForLoadState("networkidle");
  await context.close();
  return { files: [...files], styles: [...styles], rendered };
}

async function firstRender(
  browser: Browser,
  origin: string,
  pagePath: string,
): Promise<{ ms: number; heapMb: number; taskMs: number; scriptMs: number }> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The page's main-thread time (Chromium's own counters): unlike wall time, it hardly stretches when
  // other processes hold the shared cores.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.addInitScript(() => {
    const w = window as unknown as { __firstPanel?: number };
    // On screen = the panel is in the DOM and every stylesheet has arrived (the CSS is a file of its own).
    const stylesLoaded = () =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((l) => l.sheet !== null);
    const seen = () => {
      if (w.__firstPanel === undefined && document.querySelector("[data-panel] section") && stylesLoaded())
        w.__firstPanel = performance.now();
      return w.__firstPanel !== undefined;
    };
    new MutationObserver((_m, obs) => seen() && obs.disconnect()).observe(document, { subtree: true, childList: true });
    // A stylesheet that arrives after the panel: check again when it loads.
    document.addEventListener("load", () => seen(), true);
  });
  await page.goto(`${origin}/${pagePath}`);
  await page.waitForFunction(
    () => (window as unknown as { __firstPanel?: number }).__firstPanel !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  const ms = await page.evaluate(() => (window as unknown as { __firstPanel: number }).__firstPanel);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  await context.close();
  return { ms, heapMb: heap / 1024 / 1024, taskMs: metric("TaskDuration"), scriptMs: metric("ScriptDuration") };
}

/** New sample plan, then Check with annotations: from the click to the first issue on screen (Node clock, includes the automation). */
async function checkRound(browser: Browser, origin: string): Promise<{ ms: number; rows: number; heapMb: number }> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/preview.html`);
  await page.getByRole("button", { name: "New sample plan" }).click();
  await page.getByText(/New sample plan: \d+ activities/).waitFor({ timeout: 60_000 });
  const pane = page.getByTestId("pane-frame");
  await pane.getByRole("tab", { name: "Check" }).click();
  const button = pane.getByRole("button", { name: "Check the plan" });
  await button.waitFor();
  const started = Date.now();
  await button.click();
  await pane
    .getByRole("button", { name: /^(error|warning|note) at / })
    .first()
    .waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  const rows = Number((/(\d+) rows checked/.exec((await pane.textContent()) ?? "") ?? [])[1] ?? 0);
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  await context.close();
  return { ms, rows, heapMb: heap / 1024 / 1024 };
}

export async function run(): Promise<BenchResult[]> {
  const dist = path.resolve(process.env.BENCH_DIST ?? path.join(process.cwd(), "dist"));
  const entry = path.join(dist, "taskpane.js");
  if (!fs.existsSync(entry) || !fs.existsSync(path.join(dist, "preview.html"))) {
    return [{ name: "pane", figures: { skipped: `no build in ${dist}: run \`npx webpack --mode production\` first` } }];
  }
  const results: BenchResult[] = [];
  const raw = fs.statSync(entry).size;
  const zipped = gz(entry);

  if (!fs.existsSync(CHROMIUM)) {
    results.push({
      name: "taskpane.js",
      figures: {
        "raw KB": kb(raw),
        "gzip KB": kb(zipped),
        "target gzip KB": 250,
        browser: `no Chromium at ${CHROMIUM}`,
      },
    });
    return results;
  }
  const server = await serve(dist);
  const browser = await chromium.launch({
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
  try {
    const scripts = await paneScripts(browser, server.origin, dist);
    const all = scripts.files.filter((f) => fs.existsSync(f));
    const allRaw = all.reduce((n, f) => n + fs.statSync(f).size, 0);
    const allGz = all.reduce((n, f) => n + gz(f), 0);
    const css = scripts.styles.filter((f) => fs.existsSync(f));
    const cssRaw = css.reduce((n, f) => n + fs.statSync(f).size, 0);
    const cssGz = css.reduce((n, f) => n + gz(f), 0);
    const largest = all.map((f) => [path.basename(f), gz(f)] as const).sort((a, b) => b[1] - a[1]);
    results.push({
      name: "taskpane.js (first chunk)",
      figures: {
        "raw KB": kb(raw),
        "gzip KB": kb(zipped),
        "target gzip KB": 250,
        "ratio to target": Math.round((zipped / (250 * 1024)) * 100) / 100,
      },
    });
    results.push({
      name: "pane with every panel (all JS it loads)",
      figures: {
        files: all.length,
        "raw KB": kb(allRaw),
        "gzip KB": kb(allGz),
        "ratio to target": Math.round((allGz / (250 * 1024)) * 100) / 100,
        "gzip KB by chunk": largest.map(([n, s]) => `${n} ${kb(s)}`).join(", "),
        "rendered under the Office stand-in": scripts.rendered ? "yes" : "no",
      },
    });
    results.push({
      name: "pane's CSS (Griffel's extracted rules; the pages share one file)",
      figures: {
        files: css.map((f) => path.basename(f)).join(", ") || "none",
        "raw KB": kb(cssRaw),
        "gzip KB": kb(cssGz),
        "JS + CSS gzip KB": kb(allGz + cssGz),
        "JS + CSS ratio to target": Math.round(((allGz + cssGz) / (250 * 1024)) * 100) / 100,
      },
    });

    // The preview (the target's page) and taskpane.html under the Office stand-in (the pane as Excel starts it).
    for (const [label, pagePath] of [
      ["first render in the preview", "preview.html"],
      ["first render of taskpane.html (Office stand-in)", "taskpane.html"],
    ] as const) {
      const times: number[] = [];
      const tasks: number[] = [];
      const scripts: number[] = [];
      let heap = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await firstRender(browser, server.origin, pagePath);
        times.push(r.ms);
        tasks.push(r.taskMs);
        scripts.push(r.scriptMs);
        heap = Math.max(heap, r.heapMb);
      }
      results.push({
        name: `${label} (median of ${RUNS})`,
        figures: {
          "median ms": Math.round(median(times)),
          "min ms": Math.round(Math.min(...times)),
          "max ms": Math.round(Math.max(...times)),
          "target ms": 500,
          "ratio to target": Math.round((median(times) / 500) * 100) / 100,
          "main-thread busy ms (median, to first panel and a little after)": Math.round(median(tasks)),
          "of which script ms (median)": Math.round(median(scripts)),
          "JS heap MB (peak of runs)": Math.round(heap * 10) / 10,
          "load average (1 min) while measuring": Math.round(os.loadavg()[0]! * 10) / 10,
        },
      });
    }

    const rounds: { ms: number; rows: number; heapMb: number }[] = [];
    for (let i = 0; i < 3; i++) rounds.push(await checkRound(browser, server.origin));
    const mid = median(rounds.map((r) => r.ms));
    const rows = rounds[0]?.rows ?? 0;
    results.push({
      name: "Check in the preview: sample plan, annotated (median of 3)",
      figures: {
        rows,
        "click to first issue ms": Math.round(mid),
        "rows/second": mid > 0 ? Math.round((rows / mid) * 1000) : 0,
        "JS heap MB (peak)": Math.round(Math.max(...rounds.map((r) => r.heapMb)) * 10) / 10,
      },
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
