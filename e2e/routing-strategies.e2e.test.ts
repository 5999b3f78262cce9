import OpenAI from "openai";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { addCredential, credentialRow, signUp } from "./support/dashboard";

// Three OpenAI keys; the provider starts refusing BRAVO (401) while the requests run.
const ALPHA = "sk-proj-alpha-key-0001";
const CHARLIE = "sk-proj-charlie-key-0003";
const BRAVO = "sk-proj-bravo-key-0002";

type Strategy = "latest" | "random" | "round-robin" | "failover" | "least-used";

describe("routing strategies with one refused credential of three (issue 5, in the browser)", () => {
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let defaultToken: string;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    [app, browser] = await Promise.all([startApp({ UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1` }), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    defaultToken = await signUp(page, app.url, "three-keys@example.com");
    await page.goto(`${app.url}/dashboard/providers`);
    // Added in this order, BRAVO is the newest ("latest" tries it first) and last in the failover order.
    for (const [secret, label] of [[ALPHA, "Alpha"], [CHARLIE, "Charlie"], [BRAVO, "Bravo"]]) {
      const outcome = await addCredential(page, { provider: "openai", secret, label });
      expect(outcome).toEqual({ ok: true, text: `Saved ${label} (••••${secret.slice(-4)}). OpenAI accepted it.` });
    }
    expect(await page.getByTestId("credentials").locator("li").count()).toBe(3);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  async function setAccountStrategy(strategy: Strategy) {
    await page.goto(`${app.url}/dashboard/api`);
    await page.getByRole("radio", { name: new RegExp(`^${strategy}\\b`) }).check();
    await page.getByRole("button", { name: "Save strategy" }).click();
    await expect.poll(() => page.getByTestId("strategy-result").textContent()).toContain(`now use ${strategy}`);
  }

  async function tokenWithStrategy(strategy: Strategy): Promise<string> {
    await page.goto(`${app.url}/dashboard/keys`);
    const form = page.getByRole("form", { name: "New API token" });
    await form.getByLabel("Name").fill(`${strategy} token`);
    await form.getByLabel("Routing strategy").selectOption(strategy);
    await form.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByTestId("new-key").locator("input").inputValue();
    expect(await page.getByTestId("tokens").locator("li", { hasText: `${strategy} token` }).textContent()).toContain(`strategy: ${strategy}`);
    return token;
  }

  const bravoRefusals = () => fake.requests.filter((r) => r.credential === BRAVO && r.status === 401).length;

  /**
   * Sends requests until BRAVO has been refused at least once (and `minimum` were sent); each must
   * succeed. Their generation ids go to `ids`.
   */
  async function send(token: string, minimum: number, maximum = minimum, ids: string[] = []) {
    const client = new OpenAI({ apiKey: token, baseURL: `${app.url}/v1`, maxRetries: 0 });
    let sent = 0;
    while (sent < minimum || (bravoRefusals() === 0 && sent < maximum)) {
      const text = `request ${++sent}`;
      const { data: answer, response } = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: text }] }).withResponse();
      expect(answer.choices[0].message.content).toBe(`Echo: ${text}`);
      ids.push(response.headers.get("x-generation-id")!);
    }
    return sent;
  }

  /** Providers names the refused credential and quotes OpenAI; the other two stay active. */
  async function expectBravoMarkedInvalid() {
    await page.goto(`${app.url}/dashboard/providers`);
    await expect.poll(async () => {
      await page.reload();
      return credentialRow(page, "0002").getByTestId("credential-status").textContent();
    }, { timeout: 10_000 }).toBe("invalid");
    const bravo = credentialRow(page, "0002");
    expect(await bravo.getByTestId("credential-label").textContent()).toContain("Bravo");
    expect(await bravo.getByTestId("credential-error").textContent()).toMatch(/OpenAI said \(.+ UTC\): Incorrect API key provided: sk-pro\*+0002\./);
    for (const last4 of ["0001", "0003"]) expect(await credentialRow(page, last4).getByTestId("credential-status").textContent()).toBe("active");
  }

  /** The provider takes BRAVO again; "Check again" puts it back in use for the next strategy. */
  async function restoreBravo() {
    fake.reset();
    const bravo = credentialRow(page, "0002");
    await bravo.getByRole("button", { name: "Check again" }).click();
    await expect.poll(() => bravo.getByTestId("recheck-result").textContent().catch(() => "")).toBe("OpenAI accepted it. It is in use again.");
    expect(await bravo.getByTestId("credential-status").textContent()).toBe("active");
    expect(await bravo.getByTestId("credential-error").count()).toBe(0);
  }

  async function runStrategy(strategy: Strategy, token: string, requests: { minimum: number; maximum?: number }, ids: string[] = []) {
    fake.setFault({ mode: "invalid-key", match: { credential: BRAVO } });
    const sent = await send(token, requests.minimum, requests.maximum, ids);
    expect(bravoRefusals(), `${strategy} never tried the refused credential in ${sent} requests`).toBeGreaterThan(0);
    await expectBravoMarkedInvalid();
    await restoreBravo();
  }

  it("latest (account default from My API): tries the newest credential, which is refused, and every request still succeeds", async () => {
    await setAccountStrategy("latest");
    await runStrategy("latest", defaultToken, { minimum: 4 });
  }, 120_000);

  it("random (a token's own strategy from Keys): every request succeeds", async () => {
    await runStrategy("random", await tokenWithStrategy("random"), { minimum: 4, maximum: 40 });
  }, 120_000);

  it("round-robin (a token's own strategy): every request succeeds", async () => {
    await runStrategy("round-robin", await tokenWithStrategy("round-robin"), { minimum: 6 });
  }, 120_000);

  it("failover (account default) after moving the refused credential to the top with the keyboard: every request succeeds", async () => {
    await page.goto(`${app.url}/dashboard/providers`);
    const bravoId = await credentialRow(page, "0002").getAttribute("data-credential-id");
    const focused = () => page.evaluate(() => `${document.activeElement?.closest("li")?.getAttribute("data-credential-id")} ${document.activeElement?.getAttribute("aria-label")}`);
    await credentialRow(page, "0002").getByRole("button", { name: "Move up in failover order" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("credentials").locator("li").nth(1).getAttribute("data-credential-id")).toBe(bravoId);
    await expect.poll(focused).toBe(`${bravoId} Move up in failover order`);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("credentials").locator("li").first().getAttribute("data-credential-id")).toBe(bravoId);
    // At the top "Move up" is disabled, so focus stays in the row on "Move down".
    await expect.poll(focused).toBe(`${bravoId} Move down in failover order`);
    await page.reload();
    expect(await page.getByTestId("credentials").locator("li").first().getAttribute("data-credential-id")).toBe(bravoId);

    await setAccountStrategy("failover");
    await runStrategy("failover", defaultToken, { minimum: 4 });
  }, 120_000);

  it("least-used (a token's own strategy): every request succeeds", async () => {
    await runStrategy("least-used", await tokenWithStrategy("least-used"), { minimum: 4 });
  }, 120_000);

  it("shows in Usage that the requests succeeded, some after a second attempt", async () => {
    // A token of its own on "latest": its first request tries BRAVO (the newest), is refused, and succeeds on another.
    const ids: string[] = [];
    await runStrategy("latest", await tokenWithStrategy("latest"), { minimum: 4 }, ids);
    await page.goto(`${app.url}/dashboard/usage`);
    const table = page.getByTestId("recent-requests");
    const rows = ids.map((id) => table.locator(`tbody tr[data-request-id="${id}"]`));
    const cells = (testId: string) => Promise.all(rows.map((row) => row.getByTestId(testId).textContent()));
    // Usage refreshes itself while it is shown; the rows arrive within the writer's flush interval.
    await expect.poll(async () => (await Promise.all(rows.map((row) => row.count()))).every((n) => n === 1), { timeout: 15_000 }).toBe(true);
    expect(new Set(await cells("request-status"))).toEqual(new Set(["200"]));
    expect(await cells("request-attempts")).toContain("2");
  }, 120_000);
});
