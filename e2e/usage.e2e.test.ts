import OpenAI from "openai";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { addCredential, signUp } from "./support/dashboard";
import { captureScreens } from "./support/screenshots";

describe("a user's requests in Usage, up to the plan limit", () => {
  let fake: Awaited<ReturnType<typeof startFakeUpstream>>;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    [app, browser] = await Promise.all([startApp({ UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1` }), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  /** A new account in a browser context of its own, signed in, with an OpenAI key; its token. */
  async function signedInWithKey(email: string): Promise<{ page: Page; token: string }> {
    const own = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const token = await signUp(own, app.url, email);
    await own.goto(`${app.url}/dashboard/providers`);
    expect((await addCredential(own, { provider: "openai", secret: `sk-proj-${email.split("@")[0]}-1234` })).ok).toBe(true);
    return { page: own, token };
  }

  it("pastes a key, uses the token with the OpenAI SDK, and sees the requests and the counter appear without a reload", async () => {
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Email").fill("charts@example.com");
    await page.getByLabel("Password").fill("a long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/dashboard\/api$/, { timeout: 60_000 });
    const token = await page.getByTestId("api-token").inputValue();
    await page.getByRole("link", { name: "Providers" }).click();
    await page.waitForURL(/\/providers$/);
    await page.locator("select[name=provider]").selectOption("openai");
    await page.locator("input[name=secret]").fill("sk-proj-usage-test-1234");
    await page.getByRole("button", { name: "Add credential" }).click();
    await page.getByTestId("credentials").waitFor();

    await page.getByRole("link", { name: "Usage" }).click();
    await page.waitForURL(/\/usage(\?|$)/);
    expect(await page.getByTestId("usage-empty").textContent()).toContain("No requests in the last 30 days");
    expect(await page.getByTestId("messages-used").textContent()).toContain("0 / 100");
    await captureScreens(page, "usage-empty");
    // Anything that reloads the page would drop this marker.
    await page.evaluate(() => Object.assign(window, { stillSamePage: true }));

    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
    for (const text of ["one", "two"]) {
      const answer = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: text }] });
      expect(answer.choices[0].message.content).toBe(`Echo: ${text}`);
    }
    expect((await client.responses.create({ model: "openai/gpt-4o", input: "three" })).output_text).toBe("Echo: three");
    await expect.poll(() => page.getByTestId("messages-used").textContent(), { timeout: 15_000 }).toContain("3 / 100");
    // The counter moves at admission; usage rows follow within the writer's flush interval.
    await expect.poll(() => page.getByTestId("recent-requests").locator("tbody tr[data-request-id]").count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByTestId("recent-requests").getByTestId("request-endpoint").allTextContents()).toEqual(["/v1/responses", "/v1/chat/completions", "/v1/chat/completions"]);
    await page.getByTestId("usage-charts").locator("svg").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillSamePage?: boolean }).stillSamePage)).toBe(true);
    expect(await page.getByTestId("usage-live").textContent()).toMatch(/^Live · updated \d\d:\d\d:\d\d \S+$/);

    await page.getByLabel("Status").selectOption("error");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/status=error/);
    await expect.poll(() => page.getByTestId("recent-requests").textContent()).toContain("No requests match these filters.");
    await page.getByRole("link", { name: "Clear" }).click();
    await expect.poll(() => page.getByTestId("recent-requests").locator("tbody tr[data-request-id]").count()).toBe(3);
    await captureScreens(page, "dashboard-usage");
  }, 120_000);

  it("serves the live data only to the signed-in user, and only their own", async () => {
    const anonymous = await fetch(`${app.url}/dashboard/usage/data`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { type: "authentication_error", message: "Sign in to see usage" } });

    const { page: owner, token } = await signedInWithKey("live-data@example.com");
    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
    for (const text of ["one", "two", "three"]) await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: text }] });
    const usageData = async (query = "") => {
      const response = await owner.request.get(`${app.url}/dashboard/usage/data${query}`);
      expect(response.status()).toBe(200);
      return response.json();
    };
    // The counter moves at admission; usage rows follow within the writer's flush interval.
    await expect.poll(async () => (await usageData()).recent.length, { timeout: 15_000 }).toBe(3);
    const data = await usageData();
    expect(data.messages.used).toBe(3);
    expect(Object.keys(data.recent[0]).sort()).toEqual(["app", "attempts", "cancelled", "completionTokens", "costEstimated", "costMicros", "createdAt", "endpoint", "error", "id", "key", "latencyMs", "model", "promptTokens", "provider", "status", "streamed"]);
    expect((await usageData("?status=error")).recent).toEqual([]);
    await owner.context().close();

    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${app.url}/signup`);
    await stranger.getByLabel("Email").fill("stranger@example.com");
    await stranger.getByLabel("Password").fill("a long password");
    await stranger.getByRole("button", { name: "Create account" }).click();
    await stranger.waitForURL(/\/dashboard\/api$/, { timeout: 60_000 });
    const theirs = await (await stranger.request.get(`${app.url}/dashboard/usage/data`)).json();
    expect(theirs.messages.used).toBe(0);
    expect(theirs.recent).toEqual([]);
    await stranger.context().close();
  }, 90_000);

  it("answers 429 at the plan limit and says so in the dashboard", async () => {
    const { page: owner, token } = await signedInWithKey("at-the-limit@example.com");
    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
    let refusal: unknown;
    // The free plan's 100 messages (documented); the 101st is refused.
    let admitted = 0;
    for (let i = 0; i < 101 && !refusal; i++) {
      await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "fill" }] }).then(() => admitted++, (error) => (refusal = error));
    }
    expect(admitted).toBe(100);
    expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
    expect((refusal as InstanceType<typeof OpenAI.RateLimitError>).message).toMatch(/Monthly message limit of 100 reached/);
    await owner.goto(`${app.url}/dashboard/usage`);
    expect(await owner.getByTestId("messages-used").textContent()).toContain("Limit reached");
    await owner.context().close();
  }, 90_000);
});
