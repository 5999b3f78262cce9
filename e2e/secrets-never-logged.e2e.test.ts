import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { dropSchema, uniqueSchemaUrl } from "@/test/support/databases";
import { fakeUpstreamEnv } from "@/test/support/gateway-harness";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";

const run = promisify(execFile);
const random = (bytes = 18) => randomBytes(bytes).toString("base64url");

const EMAIL = "keeper@example.com";
/** Every secret the scenario hands the product or gets from it. */
const SECRETS: Record<string, string> = {
  password: `correct horse ${random(9)}`,
  wrongPassword: `wrong horse ${random(9)}`,
  encryptionKey: randomBytes(32).toString("hex"),
  authSecret: randomBytes(32).toString("hex"),
  metricsToken: `metrics-${random()}`,
  openaiKey: `sk-proj-${random()}`,
  anthropicOauthToken: `sk-ant-oat01-${random()}`,
  googleKey: `AIza${random()}`,
  customKey: `ollama-${random()}`,
  mistralKey: `mistral-${random()}`,
  callersOwnClaudeToken: `sk-ant-oat01-${random()}`,
  unknownToken: `lr_live_${random(30)}`,
};

/** A piece of output and the one secret it is allowed to show: the one it just created. */
interface Printed {
  what: string;
  text: string;
  creates?: string;
}

