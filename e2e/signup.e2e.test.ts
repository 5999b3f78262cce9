import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { captureScreens } from "./support/screenshots";

const EMAIL = "newcomer@example.com";
const PASSWORD = "a long password";
const OPENAI_KEY = "sk-proj-secretvalue-9876";

const keyInfo = (url: string, token: string) => fetch(`${url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${token}` } });

describe("a new user in the browser", () => {
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const secretsSeen: string[] = [OPENAI_KEY, PASSWORD];
  const logs: string[] = [];

  // Providers checks each key with its provider before saving: the fake stands in for OpenAI and Groq.
  const upstreams = () => ({ UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1`, UPSTREAM_GROQ_BASE_URL: `${fake.url}/openai/v1` });

  beforeAll(async () => {
    fake = await startFakeUpstream();
    [app, browser] = await Promise.all([startApp(upstreams()), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it("shows the landing and pricing pages with the providers, the code sample and the plans", async () => {
    await page.goto(app.url);
    expect(await page.locator("h1").textContent()).toContain("One endpoint");
    expect(await page.getByTestId("provider-list").locator("li[data-provider]").count()).toBe(11);
    expect(await page.getByTestId("landing-sample").textContent()).toContain(`baseURL: "${app.url}/v1"`);
    await captureScreens(page, "landing");

    await page.getByRole("link", { name: "Pricing" }).first().click();
    await page.waitForURL(/\/pricing$/);
    const plans = await page.getByTestId("plans").textContent();
    for (const text of ["Free", "$0", "100 messages", "Starter", "$29", "1,000 messages", "Pro", "$49", "5,000 messages", "Enterprise", "$69", "Unlimited"]) {
      expect(plans).toContain(text);
    }
    expect(await page.textContent("main")).toContain("1st of each month at 00:00 UTC");
    await captureScreens(page, "pricing");

    await page.goto(`${app.url}/signin`);
    await captureScreens(page, "signin");
  }, 90_000);

  it("signs up (after a refused short password), lands on My API and copies a working lr_live_ token", async () => {
    await page.goto(app.url);
    await page.getByRole("link", { name: "Sign up" }).first().click();
    await page.waitForURL(/\/signup$/);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    expect(await page.getByTestId("form-error").textContent()).toBe("Password must be at least 8 characters.");
    await captureScreens(page, "signup");

    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/dashboard\/api$/, { timeout: 30_000 });
    expect(await page.getByTestId("user-email").textContent()).toBe(EMAIL);
    expect(await page.getByRole("link", { name: "My API" }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByTestId("base-url").inputValue()).toBe(`${app.url}/v1`);

    const shown = await page.getByTestId("api-token").inputValue();
    expect(shown).toMatch(/^lr_live_[A-Za-z0-9_-]{40}$/);
    const copyButton = page.locator(`button[data-copy-value="${shown}"]`);
    await copyButton.click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    secretsSeen.push(copied);
    // The examples show the token masked (Reveal shows it; e2e/dashboard-details covers that).
    expect(await page.locator("pre").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(`Bearer lr_live_${"•".repeat(12)}${shown.slice(-4)}`)]));
    await captureScreens(page, "dashboard-api");

    const info = await keyInfo(app.url, copied);
    expect(info.status).toBe(200);
    expect((await info.json()).data).toMatchObject({ name: "Default", plan: "free", messages: { used: 0, limit: 100 } });
  }, 90_000);

  it("regenerates the token only after confirming, and the old one stops working", async () => {
    const before = await page.getByTestId("api-token").inputValue();
    await page.getByRole("button", { name: "Regenerate token" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Regenerate token" }).click();
    await page.getByRole("button", { name: "Yes, regenerate" }).click();
    await expect.poll(() => page.getByTestId("api-token").inputValue(), { timeout: 10_000 }).not.toBe(before);
    const after = await page.getByTestId("api-token").inputValue();
    secretsSeen.push(after);
    expect(after).toMatch(/^lr_live_/);
    expect((await keyInfo(app.url, before)).status).toBe(401);
    expect((await keyInfo(app.url, after)).status).toBe(200);
    await page.getByRole("button", { name: "Regenerate token" }).waitFor();
  }, 60_000);

  it("adds a provider key, shows field errors inline, and only ever shows the key masked", async () => {
    await page.getByRole("link", { name: "Providers" }).click();
    await page.waitForURL(/\/dashboard\/providers$/);
    const form = page.getByTestId("add-credential");
    await form.locator("select[name=provider]").selectOption("cloudflare-ai");
    expect(await form.locator("input[name=accountId]").count()).toBe(1);
    await form.locator("select[name=provider]").selectOption("custom");
    expect(await form.locator("input[name=baseUrl]").count()).toBe(1);
    expect(await form.locator("input[name=accountId]").count()).toBe(0);
    expect(await form.locator("input[name=kind]").count()).toBe(0);
    await form.locator("select[name=provider]").selectOption("anthropic");
    await form.getByRole("radio", { name: /^OAuth token/ }).check();
    expect(await page.getByTestId("oauth-note").textContent()).toContain("terms apply");

    await form.locator("select[name=provider]").selectOption("openai");
    await form.locator("input[name=label]").fill("Work account");
    await form.locator("input[name=secret]").fill("sk-9876");
    await form.getByRole("button", { name: "Add credential" }).click();
    expect(await page.getByTestId("error-secret").textContent()).toBe("Must be at least 8 characters.");
    expect(await form.locator("input[name=label]").inputValue()).toBe("Work account");

    await form.locator("input[name=secret]").fill(OPENAI_KEY);
    await form.getByRole("button", { name: "Add credential" }).click();
    await page.getByTestId("credentials").waitFor();
    await form.getByTestId("add-credential-result").waitFor();
    expect(await form.locator("input[name=secret]").inputValue()).toBe("");
    const row = page.getByTestId("credentials").locator("li").first();
    expect(await row.getByTestId("credential-masked").textContent()).toBe("••••9876");
    expect(await row.textContent()).toContain("OpenAI");
    expect(await row.textContent()).toContain("Work account");
    expect(await row.getByTestId("credential-status").textContent()).toBe("active");
    expect(await page.content()).not.toContain("secretvalue");

    await row.getByRole("button", { name: "Disable" }).click();
    await expect.poll(() => row.getByTestId("credential-status").textContent()).toBe("disabled");
    await row.getByRole("button", { name: "Enable" }).click();
    await expect.poll(() => row.getByTestId("credential-status").textContent()).toBe("active");

    await form.locator("select[name=provider]").selectOption("groq");
    await form.locator("input[name=secret]").fill("gsk_to-be-deleted-5555");
    await form.getByRole("button", { name: "Add credential" }).click();
    await expect.poll(() => page.getByTestId("credentials").locator("li").count()).toBe(2);
    await captureScreens(page, "dashboard-providers");

    const groq = page.getByTestId("credentials").locator("li", { hasText: "••••5555" });
    await groq.getByRole("button", { name: "Move up in failover order" }).click();
    await expect.poll(() => page.getByTestId("credentials").locator("li").first().textContent()).toContain("••••5555");
    await groq.getByRole("button", { name: "Delete" }).click();
    await groq.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => page.getByTestId("credentials").locator("li").count()).toBe(1);
    expect(await page.getByTestId("credentials").textContent()).toContain("••••9876");
  }, 90_000);

  it("stays signed in across a server restart on the same data folder", async () => {
    await app.stop();
    logs.push(app.output());
    app = await startApp({ ...upstreams(), DATA_DIR: app.dataDir });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    await page.goto(`${app.url}/dashboard/api`);
    await page.waitForURL(/\/dashboard\/api$/);
    expect(await page.getByTestId("user-email").textContent()).toBe(EMAIL);
  }, 90_000);

  it("signs out and back in, and refuses a second account with the same email", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.getByRole("link", { name: "Sign in" }).count()).toBe(1);
    await page.goto(`${app.url}/dashboard`);
    await page.waitForURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByTestId("form-error").textContent()).toContain("Wrong email or password");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard\/api$/);
    expect(await page.getByTestId("user-email").textContent()).toBe(EMAIL);

    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(`${app.url}/signup?ref=FRIEND42`);
    expect(await second.getByLabel("Referral code").inputValue()).toBe("FRIEND42");
    await second.getByLabel("Email").fill("NEWCOMER@example.com");
    await second.getByLabel("Password").fill("another password");
    await second.getByRole("button", { name: "Create account" }).click();
    expect(await second.getByTestId("form-error").textContent()).toContain("already exists");
    expect(second.url()).toContain("/signup");
    await other.close();
  }, 60_000);

  it("never wrote a password, token or provider key to the server's logs", async () => {
    logs.push(app.output());
    const all = logs.join("\n");
    expect(all.length).toBeGreaterThan(0);
    for (const secret of secretsSeen) expect(all, "a secret appeared in the logs").not.toContain(secret);
  });
});
