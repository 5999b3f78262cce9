import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { usageWriter } from "@/lib/usage/usage-writer";
import { nestedJson as nested, refBomb } from "@/test/support/attack-inputs";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

type Dialect = "openai" | "anthropic" | "gemini";

/** The error message of a body in the dialect's error shape (and nothing else passes). */
function errorMessage(dialect: Dialect, body: any): string {
  if (dialect === "anthropic") {
    expect(body).toMatchObject({ type: "error", error: { type: "invalid_request_error", message: expect.any(String) } });
  } else if (dialect === "gemini") {
    expect(body).toMatchObject({ error: { code: 400, status: "INVALID_ARGUMENT", message: expect.any(String) } });
  } else {
    expect(body).toMatchObject({ error: { type: "invalid_request_error", message: expect.any(String) } });
  }
  return body.error.message;
}

describe("caller structure is bounded in depth and work on every endpoint", () => {
  let gateway: Gateway;
  let user: { userId: string; token: string };
  let other: { userId: string; token: string };
  let mgmt: string;
  let keyHash: string;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const credentials = [{ provider: "openai", key: "sk-bounded-openai" }, { provider: "anthropic", key: "sk-ant-api03-bounded" }, { provider: "google", key: "AIza-bounded-google" }];
    user = await gateway.newUser("bounded@example.com", credentials, "pro");
    other = await gateway.newUser("bounded-other@example.com", credentials, "pro");
    mgmt = (await createManagementKey(user.userId)).key;
    const created = await fetch(`${gateway.url}/api/v1/keys`, { method: "POST", headers: { authorization: `Bearer ${mgmt}`, "content-type": "application/json" }, body: JSON.stringify({ name: "bounded" }) });
    keyHash = (await created.json()).data.hash;
  });
  afterAll(() => gateway?.close());

  const post = (path: string, body: string, key = user.token, method = "POST") =>
    fetch(`${gateway.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });

  // Where a caller can nest: message content, tool schemas, unknown fields, management bodies.
  const targets: Array<{ name: string; dialect: Dialect; path: string; body: (deep: string) => string; key?: () => string; method?: string }> = [
    { name: "chat content", dialect: "openai", path: "/v1/chat/completions", body: (d) => `{"model":"openai/gpt-4o","messages":[{"role":"user","content":${d}}]}` },
    { name: "chat tool parameters", dialect: "openai", path: "/v1/chat/completions", body: (d) => `{"model":"anthropic/claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","x":${d}}}}]}` },
    { name: "messages content", dialect: "anthropic", path: "/v1/messages", body: (d) => `{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":"hi","extra":${d}}]}` },
    { name: "messages tool schema", dialect: "anthropic", path: "/v1/messages", body: (d) => `{"model":"openai/gpt-4o","max_tokens":8,"messages":[{"role":"user","content":"hi"}],"tools":[{"name":"f","input_schema":{"type":"object","x":${d}}}]}` },
    { name: "count_tokens", dialect: "anthropic", path: "/v1/messages/count_tokens", body: (d) => `{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":[{"type":"text","text":"hi","x":${d}}]}]}` },
    { name: "generateContent", dialect: "gemini", path: "/v1beta/models/gemini-2.5-flash:generateContent", body: (d) => `{"contents":[{"parts":[{"functionCall":{"name":"f","args":{"x":${d}}}}]}]}` },
    { name: "countTokens", dialect: "gemini", path: "/v1beta/models/gemini-2.5-flash:countTokens", body: (d) => `{"contents":[{"parts":[{"text":"hi"}]}],"x":${d}}` },
    { name: "embeddings", dialect: "openai", path: "/v1/embeddings", body: (d) => `{"model":"openai/text-embedding-3-small","input":${d}}` },
    { name: "create key", dialect: "openai", path: "/api/v1/keys", key: () => mgmt, body: (d) => `{"name":"k","x":${d}}` },
    { name: "update key", dialect: "openai", path: "/api/v1/keys/{hash}", key: () => mgmt, method: "PATCH", body: (d) => `{"name":${d}}` },
    { name: "PKCE exchange", dialect: "openai", path: "/api/v1/auth/keys", body: (d) => `{"code":"c","code_verifier":${d}}` },
  ];

  for (const depth of [10_000, 100_000]) {
    it(`JSON nested ${depth} deep is a 400 in the endpoint's own error shape, never a 500 or a call upstream`, async () => {
      const before = gateway.fake.requests.length;
      for (const target of targets) {
        const response = await post(target.path.replace("{hash}", keyHash), target.body(nested(depth)), target.key?.() ?? user.token, target.method);
        const text = await response.text();
        expect(response.status, `${target.name}: ${text.slice(0, 300)}`).toBe(400);
        expect(errorMessage(target.dialect, JSON.parse(text)), target.name).toBe("Request body is nested more than 128 levels deep");
      }
      expect(gateway.fake.requests.length).toBe(before);
    });
  }

  it("deep JSON inside tool call arguments or a tool's result is a 400 naming it, before anything goes upstream", async () => {
    const deepText = nested(50_000);
    const history = (result: string) => [
      { role: "user", content: "weather?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: result === "args" ? deepText : "{}" } }] },
      { role: "tool", tool_call_id: "call_1", content: result === "result" ? deepText : "sunny" },
    ];
    const before = gateway.fake.requests.length;
    for (const [model, where, message] of [
      ["anthropic/claude-sonnet-4-5", "args", "Tool call get_weather's arguments is nested more than 128 levels deep"],
      ["google/gemini-2.5-flash", "args", "Tool call get_weather's arguments is nested more than 128 levels deep"],
      ["google/gemini-2.5-flash", "result", "A tool message's content is nested more than 128 levels deep"],
    ]) {
      const response = await post("/v1/chat/completions", JSON.stringify({ model, messages: history(where) }));
      expect(response.status, model).toBe(400);
      expect(errorMessage("openai", await response.json())).toBe(message);
      await usageWriter().flush();
      const row = await (await db()).usageEvent.findUnique({ where: { id: response.headers.get("x-generation-id")! } });
      expect(row ?? { countedMessage: false }).toMatchObject({ countedMessage: false });
    }
    expect(gateway.fake.requests.length).toBe(before);
  });

  it("a 1.7 KB schema of $refs within allOf is refused at once for a Gemini model, in each dialect, while another tenant is served", async () => {
    const bomb = refBomb();
    const before = gateway.fake.requests.length;
    const started = Date.now();
    const [chat, messages, normal] = await Promise.all([
      post("/v1/chat/completions", JSON.stringify({ model: "google/gemini-2.5-flash", messages: [{ role: "user", content: "hi" }], response_format: { type: "json_schema", json_schema: { name: "bomb", schema: bomb } } })),
      post("/v1/messages", JSON.stringify({ model: "google/gemini-2.5-flash", max_tokens: 16, messages: [{ role: "user", content: "hi" }], tools: [{ name: "explode", input_schema: bomb }] })),
      post("/v1/chat/completions", JSON.stringify({ model: "google/gemini-2.5-flash", messages: [{ role: "user", content: "hi" }] }), other.token),
    ]);
    expect(chat.status).toBe(400);
    expect(errorMessage("openai", await chat.json())).toMatch(/^response_format\.json_schema\.schema is too large to convert: it expands past 20000 nodes/);
    expect(messages.status).toBe(400);
    expect(errorMessage("anthropic", await messages.json())).toMatch(/^The parameters of tool explode is too large to convert/);
    expect(normal.status).toBe(200);
    // Refused before the expansion ran away (it took 24 s before), not after.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(gateway.fake.requests.length - before).toBe(1);
    await usageWriter().flush();
    const row = await (await db()).usageEvent.findUniqueOrThrow({ where: { id: chat.headers.get("x-generation-id")! } });
    expect(row).toMatchObject({ status: 400, countedMessage: false });
  });
});