describe("no secret is ever logged or returned after creation", () => {
  const databaseUrl = uniqueSchemaUrl();
  const printed: Printed[] = [];
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  const serverEnv = () => ({ DATABASE_URL: databaseUrl, ENCRYPTION_KEY: SECRETS.encryptionKey, AUTH_SECRET: SECRETS.authSecret, LOG_LEVEL: "debug" });

  /** A call to the API; its answer is kept for the scan unless it is the one that creates `creates`. */
  async function api(what: string, path: string, key: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}, creates?: string) {
    const response = await fetch(`${app.url}${path}`, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    printed.push({ what: `${what} (HTTP ${response.status})`, text: [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n") + "\n" + text, creates });
    return { status: response.status, text };
  }

  async function cli(args: string[], creates?: (output: string) => string): Promise<string> {
    const { stdout, stderr } = await run(process.execPath, ["bin/oauthrouter.mjs", ...args], { cwd: process.cwd(), env: { ...process.env, ...serverEnv() } });
    const created = creates?.(stdout);
    if (created) SECRETS[`cli ${args.slice(0, 2).join(" ")}`] = created;
    printed.push({ what: `npx oauthrouter ${args.slice(0, 2).join(" ")}`, text: stdout + stderr, creates: created });
    return stdout;
  }

  async function addCredential(provider: string, secret: string, baseUrl?: string) {
    const form = page.getByTestId("add-credential");
    await form.locator("select[name=provider]").selectOption(provider);
    if (baseUrl) await form.locator("input[name=baseUrl]").fill(baseUrl);
    await form.locator("input[name=secret]").fill(secret);
    await form.getByRole("button", { name: "Add credential" }).click();
    await page.getByTestId("credentials").locator("li", { hasText: `••••${secret.slice(-4)}` }).waitFor();
  }

  beforeAll(async () => {
    fake = await startFakeUpstream();
    const upstreams = fakeUpstreamEnv(fake.url);
    [app, browser] = await Promise.all([startApp({ ...serverEnv(), ...upstreams, METRICS_TOKEN: SECRETS.metricsToken }), launchBrowser()]);
    page = await (await browser.newContext()).newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
    await dropSchema(databaseUrl);
  });

  it("runs a whole account's life through the real server at LOG_LEVEL=debug", async () => {
    // Sign up and sign in through the pages; the session cookie is a secret too.
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(SECRETS.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/dashboard\/api$/, { timeout: 30_000 });
    const token = await page.getByTestId("api-token").inputValue();
    SECRETS.defaultToken = token;
    SECRETS.sessionCookie = (await page.context().cookies()).find((c) => c.name.endsWith("session-token"))!.value;

    // Credentials of several kinds, through the Providers form.
    await page.goto(`${app.url}/dashboard/providers`);
    await addCredential("openai", SECRETS.openaiKey);
    await addCredential("anthropic", SECRETS.anthropicOauthToken);
    await addCredential("google", SECRETS.googleKey);
    await addCredential("custom", SECRETS.customKey, `${fake.url}/ollama/v1`);

    // The operator CLI, beside the running server (PostgreSQL).
    const mgmt = JSON.parse(await cli(["mgmt-key", "create", "--user", EMAIL, "--json"], (out) => JSON.parse(out).key)).key as string;
    const cliToken = JSON.parse(await cli(["token", "create", "--user", EMAIL, "--name", "ci", "--json"], (out) => JSON.parse(out).token)).token as string;
    await cli(["provider", "add", "--user", EMAIL, "--provider", "mistral", "--key", SECRETS.mistralKey, "--json"]);
    await cli(["user", "list", "--json"]);
    await cli(["secrets", "rotate", "--dry-run"]);

    // Keys through the management API.
    const created = await api("create key", "/api/v1/keys", mgmt, { body: { name: "backend" } }, "pending");
    const { key: apiKey, data } = JSON.parse(created.text);
    SECRETS.apiKey = apiKey;
    printed.at(-1)!.creates = apiKey;
    const listed = JSON.parse((await api("list keys", "/api/v1/keys", mgmt)).text).data as Array<{ label: string }>;
    expect(listed.map((k) => k.label)).toEqual(expect.arrayContaining([`lr_live_…${apiKey.slice(-4)}`, `lr_live_…${cliToken.slice(-4)}`, `lr_live_…${token.slice(-4)}`]));
    await api("get key", `/api/v1/keys/${data.hash}`, mgmt);
    await api("rename key", `/api/v1/keys/${data.hash}`, mgmt, { method: "PATCH", body: { name: "backend-2" } });
    await api("key info", "/api/v1/auth/key", cliToken);

    // Successful, streamed, native and pass-through requests.
    const chat = (model: string, extra: Record<string, unknown> = {}) => ({ model, messages: [{ role: "user", content: "hello" }], ...extra });
    const claude = (extra: Record<string, unknown> = {}) => ({ model: "claude-sonnet-4-5", max_tokens: 50, messages: [{ role: "user", content: "hello" }], ...extra });
    expect((await api("chat", "/v1/chat/completions", token, { body: chat("openai/gpt-4o") })).status).toBe(200);
    expect((await api("chat stream", "/v1/chat/completions", apiKey, { body: chat("openai/gpt-4o", { stream: true }) })).status).toBe(200);
    expect((await api("messages stream (OAuth token)", "/v1/messages", token, { body: claude({ stream: true }) })).status).toBe(200);
    expect((await api("gemini with ?key=", `/v1beta/models/gemini-2.5-flash:generateContent?key=${token}`, "", { body: { contents: [{ parts: [{ text: "hi" }] }] }, headers: { authorization: "" } })).status).toBe(200);
    expect((await api("custom endpoint", "/v1/chat/completions", token, { body: chat("custom/llama3.2") })).status).toBe(200);
    const passThrough = { "x-oauthrouter-key": token, authorization: `Bearer ${SECRETS.callersOwnClaudeToken}`, "anthropic-version": "2023-06-01" };
    expect((await api("Claude Code pass-through", "/v1/messages", "", { body: claude(), headers: passThrough })).status).toBe(200);

    // Failing upstreams, including ones that echo the credential they were sent.
    fake.setFault({ mode: "status:401", times: 1, message: `Invalid API key: ${SECRETS.openaiKey}` });
    expect((await api("upstream 401 echoing the key", "/v1/chat/completions", token, { body: chat("openai/gpt-4o") })).status).toBeGreaterThanOrEqual(400);
    fake.setFault({ mode: "status:401", times: 1, message: `invalid x-api-key ${SECRETS.callersOwnClaudeToken}` });
    expect((await api("pass-through 401 echoing the caller's token", "/v1/messages", "", { body: claude(), headers: passThrough })).status).toBeGreaterThanOrEqual(400);
    fake.setFault({ mode: "status:500", times: 10 });
    expect((await api("upstream 500, streamed", "/v1/chat/completions", token, { body: chat("gemini-2.5-flash", { stream: true }) })).status).toBe(502);
    expect(fake.requests.map((r) => r.status)).toEqual(expect.arrayContaining([401, 500]));
    fake.reset();
    fake.setFault({ mode: "status:429", times: 10 });
    const limited = await api("upstream 429", "/v1/chat/completions", token, { body: chat("custom/llama3.2") });
    expect(limited.status, limited.text).toBe(429);
    fake.reset();
    expect((await api("unknown token", "/v1/chat/completions", SECRETS.unknownToken, { body: chat("openai/gpt-4o") })).status).toBe(401);
    expect((await api("management key on the gateway", "/v1/chat/completions", mgmt, { body: chat("openai/gpt-4o") })).status).toBe(403);
    expect((await api("token on the management API", "/api/v1/keys", token)).status).toBe(403);
    expect((await api("metrics", "/metrics", SECRETS.metricsToken)).status).toBe(200);

    // A failed sign-in, then the pages that list what was created.
    await (await browser.newContext()).newPage().then(async (other) => {
      await other.goto(`${app.url}/signin`);
      await other.getByLabel("Email").fill(EMAIL);
      await other.getByLabel("Password").fill(SECRETS.wrongPassword);
      await other.getByRole("button", { name: "Sign in" }).click();
      await other.getByTestId("form-error").waitFor();
    });
    for (const path of ["/dashboard/providers", "/dashboard/keys", "/dashboard/usage"]) {
      await page.goto(`${app.url}${path}`);
      printed.push({ what: `page ${path}`, text: await page.content() });
    }
    await app.stop();
    printed.push({ what: "the server's output", text: app.output() });
  }, 240_000);

  it("printed and answered no secret anywhere (the one it created, once, aside)", () => {
    expect(app.output()).toMatch(/listening on/);
    const leaks: string[] = [];
    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const { what, text, creates } of printed) {
        if (creates === secret) continue;
        for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
          if (text.includes(form)) leaks.push(`${name} in ${what}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(printed.filter((p) => p.creates).map((p) => p.what)).toEqual(["npx oauthrouter mgmt-key create", "npx oauthrouter token create", "create key (HTTP 201)"]);
  });
});
