import OpenAI from "openai";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { addCredential, credentialRow, signUp } from "./support/dashboard";
import { captureScreens } from "./support/screenshots";

const REFUSED = "sk-proj-invalid-key-9999";
const GROQ = "gsk_live-groq-key-4321";
const MISTRAL = "mistral-key-offline-5555";
const OAUTH = "sk-ant-oat01-subscription-token-6666";
const BUSY = "sk-proj-busy-key-7777";

describe("Providers in the browser", () => {
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    const env = {
      UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1`,
      UPSTREAM_GROQ_BASE_URL: `${fake.url}/openai/v1`,
      UPSTREAM_ANTHROPIC_BASE_URL: fake.url,
      // Nothing listens on port 9 of loopback: Mistral "cannot be reached".
      UPSTREAM_MISTRAL_BASE_URL: "http://127.0.0.1:9/v1",
    };
    [app, browser] = await Promise.all([startApp(env), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    token = await signUp(page, app.url, "providers@example.com");
    await page.goto(`${app.url}/dashboard/providers`);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it("guides a new user, and does not save a key the provider refuses, showing the provider's own message", async () => {
    expect(await page.getByTestId("no-credentials").textContent()).toContain("Paste an API key");
    await captureScreens(page, "providers-empty");
    const outcome = await addCredential(page, { provider: "openai", secret: REFUSED, label: "Old key" });
    expect(outcome.ok).toBe(false);
    expect(outcome.text).toMatch(/^OpenAI refused this key \(401\): Incorrect API key provided: sk-pro\*+9999\. You can find your API key at https:\/\/platform\.openai\.com\/account\/api-keys\. Nothing was saved\.$/);
    const form = page.getByTestId("add-credential");
    expect(await form.locator("input[name=secret]").getAttribute("aria-invalid")).toBe("true");
    expect(await form.locator("input[name=label]").inputValue()).toBe("Old key");
    await page.reload();
    expect(await page.getByTestId("no-credentials").count()).toBe(1);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["GET /v1/models 401"]);
  }, 60_000);

  it("picks the provider from what was pasted, checks the key and saves it", async () => {
    const form = page.getByTestId("add-credential");
    expect(await form.locator("select[name=provider]").inputValue()).toBe("anthropic");
    await form.locator("input[name=secret]").fill(GROQ);
    await expect.poll(() => form.locator("select[name=provider]").inputValue()).toBe("groq");
    expect(await page.getByTestId("secret-hint").textContent()).toContain("Looks like a Groq API key.");
    expect(await page.getByTestId("check-note").textContent()).toContain("lists your models at Groq");
    await form.getByRole("button", { name: "Add credential" }).click();
    await expect.poll(() => form.getByTestId("add-credential-result").textContent().catch(() => "")).toBe("Saved Groq (••••4321). Groq accepted it.");
    const row = credentialRow(page, "4321");
    expect(await row.getByTestId("credential-status").textContent()).toBe("active");
    expect(await row.getByTestId("credential-unverified").count()).toBe(0);
    expect(await row.getByTestId("credential-last-used").textContent()).toBe("never");
  }, 60_000);

  it("saves a key for a provider it cannot reach, clearly marked as not verified", async () => {
    const outcome = await addCredential(page, { provider: "mistral", secret: MISTRAL });
    expect(outcome).toEqual({ ok: true, text: "Saved Mistral (••••5555). Not verified: Mistral could not be reached (ECONNREFUSED)." });
    const row = credentialRow(page, "5555");
    expect(await row.getByTestId("credential-status").textContent()).toBe("active");
    expect(await row.getByTestId("credential-unverified").textContent()).toBe("not verified");
    expect(await row.getByTestId("credential-check-note").textContent()).toBe("Not verified: Mistral could not be reached (ECONNREFUSED).");
    expect(await row.getByRole("button", { name: "Check again" }).count()).toBe(1);
  }, 60_000);

  it("shows the fields each provider needs, detects an OAuth token and says the subscription's terms apply", async () => {
    const form = page.getByTestId("add-credential");
    const select = form.locator("select[name=provider]");
    await select.selectOption("custom");
    expect(await form.locator("input[name=baseUrl]").getAttribute("required")).not.toBeNull();
    expect(await form.locator("input[name=accountId]").count()).toBe(0);
    expect(await form.locator("input[name=kind]").count()).toBe(0);
    expect(await page.getByTestId("check-note").textContent()).toContain("Custom endpoints are saved without a check");
    await select.selectOption("cloudflare-ai");
    expect(await form.locator("input[name=accountId]").count()).toBe(1);
    expect(await form.locator("input[name=baseUrl]").count()).toBe(0);
    await select.selectOption("anthropic");
    expect(await form.getByRole("radio", { name: /^API key/ }).isChecked()).toBe(true);
    expect(await page.getByTestId("oauth-note").textContent()).toContain("the subscription's own terms apply");
    expect(await form.locator("input[name=expiresAt]").count()).toBe(0);

    await form.locator("input[name=secret]").fill(OAUTH);
    expect(await form.getByRole("radio", { name: /^OAuth token/ }).isChecked()).toBe(true);
    expect(await page.getByTestId("kind-detected").textContent()).toContain("OAuth token");
    // Chosen by hand, the kind stays whatever is pasted next.
    await form.getByRole("radio", { name: /^API key/ }).check();
    await form.locator("input[name=secret]").fill(`${OAUTH}x`);
    expect(await form.getByRole("radio", { name: /^API key/ }).isChecked()).toBe(true);
    await form.getByRole("radio", { name: /^OAuth token/ }).check();
    await form.locator("input[name=secret]").fill(OAUTH);
    const expires = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await form.locator("input[name=expiresAt]").fill(expires);
    await form.locator("input[name=label]").fill("Claude Max");
    await form.getByRole("button", { name: "Add credential" }).click();
    await expect.poll(() => form.getByTestId("add-credential-result").textContent().catch(() => "")).toContain("Saved Claude Max (••••6666). Not verified: subscription (OAuth) tokens are not tried before saving");
    const row = credentialRow(page, "6666");
    expect(await row.textContent()).toContain("OAuth token");
    expect(await row.getByTestId("expiry").textContent()).toMatch(new RegExp(`^Expires in [23] days \\(${expires}\\)$`));
    expect(fake.requests.some((r) => r.credential === OAUTH)).toBe(false);
  }, 60_000);

  it("renames, disables and enables, and deletes only after confirming, all from the keyboard", async () => {
    const row = credentialRow(page, "4321");
    await row.getByRole("button", { name: "Rename" }).focus();
    await page.keyboard.press("Enter");
    const input = row.getByLabel("New label");
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => row.getByRole("button", { name: "Rename" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await input.fill("Groq production");
    await page.keyboard.press("Enter");
    await expect.poll(() => row.getByTestId("credential-label").textContent().catch(() => "")).toBe("· Groq production");
    await expect.poll(() => row.getByRole("button", { name: "Rename" }).evaluate((el) => el === document.activeElement)).toBe(true);

    await row.getByRole("button", { name: "Disable" }).click();
    await expect.poll(() => row.getByTestId("credential-status").textContent()).toBe("disabled");
    await row.getByRole("button", { name: "Enable" }).click();
    await expect.poll(() => row.getByTestId("credential-status").textContent()).toBe("active");

    const mistral = credentialRow(page, "5555");
    await mistral.getByRole("button", { name: "Delete" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => mistral.getByRole("button", { name: "Cancel" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => mistral.getByRole("button", { name: "Delete" }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await credentialRow(page, "5555").count()).toBe(1);
    await page.keyboard.press("Enter");
    await mistral.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => credentialRow(page, "5555").count()).toBe(0);
  }, 60_000);

  it("shows a rate-limited credential cooling down until the provider's reset, and never shows a secret", async () => {
    expect((await addCredential(page, { provider: "openai", secret: BUSY, label: "Shared key" })).ok).toBe(true);
    fake.setFault({ mode: "status:429:120", match: { credential: BUSY, path: "/chat/completions" } });
    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect.poll(async () => {
      await page.reload();
      return credentialRow(page, "7777").getByTestId("credential-status").textContent();
    }, { timeout: 10_000 }).toMatch(/^cooling down until \d\d:\d\d:\d\d UTC$/);
    expect(await credentialRow(page, "7777").getByTestId("credential-error").textContent()).toContain("Rate limit reached for gpt-4o");

    const html = await page.content();
    for (const secret of [GROQ, OAUTH, BUSY, "groq-key", "subscription-token", "busy-key"]) expect(html).not.toContain(secret);
    await captureScreens(page, "providers");
  }, 60_000);
});
