import { mkdirSync } from "node:fs";
import OpenAI from "openai";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";

describe("a user's requests in Usage, up to the plan limit", () => {
  let fake: Awaited<ReturnType<typeof startFakeUpstream>>;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync("test-results/screenshots", { recursive: true });
    fake = await startFakeUpstream();
    [app, browser] = await Promise.all([startApp({ UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1` }), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it("pastes a key, uses the token with the OpenAI SDK, and sees the requests and the counter move", async () => {
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Email").fill("charts@example.com");
    await page.getByLabel("Password").fill("a long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/dashboard\/api$/);
    const token = await page.getByTestId("api-token").inputValue();
    await page.getByRole("link", { name: "Providers" }).click();
    await page.waitForURL(/\/providers$/);
    await page.locator("select[name=provider]").selectOption("openai");
    await page.locator("input[name=secret]").fill("sk-proj-usage-test-1234");
    await page.getByRole("button", { name: "Add credential" }).click();
    await page.getByTestId("credentials").waitFor();

    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
    for (const text of ["one", "two", "three"]) {
      const answer = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: text }] });
      expect(answer.choices[0].message.content).toBe(`Echo: ${text}`);
    }
    await page.getByRole("link", { name: "Usage" }).click();
    await page.waitForURL(/\/usage$/);
    await expect.poll(async () => {
      await page.reload();
      return page.getByTestId("messages-used").textContent();
    }, { timeout: 10_000 }).toContain("3 / 100");
    // The counter moves at admission; usage rows follow within the writer's flush interval.
    await expect.poll(async () => {
      await page.reload();
      return page.getByTestId("recent-requests").locator("tbody tr[data-request-id]").count();
    }, { timeout: 10_000 }).toBe(3);
    expect(await page.getByTestId("usage-charts").locator("svg").count()).toBeGreaterThan(0);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/screenshots/dashboard-usage-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 90_000);

  it("answers 429 at the plan limit and says so in the dashboard", async () => {
    const token = await (async () => {
      await page.goto(`${app.url}/dashboard/api`);
      return page.getByTestId("api-token").inputValue();
    })();
    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
    let refusal: unknown;
    for (let i = 0; i < 100 && !refusal; i++) {
      await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "fill" }] }).catch((error) => (refusal = error));
    }
    expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
    expect((refusal as InstanceType<typeof OpenAI.RateLimitError>).message).toMatch(/Monthly message limit of 100 reached/);
    await page.goto(`${app.url}/dashboard/usage`);
    expect(await page.getByTestId("messages-used").textContent()).toContain("Limit reached");
  }, 90_000);
});
