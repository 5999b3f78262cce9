import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { sendRaw } from "@/test/support/raw-http";

describe("Claude subscription tokens and Claude Code", () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
  });
  afterAll(() => gateway?.close());

  it("passes a caller's own Claude credential through with their headers, never stores it, and still counts the request", async () => {
    const { userId, token } = await gateway.newUser("claude-code@example.com");
    const client = new Anthropic({
      authToken: "sk-ant-oat01-callers-own-token",
      apiKey: null,
      baseURL: gateway.url,
      maxRetries: 0,
      defaultHeaders: { "x-oauthrouter-key": token, "anthropic-beta": "oauth-2025-04-20,claude-code-20250219", "x-app": "cli" },
    });
    const message = await client.messages.create({ model: "claude-sonnet-4-5-20250929", max_tokens: 64, messages: [{ role: "user", content: "from claude code" }] });
    expect(message.content).toEqual([{ type: "text", text: "Echo: from claude code" }]);
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.headers.authorization).toBe("Bearer sk-ant-oat01-callers-own-token");
    expect(sent.headers["anthropic-beta"]).toBe("oauth-2025-04-20,claude-code-20250219");
    expect(sent.headers["x-app"]).toBe("cli");
    expect(sent.headers["user-agent"]).toMatch(/^Anthropic\//);
    expect(sent.headers["x-oauthrouter-key"]).toBeUndefined();
    expect(sent.body.model).toBe("claude-sonnet-4-5-20250929");

    const prisma = await db();
    expect(await prisma.providerCredential.count({ where: { userId } })).toBe(0);
    await usageWriter().flush();
    const rows = await prisma.usageEvent.findMany({ where: { userId } });
    expect(rows).toEqual([expect.objectContaining({ provider: "anthropic", credentialId: null, countedMessage: true, status: 200 })]);
    expect(JSON.stringify(rows)).not.toContain("callers-own-token");
  });

  it("forwards only an allow-list of the caller's headers: never cookies, proxy or client-address headers, ours or hop-by-hop ones", async () => {
    const { token } = await gateway.newUser("claude-code-headers@example.com");
    const claudeCode = {
      "anthropic-version": "2023-06-01", "anthropic-beta": "oauth-2025-04-20,claude-code-20250219", "x-app": "cli",
      "user-agent": "claude-cli/2.1.45 (external, cli)", "x-stainless-retry-count": "0", "x-stainless-timeout": "600",
      "x-claude-code-session-id": "5f0c-session", "x-client-request-id": "8d2e-request",
    };
    const never = {
      cookie: "next-auth.session-token=victim", "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "internal.example", forwarded: "for=198.51.100.7",
      "x-real-ip": "198.51.100.7", "x-oauthrouter-client": "203.0.113.99", "x-oauthrouter-debug": "1", "x-request-id": "caller-chosen-id-0001",
      "x-hop-secret": "1", "keep-alive": "timeout=5", "proxy-authorization": "Basic c2VjcmV0", te: "trailers",
      origin: "https://evil.example", referer: "https://evil.example/page", "x-title": "My App", "http-referer": "https://app.example",
    };
    const body = JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "headers" }] });
    // node:http, not fetch: fetch refuses to send hop-by-hop headers at all.
    const { status } = await sendRaw(gateway.url, {
      method: "POST",
      path: "/v1/messages",
      headers: { ...claudeCode, ...never, connection: "keep-alive, x-hop-secret", authorization: "Bearer sk-ant-oat01-callers-own-headers", "x-oauthrouter-key": token, "content-type": "application/json" },
      body,
    });
    expect(status).toBe(200);
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.credential).toBe("sk-ant-oat01-callers-own-headers");
    for (const [name, value] of Object.entries(claudeCode)) expect(sent.headers[name], name).toBe(value);
    for (const name of [...Object.keys(never), "x-oauthrouter-key"]) expect(sent.headers[name], name).toBeUndefined();
    expect(sent.headers.connection).not.toContain("x-hop-secret");
    // Nothing else slipped through beside what the HTTP client itself sets.
    const expected = new Set([...Object.keys(claudeCode), "authorization", "content-type", "accept", "host", "content-length", "connection"]);
    expect(Object.keys(sent.headers).filter((name) => !expected.has(name))).toEqual([]);
  });

  it("tries a token past its known expiry only after the others", async () => {
    const { userId, token } = await gateway.newUser("expiry@example.com", [{ provider: "anthropic", key: "sk-ant-oat01-fresh-token" }]);
    await addCredential(userId, { provider: "anthropic", secret: "sk-ant-oat01-stale-token", expiresAt: "2020-01-01" });
    const client = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "hi" }] });
    expect(gateway.fake.requests.at(-1)!.headers.authorization).toBe("Bearer sk-ant-oat01-fresh-token");
  });

  it("sends a stored subscription token as Bearer with the oauth beta merged into the client's, imitating no client", async () => {
    const { token } = await gateway.newUser("oauth-betas@example.com", [{ provider: "anthropic", key: "sk-ant-oat01-stored-token" }]);
    const client = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    const system = "You are a helpful assistant for a bakery.";
    await client.messages.create(
      { model: "claude-sonnet-4-5", max_tokens: 16, system, messages: [{ role: "user", content: "hi" }] },
      { headers: { "anthropic-beta": "prompt-caching-2024-07-31, oauth-2025-04-20" } },
    );
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.headers.authorization).toBe("Bearer sk-ant-oat01-stored-token");
    expect(sent.headers["x-api-key"]).toBeUndefined();
    expect(sent.headers["anthropic-beta"]).toBe("prompt-caching-2024-07-31,oauth-2025-04-20");
    // No Claude Code disguise: no client headers, no rewritten system prompt.
    for (const header of ["x-app", "anthropic-dangerous-direct-browser-access", "x-stainless-lang"]) expect(sent.headers[header]).toBeUndefined();
    expect(String(sent.headers["user-agent"] ?? "")).not.toMatch(/claude|anthropic/i);
    expect(sent.body.system).toBe(system);

    const translated = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await translated.chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "no system here" }] });
    const plain = gateway.fake.requests.at(-1)!;
    expect(plain.body).not.toHaveProperty("system");
    expect(plain.headers["anthropic-beta"]).toBe("oauth-2025-04-20");
    expect(String(plain.headers["user-agent"] ?? "")).not.toMatch(/claude/i);
  });

  it("sends an API key as x-api-key with only the client's betas", async () => {
    const { token } = await gateway.newUser("api-key-betas@example.com", [{ provider: "anthropic", key: "sk-ant-api03-stored-key" }]);
    const client = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "hi" }] });
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.headers["x-api-key"]).toBe("sk-ant-api03-stored-key");
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers["anthropic-beta"]).toBeUndefined();
  });

  // What Anthropic answers a subscription token its policy refuses (the fake upstream speaks it).
  const REFUSED = "OAuth authentication is currently not allowed for this organization.";

  it("counts a refused subscription token's refusals with Anthropic's message, takes it out at the third, then names it", async () => {
    const { userId, token } = await gateway.newUser("refused@example.com", [{ provider: "anthropic", key: "sk-ant-oat01-forbidden-subscription" }]);
    const client = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    const ask = () => client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    const stored = async () => (await db()).providerCredential.findFirstOrThrow({ where: { userId } });
    const error = await ask();
    expect(error.status).toBe(502);
    expect(error.error.error.metadata).toMatchObject({ provider: "anthropic", provider_name: "Anthropic", status: 403, raw: { type: "error", error: { type: "permission_error", message: REFUSED } } });
    // One policy refusal (403, not "invalid key") counts but leaves the token in service (README's rule).
    await expect.poll(stored).toMatchObject({ status: "active", refusals: 1, lastError: REFUSED });
    await ask();
    await ask();
    await expect.poll(stored).toMatchObject({ status: "refused", refusals: 3, lastError: REFUSED, nextCheckAt: null });
    const named = await ask();
    expect(named.status).toBe(424);
    expect(named.error.error.type).toBe("permission_error");
    expect(named.error.error.message).toMatch(/^Your Anthropic credential ••••tion was refused by Anthropic at \d{4}-\d\d-\d\d \d\d:\d\d UTC: OAuth authentication is currently not allowed for this organization\. Fix it in Providers\.$/);
  });
});
