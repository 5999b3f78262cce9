import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthorizationCode } from "@/lib/services/oauth-apps/authorization-codes";
import { createKey } from "@/lib/services/api-keys/manage-keys";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const ALICE_SECRETS = { openai: "sk-openai-alice-only-0001", anthropic: "sk-ant-api03-alice-only-0002", google: "AIza-alice-only-0003" };
const BOB_SECRET = "mistral-bob-own-0004";
const BOB_CLAUDE = "sk-ant-oat01-bob-own-subscription-0005";
const chatBody = (model: string, extra: Record<string, unknown> = {}) => ({ model, messages: [{ role: "user", content: "hello" }], ...extra });
const anthropicBody = (extra: Record<string, unknown> = {}) => ({ model: "claude-sonnet-4-5", max_tokens: 20, messages: [{ role: "user", content: "hello" }], ...extra });
const geminiBody = { contents: [{ role: "user", parts: [{ text: "hello" }] }] };

/** A request Bob makes with his own token that only Alice's credentials could serve. */
const INFERENCE: Array<{ name: string; path: string; body: unknown; headers?: (bobToken: string) => Record<string, string> }> = [
  { name: "chat completions", path: "/v1/chat/completions", body: chatBody("openai/gpt-4o") },
  { name: "chat completions (OpenRouter path)", path: "/api/v1/chat/completions", body: chatBody("anthropic/claude-sonnet-4-5") },
  { name: "streamed chat completions", path: "/v1/chat/completions", body: chatBody("gpt-4o", { stream: true }) },
  { name: "Anthropic messages", path: "/v1/messages", body: anthropicBody() },
  { name: "Anthropic messages (OpenRouter path)", path: "/api/v1/messages", body: anthropicBody({ stream: true }) },
  { name: "embeddings", path: "/v1/embeddings", body: { model: "openai/text-embedding-3-small", input: "hello" } },
  { name: "embeddings (OpenRouter path)", path: "/api/v1/embeddings", body: { model: "google/gemini-embedding-001", input: "hello" } },
  { name: "Gemini generateContent", path: "/v1beta/models/gemini-2.5-flash:generateContent", body: geminiBody },
  { name: "Gemini streamGenerateContent", path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", body: geminiBody },
];

describe("one account can never read, use or learn of another's credentials, keys, usage or generations", () => {
  let gateway: Gateway;
  let alice: { userId: string; token: string; mgmt: string; keyHash: string; generation: string };
  let bob: { userId: string; token: string; mgmt: string };

  const call = (path: string, key: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(`${gateway.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });
  const alicesSecretsSeenUpstream = (since: number) =>
    gateway.fake.requests.slice(since).filter((r) => Object.values(ALICE_SECRETS).includes(r.credential)).length;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
    const a = await gateway.newUser("alice@example.com", Object.entries(ALICE_SECRETS).map(([provider, key]) => ({ provider, key })), "pro");
    const b = await gateway.newUser("bob@example.com", [{ provider: "mistral", key: BOB_SECRET }], "pro");
    const { data } = await createKey(a.userId, { name: "alice backend" });
    const answer = await call("/v1/chat/completions", a.token, { method: "POST", body: JSON.stringify(chatBody("openai/gpt-4o")) });
    alice = { ...a, mgmt: (await createManagementKey(a.userId)).key, keyHash: data.hash, generation: (await answer.json()).id };
    bob = { ...b, mgmt: (await createManagementKey(b.userId)).key };
  });
  afterAll(() => gateway?.close());

  it.each(INFERENCE)("$name: Bob's token never reaches Alice's credentials", async ({ path, body }) => {
    const since = gateway.fake.requests.length;
    const response = await call(path, bob.token, { method: "POST", body: JSON.stringify(body) });
    await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(alicesSecretsSeenUpstream(since)).toBe(0);
  });

  it("Claude Code pass-through: Bob's own Claude credential goes upstream, never Alice's", async () => {
    const since = gateway.fake.requests.length;
    const response = await fetch(`${gateway.url}/v1/messages`, {
      method: "POST",
      headers: { "x-oauthrouter-key": bob.token, authorization: `Bearer ${BOB_CLAUDE}`, "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify(anthropicBody()),
    });
    expect(response.status).toBe(200);
    expect(gateway.fake.requests.slice(since).map((r) => r.credential)).toEqual([BOB_CLAUDE]);
  });

  it("model lists and lookups show Bob only what his own credentials serve", async () => {
    for (const path of ["/v1/models", "/api/v1/models"]) {
      const { data } = await (await call(path, bob.token)).json();
      expect(new Set(data.map((m: { provider: string }) => m.provider))).toEqual(new Set(["mistral"]));
    }
    expect((await call("/v1/models/openai/gpt-4o", alice.token)).status).toBe(200);
    expect((await call("/v1/models/openai/gpt-4o", bob.token)).status).toBe(404);
    expect((await call("/api/v1/models/openai/gpt-4o", bob.token)).status).toBe(404);
  });

  it("key and usage reports are the caller's own", async () => {
    const report = async (path: string, token: string) => (await (await call(path, token)).json()).data;
    for (const path of ["/api/v1/key", "/api/v1/auth/key"]) {
      const [aliceBefore, bobBefore] = [await report(path, alice.token), await report(path, bob.token)];
      expect((await call("/v1/chat/completions", alice.token, { method: "POST", body: JSON.stringify(chatBody("openai/gpt-4o")) })).status).toBe(200);
      expect((await report(path, alice.token)).messages.used).toBe(aliceBefore.messages.used + 1);
      expect(await report(path, bob.token)).toEqual(bobBefore);
    }
  });

  it("another account's generation is 'not found', exactly like one that never existed", async () => {
    const lookup = async (id: string, token: string) => {
      const response = await call(`/api/v1/generation?id=${id}`, token);
      return { status: response.status, body: JSON.stringify(await response.json()).replaceAll(id, "<id>") };
    };
    expect((await lookup(alice.generation, alice.token)).status).toBe(200);
    const theirs = await lookup(alice.generation, bob.token);
    expect(theirs.status).toBe(404);
    expect(theirs).toEqual(await lookup("gen-0000000000000000000000000", bob.token));
  });

  it.each([
    { method: "GET", body: undefined },
    { method: "PATCH", body: { disabled: true } },
    { method: "DELETE", body: undefined },
  ])("management API $method on another account's key: 404, as for a key that never existed", async ({ method, body }) => {
    const attempt = (hash: string) => call(`/api/v1/keys/${hash}`, bob.mgmt, { method, body: body && JSON.stringify(body) });
    const theirs = await attempt(alice.keyHash);
    const nobodys = await attempt("f".repeat(64));
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await nobodys.json());
    const stillAlices = (await (await call(`/api/v1/keys/${alice.keyHash}`, alice.mgmt)).json()).data;
    expect(stillAlices).toMatchObject({ hash: alice.keyHash, disabled: false });
  });

  it("management key lists hold only the caller's own keys", async () => {
    const bobsHashes = (await (await call("/api/v1/keys", bob.mgmt)).json()).data.map((k: { hash: string }) => k.hash);
    expect(bobsHashes).toHaveLength(1);
    expect(bobsHashes).not.toContain(alice.keyHash);
  });

  it("PKCE exchange: a code makes a key for the account that approved it, whoever presents it", async () => {
    const { code } = await createAuthorizationCode(alice.userId, "https://app.example/callback");
    const exchanged = await call("/api/v1/auth/keys", bob.token, { method: "POST", body: JSON.stringify({ code }) });
    expect(exchanged.status).toBe(200);
    const { key } = await exchanged.json();
    const aliceKeys = (await (await call("/api/v1/keys", alice.mgmt)).json()).data.map((k: { name: string }) => k.name);
    const bobKeys = (await (await call("/api/v1/keys", bob.mgmt)).json()).data.map((k: { name: string }) => k.name);
    expect(aliceKeys).toContain("app.example");
    expect(bobKeys).not.toContain("app.example");
    const since = gateway.fake.requests.length;
    expect((await call("/v1/chat/completions", key, { method: "POST", body: JSON.stringify(chatBody("openai/gpt-4o")) })).status).toBe(200);
    expect(gateway.fake.requests.slice(since).map((r) => r.credential)).toEqual([ALICE_SECRETS.openai]);
    // Used, unknown: one answer, so a code's existence is not learnt from the exchange.
    const reuse = await call("/api/v1/auth/keys", bob.token, { method: "POST", body: JSON.stringify({ code }) });
    const unknown = await call("/api/v1/auth/keys", bob.token, { method: "POST", body: JSON.stringify({ code: "not-a-real-code-000000000000" }) });
    expect(reuse.status).toBe(403);
    expect(await reuse.json()).toEqual(await unknown.json());
  });
});
