import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { catalog } from "@/lib/providers/catalog";
import { updateCredential } from "@/lib/services/credentials/manage-credentials";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

describe("the /v1 contract: authentication, validation, model listing and paths", () => {
  let gateway: Gateway;
  let token: string;
  let userId: string;
  let client: OpenAI;

  const post = (path: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    fetch(`${gateway.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token, userId } = await gateway.newUser("contract@example.com", [
      { provider: "openai", key: "sk-proj-contract" },
      { provider: "anthropic", key: "sk-ant-api03-contract" },
      { provider: "google", key: "AIza-contract" },
    ]));
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  it("answers 401 authentication_error to missing, malformed, unknown and disabled tokens", async () => {
    const body = JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] });
    const { token: disabled, userId: owner } = await gateway.newUser("disabled-token@example.com", [{ provider: "openai", key: "sk-proj-x" }]);
    const prisma = await db();
    await prisma.apiToken.updateMany({ where: { userId: owner }, data: { disabled: true } });
    const cases: Record<string, Record<string, string>> = {
      missing: {},
      malformed: { authorization: "Bearer not-a-token" },
      "not bearer": { authorization: `Basic ${token}` },
      unknown: { authorization: `Bearer lr_live_${"0".repeat(40)}` },
      disabled: { authorization: `Bearer ${disabled}` },
    };
    for (const [name, headers] of Object.entries(cases)) {
      const response = await post("/v1/chat/completions", body, headers);
      expect(response.status, name).toBe(401);
      const { error } = await response.json();
      expect(error, name).toMatchObject({ type: "authentication_error", message: expect.any(String), docs_url: expect.stringContaining("/docs#errors") });
    }
    await expect(new OpenAI({ apiKey: disabled, baseURL: `${gateway.url}/v1`, maxRetries: 0 }).chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] }))
      .rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("answers 400 invalid_request_error naming the field for bad JSON, a missing model and wrong types", async () => {
    const broken = await post("/v1/chat/completions", '{"model": "openai/gpt-4o", "messages": [');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatchObject({ type: "invalid_request_error", message: expect.stringMatching(/not valid JSON/) });

    const cases: Array<[Record<string, unknown>, string]> = [
      [{ messages: [{ role: "user", content: "hi" }] }, "model"],
      [{ model: "openai/gpt-4o" }, "messages"],
      [{ model: 42, messages: [{ role: "user", content: "hi" }] }, "model"],
      [{ model: "openai/gpt-4o", messages: "hi" }, "messages"],
      [{ model: "openai/gpt-4o", messages: [{ role: "wizard", content: "hi" }] }, "messages.0.role"],
      [{ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }], temperature: "hot" }, "temperature"],
      [{ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }], max_tokens: -5 }, "max_tokens"],
      [{ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }], stream: "yes" }, "stream"],
      [{ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }], tools: [{ type: "function", function: { name: "has spaces" } }] }, "tools.0.function.name"],
    ];
    for (const [body, field] of cases) {
      const response = await post("/v1/chat/completions", JSON.stringify(body));
      expect(response.status, field).toBe(400);
      const { error } = await response.json();
      expect(error, JSON.stringify(body)).toMatchObject({ type: "invalid_request_error", param: field });
      expect(error.message).toContain(field);
    }
    const unknown = await client.chat.completions.create({ model: "no-such-model-anywhere", messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(unknown).toBeInstanceOf(OpenAI.BadRequestError);
    expect(unknown.error).toMatchObject({ param: "model", message: expect.stringContaining("'no-such-model-anywhere'") });
    const unserved = await client.chat.completions.create({ model: "mistral/mistral-large-latest", messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(unserved.status).toBe(503);
    expect(unserved.error).toMatchObject({ type: "service_unavailable", message: expect.stringContaining("mistral/mistral-large-latest") });
  });

  it("keeps management keys off every completion endpoint with a clear 403", async () => {
    const mgmt = (await createManagementKey(userId)).key;
    const endpoints: Array<[string, unknown]> = [
      ["/v1/chat/completions", { model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] }],
      ["/v1/messages", { model: "claude-sonnet-4-5", max_tokens: 8, messages: [{ role: "user", content: "hi" }] }],
      ["/v1/embeddings", { model: "openai/text-embedding-3-small", input: "hi" }],
      ["/v1beta/models/gemini-2.5-flash:generateContent", { contents: [{ parts: [{ text: "hi" }] }] }],
    ];
    for (const [path, body] of endpoints) {
      const response = await post(path, JSON.stringify(body), { authorization: `Bearer ${mgmt}` });
      expect(response.status, path).toBe(403);
      expect(JSON.stringify(await response.json()), path).toMatch(/Management keys .* management API/);
    }
  });

  it("lists the whole catalog without a token, and only the token's enabled, allowed providers with one", async () => {
    const anonymous = await (await fetch(`${gateway.url}/v1/models`)).json();
    expect(anonymous.data).toHaveLength(catalog.length);
    expect(new Set(anonymous.data.map((m: { provider: string }) => m.provider)).size).toBe(11);
    for (const model of anonymous.data) {
      expect(model).toMatchObject({ id: expect.stringMatching(/^[a-z-]+\//), object: "model", name: expect.any(String), context_length: expect.any(Number), provider: expect.any(String), pricing: { prompt: expect.any(String), completion: expect.any(String) } });
      expect(model.id.startsWith(`${model.provider}/`)).toBe(true);
    }
    const providersOf = async () => new Set((await client.models.list()).data.map((m) => (m as unknown as { provider: string }).provider));
    expect(await providersOf()).toEqual(new Set(["openai", "anthropic", "google"]));
    const prisma = await db();
    const google = await prisma.providerCredential.findFirstOrThrow({ where: { userId, provider: "google" } });
    await updateCredential(userId, google.id, { disabled: true });
    expect(await providersOf()).toEqual(new Set(["openai", "anthropic"]));
    await updateCredential(userId, google.id, { disabled: false });
    const one = await client.models.retrieve("anthropic/claude-sonnet-4-5");
    expect(one).toMatchObject({ id: "anthropic/claude-sonnet-4-5", name: "Claude Sonnet 4.5", context_length: 200000 });
    const bad = await fetch(`${gateway.url}/v1/models`, { headers: { authorization: "Bearer lr_live_nope" } });
    expect(bad.status).toBe(401);
  });

  it("serves every endpoint under OpenRouter's /api/v1 too", async () => {
    const router = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/api/v1`, maxRetries: 0 });
    expect((await router.models.list()).data.length).toBeGreaterThan(0);
    expect((await router.embeddings.create({ model: "openai/text-embedding-3-small", input: "alias" })).data).toHaveLength(1);
    const stream = await router.chat.completions.create({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "alias stream" }] });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text).toBe("Echo: alias stream");
    const messages = await post("/api/v1/messages", JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "alias" }] }));
    expect((await messages.json()).content).toEqual([{ type: "text", text: "Echo: alias" }]);
    const counted = await post("/api/v1/messages/count_tokens", JSON.stringify({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "alias" }] }));
    expect((await counted.json()).input_tokens).toBeGreaterThan(0);
  });
});
