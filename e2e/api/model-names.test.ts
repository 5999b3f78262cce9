import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { counterStore, userMonthKey } from "@/lib/quota/admit-message";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// Names no upstream header, path or JSON should be handed: each answered 400 before anything else.
const BAD_NAMES = [
  "openai/gpt-4o\r\nx-injected: 1",
  "openai/gpt\u0000-4o",
  "openai/gpt-4o\u2028",
  "openai/gpt-4o\t",
  "openai/gpt 4o",
  "openai/gpt-4o\u00e9",
  `openai/${"g".repeat(300)}`,
  "google/../../../__probe/x",
  "google/./gemini-2.5-flash",
  "openai/\ud800",
];

type Call = { dialect: "openai" | "anthropic" | "gemini"; send: (model: string) => { path: string; body: unknown } };

const CALLS: Record<string, Call> = {
  chat: { dialect: "openai", send: (model) => ({ path: "/v1/chat/completions", body: { model, messages: [{ role: "user", content: "hi" }] } }) },
  "chat stream": { dialect: "openai", send: (model) => ({ path: "/v1/chat/completions", body: { model, stream: true, messages: [{ role: "user", content: "hi" }] } }) },
  "chat fallbacks": { dialect: "openai", send: (model) => ({ path: "/v1/chat/completions", body: { model: "openai/gpt-4o", models: [model], messages: [{ role: "user", content: "hi" }] } }) },
  messages: { dialect: "anthropic", send: (model) => ({ path: "/v1/messages", body: { model, max_tokens: 8, messages: [{ role: "user", content: "hi" }] } }) },
  "messages stream": { dialect: "anthropic", send: (model) => ({ path: "/v1/messages", body: { model, max_tokens: 8, stream: true, messages: [{ role: "user", content: "hi" }] } }) },
  count_tokens: { dialect: "anthropic", send: (model) => ({ path: "/v1/messages/count_tokens", body: { model, messages: [{ role: "user", content: "hi" }] } }) },
  embeddings: { dialect: "openai", send: (model) => ({ path: "/v1/embeddings", body: { model, input: "hi" } }) },
  generateContent: { dialect: "gemini", send: (model) => ({ path: `/v1beta/models/${encodeURIComponent(model)}:generateContent`, body: { contents: [{ parts: [{ text: "hi" }] }] } }) },
  streamGenerateContent: { dialect: "gemini", send: (model) => ({ path: `/v1beta/models/${encodeURIComponent(model)}:streamGenerateContent?alt=sse`, body: { contents: [{ parts: [{ text: "hi" }] }] } }) },
};

describe("model names are checked up front on every endpoint", () => {
  let gateway: Gateway;
  let user: { userId: string; token: string };

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const credentials = [{ provider: "openai", key: "sk-names-openai" }, { provider: "anthropic", key: "sk-ant-api03-names" }, { provider: "google", key: "AIza-names-google" }];
    user = await gateway.newUser("model-names@example.com", credentials, "pro");
  });
  afterAll(() => gateway?.close());

  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: CR/LF, controls, non-ASCII, over-long and path-walking names are a 400 in its dialect, with no charge and no upstream call`, async () => {
      const before = gateway.fake.requests.length;
      for (const model of BAD_NAMES) {
        // A lone surrogate cannot be written in a URL at all.
        if (call.dialect === "gemini" && /[\ud800-\udfff]/.test(model)) continue;
        const { path, body } = call.send(model);
        const response = await fetch(`${gateway.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
        const text = await response.text();
        expect(response.status, `${JSON.stringify(model)}: ${text.slice(0, 200)}`).toBe(400);
        const parsed = JSON.parse(text);
        if (call.dialect === "anthropic") expect(parsed).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
        if (call.dialect === "gemini") expect(parsed).toMatchObject({ error: { code: 400, status: "INVALID_ARGUMENT" } });
        if (call.dialect === "openai") expect(parsed).toMatchObject({ error: { type: "invalid_request_error", param: expect.stringMatching(/^models?(\.0)?$/) } });
        expect(parsed.error.message).toMatch(/'models?(\.0)?' (may contain only|must be at most|must not contain '\.')/);
      }
      expect(gateway.fake.requests.length).toBe(before);
      await usageWriter().flush();
      expect(await (await db()).usageEvent.count({ where: { userId: user.userId } })).toBe(0);
      expect(await counterStore().read(userMonthKey(user.userId, new Date()))).toBe(0);
    });
  }

  it("names spelled the ways clients really send them pass (Claude Code's [1m], fine-tune ids, Cloudflare's @cf/)", async () => {
    for (const model of ["claude-opus-4-7[1m]", "openai/ft:gpt-4o-mini:org:name:abc123", "openai/gpt-4o:online"]) {
      const response = await fetch(`${gateway.url}/v1/messages/count_tokens`, {
        method: "POST",
        headers: { "x-api-key": user.token, "content-type": "application/json" },
        body: JSON.stringify({ model, messages: [{ role: "user", content: "hi" }] }),
      });
      expect(response.status, model).toBe(200);
    }
  });

  it("a name the upstream path must carry reaches Google encoded and whole, never walking the path", async () => {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "google/gemini-2.5-flash+exp@v1", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-oauthrouter-model")).toBe("gemini-2.5-flash+exp@v1");
    const seen = gateway.fake.requests.at(-1)!;
    expect(seen.path).toBe("/v1beta/models/gemini-2.5-flash%2Bexp%40v1:generateContent");
    expect(seen.model).toBe("gemini-2.5-flash+exp@v1");
    expect(gateway.fake.requests.some((r) => r.path.includes("__probe"))).toBe(false);
  });
});
