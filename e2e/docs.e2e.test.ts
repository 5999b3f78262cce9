import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOC_SECTIONS } from "@/lib/docs/sections";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { captureScreens, overflowingElements, SCREENSHOT_DIR } from "./support/screenshots";

/** The section's heading sits near the top of the viewport (below the sticky header and menu). */
async function headingInView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const top = document.getElementById(target)!.getBoundingClientRect().top;
    return top >= 0 && top < 200;
  }, id);
}

/** Viewport shots of a few sections at 1280 and 390 px, light and dark; fails on sideways scrolling. */
async function shootSections(page: Page, ids: string[]) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overflowingElements(page), `docs at ${width}px`).toEqual([]);
      for (const id of ids) {
        await page.evaluate((target) => document.getElementById(target)!.scrollIntoView(), id);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/docs-${id}-${width}${scheme === "dark" ? "-dark" : ""}.png` });
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the docs in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("is linked from the header and footer, and shows every section in order", async () => {
    await page.goto(app.url);
    await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Docs" }).waitFor();
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Docs" }).click();
    await page.waitForURL(/\/docs$/);
    // A client-side navigation: the address changes before the new page (and its title) is in.
    await page.locator("[data-doc-section]").first().waitFor();
    await expect.poll(() => page.title()).toBe("Docs · OauthRouter");
    const sections = await page.locator("[data-doc-section]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-doc-section")));
    expect(sections).toEqual(DOC_SECTIONS.map((section) => section.id));
    expect(await page.locator("link[rel=icon]").getAttribute("href")).toBe("/favicon.svg");
    const favicon = await fetch(`${app.url}/favicon.svg`);
    expect(favicon.headers.get("content-type")).toContain("image/svg+xml");
    expect(await favicon.text()).toContain("<svg");
  }, 60_000);

  it("shows this server's own host in every example, with copy buttons", async () => {
    await page.goto(`${app.url}/docs`);
    expect(await page.getByTestId("docs-base-url").textContent()).toBe(`${app.url}/v1`);
    expect(await page.getByTestId("docs-native-base-url").textContent()).toBe(app.url);
    const code = (await page.locator("pre").allTextContents()).join("\n");
    const hosts = new Set([...code.matchAll(/https?:\/\/[^\s"'/`]+/g)].map((match) => match[0]));
    expect([...hosts].sort()).toEqual([app.url, "https://yourapp.example"].sort());
    const text = await page.locator("main").textContent();
    expect(text).not.toMatch(/oauthrouter\.com|arouter\.com/);
    expect(text).toContain(`${app.url}/v1/chat/completions`);
    const copyValues = await page.locator("figure button[data-copy-value]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-copy-value")!));
    expect(copyValues.length).toBeGreaterThan(30);
    expect(copyValues.filter((value) => value.startsWith("curl ")).every((value) => value.includes(app.url))).toBe(true);
  }, 60_000);

  it("navigates the sections from the sidebar on a wide screen", async () => {
    await page.goto(`${app.url}/docs`);
    const sidebar = page.getByTestId("docs-sidebar");
    for (const section of DOC_SECTIONS) {
      await sidebar.getByRole("link", { name: section.title, exact: true }).click();
      await page.waitForURL(new RegExp(`#${section.id}$`));
      await expect.poll(() => headingInView(page, section.id)).toBe(true);
    }
    await sidebar.getByRole("link", { name: "Structured outputs" }).click();
    await expect.poll(() => headingInView(page, "structured-outputs")).toBe(true);
  }, 60_000);

  it("navigates from the fold-out menu at 390 px, which closes after a pick", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/docs`);
    expect(await page.getByTestId("docs-sidebar").isVisible()).toBe(false);
    const menu = page.getByTestId("docs-mobile-nav");
    for (const id of ["errors", "key-management", "pitfalls"]) {
      await menu.locator("summary").click();
      await menu.locator(`a[href="#${id}"]`).first().click();
      await page.waitForURL(new RegExp(`#${id}$`));
      expect(await menu.getAttribute("open")).toBeNull();
      await expect.poll(() => headingInView(page, id)).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it("is where an error's docs_url leads", async () => {
    const answer = await fetch(`${app.url}/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(answer.status).toBe(401);
    const { error } = await answer.json();
    expect(error.docs_url).toBe(`${app.url}/docs#errors`);
    await page.goto(error.docs_url);
    await expect.poll(() => headingInView(page, "errors")).toBe(true);
    const statuses = await page.locator('[aria-label="HTTP statuses and error types"] [data-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute("data-row")));
    expect(statuses).toEqual(expect.arrayContaining(["400", "401", "403", "404", "413", "429", "500", "502", "503", "504"]));
  }, 60_000);

  it("serves /openapi.json for this server, to any origin", async () => {
    const response = await fetch(`${app.url}/openapi.json`, { headers: { origin: "https://elsewhere.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers[0].url).toBe(app.url);
  });

  it("reads well at 1280 and 390 px, light and dark", async () => {
    await page.goto(`${app.url}/docs`);
    await shootSections(page, ["quickstart", "chat-fields", "native-endpoints", "key-management", "errors", "limits", "examples-gui"]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId("docs-mobile-nav").locator("summary").click();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/docs-menu-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(app.url);
    await captureScreens(page, "landing-with-docs");
  }, 120_000);
});
