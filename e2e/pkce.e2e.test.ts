import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { startPkceApp } from "./support/pkce-app";

describe("one-click keys for apps (OAuth PKCE) in a browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let thirdParty: Awaited<ReturnType<typeof startPkceApp>>;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    thirdParty = await startPkceApp(app.url);
    page = await (await browser.newContext()).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await thirdParty?.close();
    await app?.stop();
  });

  it("signs in from the app's link, shows which app asks, and hands the app a working key", async () => {
    await page.goto(thirdParty.url);
    await page.click("#connect");
    await page.waitForURL(/\/signin\?callbackUrl=/);
    await page.getByRole("link", { name: "Sign up free" }).click();
    await page.waitForURL(/\/signup\?callbackUrl=/);
    await page.getByLabel("Email").fill("pkce-user@example.com");
    await page.getByLabel("Password").fill("a long password");
    await page.getByRole("button", { name: "Create account" }).click();
    // Signing up from the app's link comes straight back to the approval page.
    await page.waitForURL(/\/auth\?/);
    expect(await page.getByTestId("app-origin").textContent()).toBe(thirdParty.url);
    await page.getByRole("button", { name: "Approve" }).click();
    await page.waitForURL(/\/callback\?code=/);
    await page.waitForFunction(() => document.getElementById("result")?.textContent);
    const key = await page.textContent("#result");
    expect(key).toMatch(/^lr_live_/);

    const info = await fetch(`${app.url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${key}` } });
    expect((await info.json()).data.name).toBe(new URL(thirdParty.url).host);

    // The app exchanged this code with this verifier; the same pair a second time must be refused as a reuse.
    const code = new URL(page.url()).searchParams.get("code")!;
    const verifier = await page.evaluate(() => sessionStorage.getItem("verifier"));
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const reused = await fetch(`${app.url}/api/v1/auth/keys`, { method: "POST", body: JSON.stringify({ code, code_verifier: verifier }) });
    expect(reused.status).toBe(403);
    expect((await reused.json()).error).toMatchObject({ type: "permission_error", message: expect.stringMatching(/already used/) });
  }, 90_000);

  it("sends the user back with access_denied when they decline", async () => {
    await page.goto(thirdParty.url);
    await page.click("#connect");
    await page.waitForURL(/\/auth\?/);
    await page.getByRole("button", { name: "Decline" }).click();
    await page.waitForURL(/\/callback\?error=access_denied/);
  }, 60_000);

  it("refuses callback URLs that are neither https nor localhost, without redirecting", async () => {
    await page.goto(`${app.url}/auth?callback_url=${encodeURIComponent("http://evil.example/cb")}`);
    expect(await page.getByRole("heading").first().textContent()).toBe("This link cannot be used");
    expect(page.url()).toContain(app.url);
  });

  it("answers the exchange endpoint's misuse with 400 and 405", async () => {
    expect((await fetch(`${app.url}/api/v1/auth/keys`, { method: "POST", body: "{}" })).status).toBe(400);
    expect((await fetch(`${app.url}/api/v1/auth/keys`)).status).toBe(405);
  });
});
