import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";

export const SCREENSHOT_DIR = "test-results/screenshots";
const WIDTHS = [1280, 390] as const;
const SCHEMES = ["light", "dark"] as const;

/** Elements wider than the viewport (the usual cause of sideways scrolling on a phone). */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest("pre"))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> right=${Math.round(el.getBoundingClientRect().right)}`);
    return [`document ${document.documentElement.scrollWidth}px wide`, ...culprits];
  });
}

/**
 * Full-page screenshots at 1280 and 390 px, light and dark, as `<name>-<width>[-dark].png`;
 * throws when the page scrolls sideways at either width. Leaves the page at 1280 px, light.
 */
export async function captureScreens(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const problems: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await overflowingElements(page);
      if (overflow.length) problems.push(`${name} at ${width}px (${scheme}):\n  ${overflow.join("\n  ")}`);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${width}${scheme === "dark" ? "-dark" : ""}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
  if (problems.length) throw new Error(`the page scrolls sideways:\n${problems.join("\n")}`);
}
