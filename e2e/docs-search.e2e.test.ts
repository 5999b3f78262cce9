import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOC_SECTIONS } from "@/lib/docs/sections";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { overflowingElements } from "./support/screenshots";

const WIDTHS = [1280, 390] as const;
const TITLES = new Map(DOC_SECTIONS.flatMap((section) => [[section.id, section.title], ...(section.children ?? []).map((child) => [child.id, child.title] as const)]));

describe("searching the docs and seeing where you are, at 1280 and 390 px", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function docsAt(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 } })).newPage();
    await page.goto(`${app.url}/docs`);
    return page;
  }

  /** The contents in use at this width: the sidebar, or the phone's fold-out menu (opened). */
  async function contents(page: Page, width: number): Promise<Locator> {
    if (width > 1024) return page.getByTestId("docs-sidebar");
    const menu = page.getByTestId("docs-mobile-nav");
    if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
    return menu;
  }

  const headingNearTop = (page: Page, id: string) => page.evaluate((target) => {
    const top = document.getElementById(target)!.getBoundingClientRect().top;
    return top >= 0 && top < 200;
  }, id);

  describe.each(WIDTHS)("at %i px", (width) => {
    it("finds sections by the words in them, in the page itself, and takes you to the one picked", async () => {
      const page = await docsAt(width);
      const requests: string[] = [];
      page.on("request", (request) => void requests.push(request.url()));
      let nav = await contents(page, width);
      const search = nav.getByRole("searchbox", { name: "Search the docs" });
      await search.fill("retry-after");
      const results = nav.getByTestId("docs-search-results").getByRole("link");
      await expect.poll(() => results.evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toEqual(expect.arrayContaining(["#errors", "#limits"]));
      expect(await nav.getByTestId("docs-search-results").locator("mark").first().textContent()).toMatch(/^retry-after$/i);
      expect(await overflowingElements(page)).toEqual([]);

      await search.fill("count_tokens locally");
      await expect.poll(() => results.first().getAttribute("href")).toBe("#anthropic-messages");
      await results.first().click();
      await page.waitForURL(/#anthropic-messages$/);
      await expect.poll(() => headingNearTop(page, "anthropic-messages")).toBe(true);
      if (width < 1024) expect(await page.getByTestId("docs-mobile-nav").getAttribute("open")).toBeNull();

      nav = await contents(page, width);
      await search.fill("zzqx-nothing-here");
      expect(await nav.getByText("Nothing found.").count()).toBe(1);
      // No section holds both words: those holding one of them are offered, and said to be so.
      await search.fill("anthropic zzqx-nothing-here");
      await nav.getByText("No section has every word; these have the most.").waitFor();
      expect(await results.count()).toBeGreaterThan(0);
      // Enter follows the best hit.
      await search.fill("pkce");
      await search.press("Enter");
      await page.waitForURL(/#apps$/);
      // Nothing was asked of any server: not another host, not this one.
      expect(requests.filter((url) => !url.startsWith(app.url) || /retry-after|count_tokens|pkce|zzqx/i.test(url))).toEqual([]);
    }, 60_000);

    it("marks the section being read in the contents as the page scrolls", async () => {
      const page = await docsAt(width);
      const nav = width > 1024 ? page.getByTestId("docs-sidebar") : page.getByTestId("docs-mobile-nav");
      const marked = () => nav.locator('a[aria-current="location"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(await marked()).toEqual(["#quickstart"]);
      for (const id of ["authentication", "streaming", "errors", "examples", "pitfalls"]) {
        await page.evaluate((target) => document.getElementById(target)!.scrollIntoView(), id);
        await expect.poll(marked).toEqual([`#${id}`]);
        if (width < 1024) expect(await page.getByTestId("docs-current-section").textContent()).toBe(TITLES.get(id));
      }
      if (width < 1024) {
        await nav.locator("summary").click();
        const current = nav.locator('a[aria-current="location"]');
        expect(await current.isVisible()).toBe(true);
        expect(await current.evaluate((link) => getComputedStyle(link).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(marked).toEqual(["#quickstart"]);
    }, 60_000);
  });
});
