import OpenAI from "openai";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { addCredential, credentialRow, signUp } from "./support/dashboard";

const KEY = "sk-proj-recheck-key-8888";

describe("Providers and a credential its provider refused", () => {
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    // Automatic checks after 2 s, then every 4 s, so the test can watch them happen.
    const env = { UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1`, CREDENTIAL_RECHECK_BACKOFF_MS: "2000,4000" };
    [app, browser] = await Promise.all([startApp(env), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    token = await signUp(page, app.url, "recheck@example.com");
    await page.goto(`${app.url}/dashboard/providers`);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  const row = () => credentialRow(page, "8888");
  const shown = async () => {
    await page.reload();
    const nextCheck = row().getByTestId("credential-next-check");
    return { status: await row().getByTestId("credential-status").textContent(), nextCheck: (await nextCheck.count()) ? await nextCheck.textContent() : null };
  };

  it("names the refused key in the API's error, shows when it is checked again, and shows it back in service by itself", async () => {
    expect((await addCredential(page, { provider: "openai", secret: KEY, label: "work" })).ok).toBe(true);
    // The key is revoked: OpenAI refuses it everywhere, its model listing (the check) included.
    fake.setFault({ mode: "status:401", match: { credential: KEY } });
    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1` });
    const refused = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(refused.status).toBe(424);
    expect(refused.error.message).toContain("Your OpenAI credential 'work' (••••8888) was refused by OpenAI at ");

    await expect.poll(shown, { timeout: 20_000 }).toEqual({ status: "invalid", nextCheck: expect.stringMatching(/^Next automatic check at \d\d:\d\d:\d\d UTC\.$/) });
    expect(await row().getByTestId("credential-error").textContent()).toContain("Incorrect API key provided");

    fake.reset();
    await expect.poll(shown, { timeout: 30_000 }).toEqual({ status: "active", nextCheck: null });
    const back = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] });
    expect(back.choices[0].message.content).toBe("Echo: hi");
  }, 90_000);
});
