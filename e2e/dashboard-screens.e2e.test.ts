import OpenAI from "openai";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { addCredential, credentialRow, signUp } from "./support/dashboard";
import { captureScreens, overflowingElements } from "./support/screenshots";

const PAGES = ["api", "providers", "keys", "usage", "referrals", "billing", "settings"] as const;
const REVOKED = "sk-proj-revoked-key-1002";

/** A busy account, so every page shows lists, errors and long values rather than empty states. */
async function fillAccount(page: Page, app: RunningApp, fake: FakeUpstream, token: string) {
  await page.goto(`${app.url}/dashboard/providers`);
  expect((await addCredential(page, { provider: "openai", secret: "sk-proj-main-key-1001", label: "Production (team billing account)" })).ok).toBe(true);
  expect((await addCredential(page, { provider: "openai", secret: REVOKED, label: "Old laptop" })).ok).toBe(true);
  const form = page.getByTestId("add-credential");
  await form.locator("select[name=provider]").selectOption("anthropic");
  await form.locator("input[name=secret]").fill("sk-ant-oat01-claude-max-token-1003");
  await form.locator("input[name=expiresAt]").fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Add credential" }).click();
  await credentialRow(page, "1003").waitFor();
  await form.locator("select[name=provider]").selectOption("cloudflare-ai");
  await form.locator("input[name=accountId]").fill("0123456789abcdef0123456789abcdef");
  await form.locator("input[name=secret]").fill("cloudflare-api-token-1004");
  await form.getByRole("button", { name: "Add credential" }).click();
  await credentialRow(page, "1004").waitFor();
  await form.locator("select[name=provider]").selectOption("custom");
  await form.locator("input[name=baseUrl]").fill("https://llm.internal.example-company.com/openai/deployments/gpt-4o-mini-2024-07-18/v1");
  await form.locator("input[name=secret]").fill("custom-endpoint-key-1005");
  await form.getByRole("button", { name: "Add credential" }).click();
  await credentialRow(page, "1005").waitFor();

  // OpenAI starts refusing the newest key ("latest" tries it first): it gets marked, requests go on.
  fake.setFault({ mode: "invalid-key", match: { credential: REVOKED } });
  const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
  for (let i = 0; i < 6; i++) await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: `hello ${i}` }] });
  const stream = await client.chat.completions.create({ model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "stream" }], stream: true });
  for await (const chunk of stream) void chunk;
  await client.chat.completions.create({ model: "openai/gpt-4o--fault-status-400", messages: [{ role: "user", content: "bad" }] }).catch(() => undefined);

  await page.goto(`${app.url}/dashboard/keys`);
  const tokenForm = page.getByRole("form", { name: "New API token" });
  await tokenForm.getByLabel("Name").fill("ci-runner for the nightly integration suite");
  await tokenForm.locator("input[name=limit]").fill("500");
  await tokenForm.locator("select[name=limit_reset]").selectOption("daily");
  for (const provider of ["openai", "anthropic", "cloudflare-ai"]) await tokenForm.locator(`input[name=allowed_providers][value=${provider}]`).check();
  await tokenForm.getByLabel("Routing strategy").selectOption("round-robin");
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  await page.getByTestId("new-key").waitFor();
  await page.getByRole("form", { name: "New management key" }).getByLabel("Name").fill("provisioning");
  await page.getByRole("button", { name: "Create management key" }).click();
  await page.getByTestId("management-keys").waitFor();

  await page.goto(`${app.url}/dashboard/referrals`);
  const friend = await (await page.context().browser()!.newContext()).newPage();
  await friend.goto(await page.getByTestId("referral-link").inputValue());
  await friend.getByLabel("Email").fill("a-friend-with-a-long-address@example.com");
  await friend.getByLabel("Password").fill("a long password");
  await friend.getByRole("button", { name: "Create account" }).click();
  await friend.waitForURL(/\/dashboard\/api$/, { timeout: 60_000 });
  await friend.context().close();
}

describe("every dashboard page, wide and narrow, light and dark", () => {
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    const env = { UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1`, UPSTREAM_CLOUDFLARE_AI_BASE_URL: `${fake.url}/client/v4/accounts/{account_id}/ai/v1` };
    [app, browser] = await Promise.all([startApp(env), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const token = await signUp(page, app.url, "a-rather-long-address-for-layout-checks@example.com");
    await fillAccount(page, app, fake, token);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it("has data on every page: the refused credential with OpenAI's message, requests, tokens and a referral", async () => {
    await page.goto(`${app.url}/dashboard/providers`);
    await expect.poll(async () => {
      await page.reload();
      return credentialRow(page, "1002").getByTestId("credential-status").textContent();
    }, { timeout: 10_000 }).toBe("invalid");
    expect(await credentialRow(page, "1002").getByTestId("credential-error").textContent()).toContain("Incorrect API key provided");
    await page.goto(`${app.url}/dashboard/usage`);
    await expect.poll(() => page.getByTestId("recent-requests").locator("tbody tr[data-request-id]").count(), { timeout: 15_000 }).toBe(8);
    await page.goto(`${app.url}/dashboard/referrals`);
    expect(await page.getByTestId("referrals").textContent()).toContain("a-***@example.com");
  }, 60_000);

  it("never scrolls sideways at 390 px, in either color scheme", async () => {
    const problems: Record<string, string[]> = {};
    await page.setViewportSize({ width: 390, height: 844 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const name of PAGES) {
        await page.goto(`${app.url}/dashboard/${name}`);
        await page.waitForLoadState("networkidle");
        const overflow = await overflowingElements(page);
        if (overflow.length) problems[`${name} (${colorScheme})`] = overflow;
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(problems).toEqual({});
  }, 120_000);

  it("takes the screenshots of each page at 1280 and 390 px, light and dark", async () => {
    for (const name of PAGES) {
      await page.goto(`${app.url}/dashboard/${name}`);
      await page.waitForLoadState("networkidle");
      await captureScreens(page, `dashboard-${name}`);
    }
  }, 180_000);
});
