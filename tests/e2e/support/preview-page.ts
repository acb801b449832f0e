/** Helpers for driving the preview page: the simulated workbook's read-only accessor, and the grid. */
import type { Locator, Page } from "playwright-core";
import type { PreviewAccessor } from "../../../src/preview/window-api";

/** Call one accessor of the simulated workbook in the page (window.__iccwcPreview). */
export function simCall<K extends keyof PreviewAccessor>(
  page: Page,
  name: K,
  ...args: Parameters<PreviewAccessor[K]>
): Promise<ReturnType<PreviewAccessor[K]>> {
  return page.evaluate(
    ([n, a]) => {
      const api = (window as unknown as { __iccwcPreview: Record<string, (...x: unknown[]) => unknown> })
        .__iccwcPreview;
      return api[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<ReturnType<PreviewAccessor[K]>>;
}

/** What a cell should come to hold: a value, text matching a pattern, or anything at all. */
export type CellExpectation = { equals: string | number | boolean } | { matches: string } | { present: true };

/** Wait until the simulated workbook's cell (its value, fill or note) meets the expectation. */
export async function waitForCell(
  page: Page,
  sheet: string,
  a1: string,
  what: "value" | "fill" | "note",
  expected: CellExpectation,
  timeout = 30_000,
): Promise<void> {
  await page.waitForFunction(
    ([s, c, w, e]) => {
      const api = (window as unknown as { __iccwcPreview: Record<string, (...x: unknown[]) => unknown> })
        .__iccwcPreview;
      const v = api[w]!(s, c);
      if ("equals" in e) return v === e.equals;
      if ("matches" in e) return typeof v === "string" && new RegExp(e.matches).test(v);
      return v !== null && v !== undefined && v !== "";
    },
    [sheet, a1, what, expected] as const,
    { timeout },
  );
}

/** The grid's cell (rendered only while its row is in view). */
export function gridCell(page: Page, a1: string): Locator {
  return page.getByTestId("sheet-view").locator(`td[data-cell="${a1}"]`);
}

/** Show a sheet in the grid. */
export async function showSheet(page: Page, sheet: string): Promise<void> {
  const view = page.getByTestId("sheet-view");
  await view.getByRole("tab", { name: sheet, exact: true }).click();
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid="sheet-view"]')?.getAttribute("data-sheet") === s,
    sheet,
  );
}
