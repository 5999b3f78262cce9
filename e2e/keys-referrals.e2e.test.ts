import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { addCredential } from "./support/dashboard";
import { captureScreens } from "./support/screenshots";

async function signUp(page: Page, url: string, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard\/api$/, { timeout: 60_000 });
  void url;
}

const shoot = captureScreens;

describe("Keys and Referrals in the browser", () => {
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    [app, browser] = await Promise.all([startApp({ UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1` }), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${app.url}/signup`);
    await signUp(page, app.url, "keys-owner@example.com");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it("creates a limited token shown once, disables and deletes it, and creates a management key that works", async () => {
    await page.getByRole("link", { name: "Keys" }).click();
    await page.waitForURL(/\/keys$/);
    await page.locator("input[name=name]").first().fill("ci-runner");
    await page.locator("input[name=limit]").fill("5");
    await page.locator("select[name=limit_reset]").selectOption("daily");
    await page.locator("input[name=allowed_providers][value=openai]").check();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByTestId("new-key").locator("input").inputValue();
    expect(token).toMatch(/^lr_live_/);
    const row = page.getByTestId("tokens").locator("li", { hasText: "ci-runner" });
    await expect(row.textContent()).resolves.toContain("0 / 5 messages (daily)");
    expect(await (await fetch(`${app.url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await shoot(page, "dashboard-keys");

    await row.getByRole("button", { name: "Disable" }).click();
    await expect.poll(() => page.getByTestId("tokens").locator("li", { hasText: "ci-runner" }).textContent()).toContain("disabled");
    expect((await fetch(`${app.url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.getByTestId("tokens").locator("li", { hasText: "ci-runner" }).getByRole("button", { name: "Delete" }).click();
    await page.getByTestId("tokens").locator("li", { hasText: "ci-runner" }).getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => page.getByTestId("tokens").locator("li", { hasText: "ci-runner" }).count()).toBe(0);

    await page.getByRole("button", { name: "Create management key" }).click();
    const newMgmtKey = () => page.getByTestId("new-key").last().locator("input").inputValue();
    await expect.poll(newMgmtKey).toMatch(/^lr_mgmt_/);
    const mgmt = await newMgmtKey();
    const listed = await fetch(`${app.url}/api/v1/keys`, { headers: { authorization: `Bearer ${mgmt}` } });
    expect(listed.status).toBe(200);
    expect((await listed.json()).data.map((k: { name: string }) => k.name)).toEqual(["Default"]);
  }, 90_000);

  it("lists a friend who signed up through the link as pending, and gives both sides the bonus with the friend's first successful request", async () => {
    await page.getByRole("link", { name: "Referrals" }).click();
    await page.waitForURL(/\/referrals$/);
    const link = await page.getByTestId("referral-link").inputValue();
    const friend = await (await browser.newContext()).newPage();
    await friend.goto(link);
    expect(await friend.locator("input[name=referralCode]").inputValue()).toBe(new URL(link).searchParams.get("ref"));
    await signUp(friend, app.url, "friend@example.com");
    const friendToken = await friend.getByTestId("api-token").inputValue();
    const messages = async () => (await (await fetch(`${app.url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${friendToken}` } })).json()).data.messages;
    expect(await messages()).toMatchObject({ limit: 100, bonus: 0 });
    await page.reload();
    expect(await page.getByTestId("referrals").textContent()).toContain("fr***@example.com");
    expect(await page.getByTestId("referrals").textContent()).toContain("pending: no successful request yet");
    expect(await page.getByTestId("referral-pending").textContent()).toBe("1");
    expect(await page.getByTestId("referral-earned").textContent()).toBe("0");

    await friend.goto(`${app.url}/dashboard/providers`);
    expect((await addCredential(friend, { provider: "openai", secret: "sk-friend-openai-key" })).ok).toBe(true);
    const chat = await fetch(`${app.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${friendToken}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "my first request" }] }),
    });
    expect(chat.status).toBe(200);
    await expect.poll(messages).toMatchObject({ limit: 150, bonus: 50 });
    await page.reload();
    expect(await page.getByTestId("referral-pending").textContent()).toBe("0");
    expect(await page.getByTestId("referral-earned").textContent()).toBe("50");
    expect(await page.getByTestId("referrals").textContent()).toContain("+50 for you");
    await shoot(page, "dashboard-referrals");
  }, 90_000);
});
