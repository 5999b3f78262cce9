import type { Browser, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { PASSWORD } from "./support/dashboard";

const logLines = (app: RunningApp) => app.output().split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as { msg: string; path?: string });

/** Holds the browser's requests to `path` until `release()`; `held` resolves when the first arrives. */
function gate() {
  let release!: () => void;
  let arrived!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (arrived = resolve));
  return { release, held, handle: async (route: Route) => (arrived(), await released, route.continue()) };
}

describe("the first sign-up after a start", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ LOG_LEVEL: "info" }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("finds the database opened and migrated before the server took its first request", async () => {
    const messages = logLines(app).map((line) => line.msg);
    const ready = messages.indexOf("database ready");
    expect(messages).toContain("database ready");
    expect(ready).toBeLessThan(messages.findIndex((msg) => msg.startsWith("listening on")));
    expect(messages.slice(0, ready)).not.toContain("request");
  });

  it.each([1280, 390])("shows at %i px which step signing up is on while it runs", async (width) => {
    const page = await (await browser.newContext({ viewport: { width, height: 844 } })).newPage();
    await page.goto(`${app.url}/signup`);
    const account = gate();
    const session = gate();
    await page.route((url) => url.pathname === "/api/auth/signup", account.handle);
    await page.route((url) => url.pathname === "/api/auth/callback/credentials", session.handle);
    await page.getByLabel("Email").fill(`first-${width}@example.com`);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    const progress = page.getByTestId("auth-progress");

    await account.held;
    expect(await progress.textContent()).toBe("Step 1 of 3: Creating your account…");
    expect(await progress.getAttribute("role")).toBe("status");
    expect(await page.getByRole("button", { name: "Creating your account…" }).isDisabled()).toBe(true);
    account.release();

    await session.held;
    await expect.poll(() => progress.textContent()).toBe("Step 2 of 3: Signing you in…");
    session.release();
    await page.waitForURL(/\/dashboard\/api$/, { timeout: 60_000 });
  }, 90_000);
});
