import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import { Ajv2020 } from "ajv/dist/2020.js";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { userMonthKey } from "@/lib/quota/admit-message";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

describe("keys, limits and usage through the HTTP API", () => {
  let gateway: Gateway;
  let alice: { userId: string; token: string; mgmt: string };
  let bob: { userId: string; token: string; mgmt: string };

  const api = (path: string, key: string, init: RequestInit = {}) =>
    fetch(`${gateway.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });
  const chat = (token: string, model = "openai/gpt-4o", content = "hi") =>
    api("/v1/chat/completions", token, { method: "POST", body: JSON.stringify({ model, messages: [{ role: "user", content }] }) });

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
    const creds = [{ provider: "openai", key: "sk-openai-keys-test" }, { provider: "anthropic", key: "sk-ant-api03-keys-test" }];
    const a = await gateway.newUser("alice@example.com", creds);
    const b = await gateway.newUser("bob@example.com", creds);
    alice = { ...a, mgmt: (await createManagementKey(a.userId)).key };
    bob = { ...b, mgmt: (await createManagementKey(b.userId)).key };
  });
  afterAll(() => gateway?.close());

  it("creates, lists, reads, updates and deletes keys as the reference's curls do", async () => {
    const created = await api("/api/v1/keys", alice.mgmt, { method: "POST", body: JSON.stringify({ name: "backend-service", allowed_providers: ["openai", "anthropic"], limit: 150, limit_reset: "monthly" }) });
    expect(created.status).toBe(201);
    const { key, data } = await created.json();
    expect(key).toMatch(/^lr_live_/);
    expect(data).toMatchObject({ name: "backend-service", allowed_providers: ["openai", "anthropic"], limit: 150, limit_reset: "monthly", usage: 0, usage_messages: 0, limit_remaining: 150, disabled: false });
    expect(JSON.stringify(data)).not.toContain(key);

    const listed = await (await api("/api/v1/keys", alice.mgmt)).json();
    expect(listed.data.map((k: { hash: string }) => k.hash)).toContain(data.hash);
    expect((await (await api(`/api/v1/keys/${data.hash}`, alice.mgmt)).json()).data.name).toBe("backend-service");

    expect((await chat(key)).status).toBe(200);
    const disabled = await api(`/api/v1/keys/${data.hash}`, alice.mgmt, { method: "PATCH", body: JSON.stringify({ disabled: true }) });
    expect((await disabled.json()).data.disabled).toBe(true);
    expect((await chat(key)).status).toBe(401);

    expect(await (await api(`/api/v1/keys/${data.hash}`, alice.mgmt, { method: "DELETE" })).json()).toEqual({ deleted: true, hash: data.hash });
    expect((await api(`/api/v1/keys/${data.hash}`, alice.mgmt)).status).toBe(404);
  });

  it("pages the key list with offset and rejects bad input with the field named", async () => {
    for (const name of ["k1", "k2", "k3"]) await api("/api/v1/keys", bob.mgmt, { method: "POST", body: JSON.stringify({ name }) });
    const all = (await (await api("/api/v1/keys", bob.mgmt)).json()).data;
    const rest = (await (await api("/api/v1/keys?offset=2", bob.mgmt)).json()).data;
    expect(rest).toEqual(all.slice(2));
    const bad = await api("/api/v1/keys", bob.mgmt, { method: "POST", body: JSON.stringify({ name: "x", limit_reset: "hourly" }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ type: "invalid_request_error", param: "limit_reset" });
  });

  it("keeps management keys and API tokens to their own APIs (403)", async () => {
    const managementOnChat = await chat(alice.mgmt);
    expect(managementOnChat.status).toBe(403);
    expect((await managementOnChat.json()).error.message).toMatch(/management API/);
    const tokenOnManagement = await api("/api/v1/keys", alice.token);
    expect(tokenOnManagement.status).toBe(403);
    expect((await tokenOnManagement.json()).error.message).toMatch(/cannot call the management API/);
  });

  it("never lets one account see or touch another's keys or generations (404, not 403)", async () => {
    const aliceKeys = (await (await api("/api/v1/keys", alice.mgmt)).json()).data;
    const target = aliceKeys[0].hash;
    expect((await api(`/api/v1/keys/${target}`, bob.mgmt)).status).toBe(404);
    expect((await api(`/api/v1/keys/${target}`, bob.mgmt, { method: "PATCH", body: JSON.stringify({ disabled: true }) })).status).toBe(404);
    expect((await api(`/api/v1/keys/${target}`, bob.mgmt, { method: "DELETE" })).status).toBe(404);
    expect((await (await api("/api/v1/keys", bob.mgmt)).json()).data.map((k: { hash: string }) => k.hash)).not.toContain(target);
    const generation = (await (await chat(alice.token)).json()).id;
    expect((await api(`/api/v1/generation?id=${generation}`, alice.token)).status).toBe(200);
    expect((await api(`/api/v1/generation?id=${generation}`, bob.token)).status).toBe(404);
  });

  it("holds a key's own limit and its allowed providers", async () => {
    const { key } = await (await api("/api/v1/keys", alice.mgmt, { method: "POST", body: JSON.stringify({ name: "limited", limit: 2, limit_reset: "daily", allowed_providers: ["openai"] }) })).json();
    expect((await chat(key)).status).toBe(200);
    expect((await chat(key)).status).toBe(200);
    const third = await chat(key);
    expect(third.status).toBe(429);
    expect((await third.json()).error).toMatchObject({ type: "rate_limit_error", message: expect.stringMatching(/limit of 2 messages .* resets at/) });
    const info = await (await api("/api/v1/auth/key", key)).json();
    expect(info.data).toMatchObject({ name: "limited", usage_messages: 2, limit: 2, limit_remaining: 0 });
    const { key: openaiOnly } = await (await api("/api/v1/keys", alice.mgmt, { method: "POST", body: JSON.stringify({ name: "openai-only", allowed_providers: ["openai"] }) })).json();
    expect((await chat(openaiOnly, "anthropic/claude-sonnet-4-5")).status).toBe(503);
    const models = await (await api("/v1/models", openaiOnly)).json();
    expect(new Set(models.data.map((m: { provider: string }) => m.provider))).toEqual(new Set(["openai"]));
  });

  it("counts messages against the plan, gives back the ones that failed upstream, and says when it resets", async () => {
    const prisma = await db();
    const client = new OpenAI({ apiKey: bob.token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const used = async () => (await (await api("/api/v1/key", bob.token)).json()).data.messages.used as number;
    const before = await used();
    gateway.fake.setFault({ mode: "status:503", times: 5 });
    await expect(client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "fails" }] })).rejects.toMatchObject({ status: 502 });
    expect(await used()).toBe(before);
    gateway.fake.reset();
    await prisma.quotaCounter.update({ where: { key: userMonthKey(bob.userId, new Date()) }, data: { used: 99 } });
    expect((await chat(bob.token)).status).toBe(200);
    const over = await chat(bob.token);
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await over.json()).error.message).toMatch(/Monthly message limit of 100 reached on the free plan; it resets at \d{4}-\d\d-01T00:00:00.000Z/);
    const embeddings = await api("/v1/embeddings", bob.token, { method: "POST", body: JSON.stringify({ model: "openai/text-embedding-3-small", input: "still works" }) });
    expect(embeddings.status).toBe(200);
  });

  it("answers /api/v1/auth/key and /api/v1/key alike, with the documented fields", async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(buildOpenApiDocument({ apiUrl: gateway.url, publicUrl: gateway.url }).components.schemas)) ajv.addSchema(schema as object, `#/components/schemas/${name}`);
    const documented = ajv.getSchema("#/components/schemas/KeyInfo")!;
    const long = await (await api("/api/v1/auth/key", alice.token)).json();
    const short = await (await api("/api/v1/key", alice.token)).json();
    expect(short).toEqual(long);
    expect(documented(long) ? [] : documented.errors).toEqual([]);
    expect(long.data).toMatchObject({ name: "Default", label: "Default", plan: "free", is_free_tier: true, limit: null, limit_remaining: null, messages: { limit: 100, bonus: 0 } });
    expect(long.data.messages.remaining).toBe(100 - long.data.messages.used);
    expect((await api("/api/v1/key", alice.mgmt)).status).toBe(403);
    expect((await fetch(`${gateway.url}/api/v1/key`)).status).toBe(401);
  });

  it("takes one message per accepted chat, messages or generateContent request, streamed or not, and none for the rest", async () => {
    const { userId, token } = await gateway.newUser("one-message@example.com", [{ provider: "openai", key: "sk-openai-one" }, { provider: "google", key: "AIza-one" }]);
    const used = async () => (await (await api("/api/v1/key", token)).json()).data.messages.used as number;
    const openai = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const anthropic = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    const genai = new GoogleGenAI({ apiKey: token, httpOptions: { baseUrl: gateway.url } });
    const counted: Array<[string, () => Promise<unknown>]> = [
      ["chat", () => openai.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "one" }] })],
      ["chat stream", async () => { for await (const _ of await openai.chat.completions.create({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "one" }] })) void _; }],
      ["messages", () => anthropic.messages.create({ model: "openai/gpt-4o", max_tokens: 8, messages: [{ role: "user", content: "one" }] })],
      ["messages stream", () => anthropic.messages.stream({ model: "openai/gpt-4o", max_tokens: 8, messages: [{ role: "user", content: "one" }] }).finalMessage()],
      ["generateContent", () => genai.models.generateContent({ model: "gemini-2.5-flash", contents: "one" })],
      ["streamGenerateContent", async () => { for await (const _ of await genai.models.generateContentStream({ model: "gemini-2.5-flash", contents: "one" })) void _; }],
    ];
    for (const [name, call] of counted) {
      const before = await used();
      await call();
      expect(await used(), name).toBe(before + 1);
    }
    const free: Array<[string, () => Promise<unknown>]> = [
      ["embeddings", () => openai.embeddings.create({ model: "openai/text-embedding-3-small", input: "free" })],
      ["models", () => openai.models.list()],
      ["count_tokens", () => anthropic.messages.countTokens({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "free" }] })],
      ["countTokens", () => genai.models.countTokens({ model: "gemini-2.5-flash", contents: "free" })],
      ["rejected request", () => openai.chat.completions.create({ model: "openai/gpt-4o", messages: [] }).catch(() => undefined)],
    ];
    for (const [name, call] of free) {
      const before = await used();
      await call();
      expect(await used(), name).toBe(before);
    }
    await usageWriter().flush();
    const rows = await (await db()).usageEvent.findMany({ where: { userId, countedMessage: true } });
    expect(rows.map((r) => r.endpoint).sort()).toEqual(["chat", "chat", "gemini", "gemini", "messages", "messages"]);
  });

  it("gives the message back when a stream fails before its first output, and keeps it once output began", async () => {
    const { token } = await gateway.newUser("stream-refund@example.com", [{ provider: "openai", key: "sk-openai-refund" }]);
    const used = async () => (await (await api("/api/v1/key", token)).json()).data.messages.used as number;
    const streamOf = (content: string) => api("/v1/chat/completions", token, { method: "POST", body: JSON.stringify({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content }] }) });
    gateway.fake.setFault({ mode: "status:503", match: { credential: "sk-openai-refund" }, times: 5 });
    expect((await streamOf("refused before headers")).status).toBe(502);
    gateway.fake.reset();
    expect(await used()).toBe(0);
    gateway.fake.setFault({ mode: "cut-mid-stream:1", match: { credential: "sk-openai-refund" }, times: 1 });
    expect(await (await streamOf("cut after the role chunk")).text()).toContain('"finish_reason":"error"');
    expect(await used()).toBe(0);
    gateway.fake.setFault({ mode: "cut-mid-stream:4", match: { credential: "sk-openai-refund" }, times: 1 });
    expect(await (await streamOf("cut after some words were sent")).text()).toContain('"finish_reason":"error"');
    expect(await used()).toBe(1);
  });

  it("refuses a request over the limit in each endpoint's own shape, naming the limit and the reset", async () => {
    const { userId, token } = await gateway.newUser("over-limit@example.com", [{ provider: "openai", key: "sk-openai-over" }]);
    const prisma = await db();
    await prisma.quotaCounter.upsert({ where: { key: userMonthKey(userId, new Date()) }, update: { used: 100 }, create: { key: userMonthKey(userId, new Date()), used: 100 } });
    const anthropic = await new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 }).messages.create({ model: "openai/gpt-4o", max_tokens: 8, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(anthropic).toBeInstanceOf(Anthropic.RateLimitError);
    expect(anthropic.error.error).toMatchObject({ type: "rate_limit_error", message: expect.stringMatching(/limit of 100 .* resets at \d{4}-/) });
    const gemini = await fetch(`${gateway.url}/v1beta/models/openai%2Fgpt-4o:generateContent?key=${token}`, { method: "POST", body: JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] }) });
    expect(gemini.status).toBe(429);
    expect((await gemini.json()).error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED", message: expect.stringMatching(/limit of 100 .* resets at/) });
    expect(gemini.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("cancels the upstream call when the client leaves before the answer: a 499 row at once, the message given back", async () => {
    gateway.fake.setFault({ mode: "slow:30000", times: 1 });
    const started = new Date();
    const controller = new AbortController();
    const upstreamCalls = gateway.fake.requests.length;
    const leaving = api("/v1/chat/completions", alice.token, { method: "POST", signal: controller.signal, body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "never mind" }] }) });
    // The client leaves once the upstream holds the request.
    await expect.poll(() => gateway.fake.requests.length, { interval: 20 }).toBe(upstreamCalls + 1);
    controller.abort();
    await expect(leaving).rejects.toThrow();
    // Well before the upstream's answer (30 s): only the client's leaving can have ended the request.
    const prisma = await db();
    await expect.poll(async () => {
      await usageWriter().flush();
      return prisma.usageEvent.findMany({ where: { userId: alice.userId, createdAt: { gte: started }, streamed: false, status: 499 } });
    }, { timeout: 10_000, interval: 100 }).toEqual([expect.objectContaining({ cancelled: true, countedMessage: false })]);
  });

  it("leaves one usage row for a cancelled stream, with the tokens streamed before the cancel", async () => {
    const client = new OpenAI({ apiKey: alice.token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const controller = new AbortController();
    gateway.fake.setFault({ mode: "slow-tokens:100", times: 1 });
    const stream = await client.chat.completions.create({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "one two three four five six seven eight nine ten" }] }, { signal: controller.signal });
    let id = "";
    await (async () => {
      for await (const chunk of stream) {
        id = chunk.id;
        if (chunk.choices[0]?.delta?.content?.includes("three")) controller.abort();
      }
    })().catch(() => undefined);
    // The cancel reaches the server a moment later; the row follows once its tokens are counted.
    const prisma = await db();
    await expect.poll(async () => {
      await usageWriter().flush();
      return prisma.usageEvent.count({ where: { id } });
    }, { timeout: 10_000 }).toBe(1);
    const rows = await (await db()).usageEvent.findMany({ where: { id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cancelled: true, streamed: true, status: 499 });
    expect(rows[0].completionTokens).toBeGreaterThan(0);
  });
});
