import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const DOCUMENTED = new Set([200, 201, 400, 401, 403, 404, 405, 413, 429, 502, 503]);

// Valid requests to start from, so mutations reach deep into the handlers, not just the parser.
const SEEDS: Record<string, unknown> = {
  "/v1/chat/completions": { model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] },
  "/v1/embeddings": { model: "openai/text-embedding-3-small", input: "hi" },
  "/v1/messages": { model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "hi" }] },
  "/v1/messages/count_tokens": { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "hi" }] },
  "/v1beta/models/gemini-2.5-flash:generateContent": { contents: [{ parts: [{ text: "hi" }] }] },
  "/api/v1/keys": { name: "fuzzed" },
  "/api/v1/auth/keys": { code: "abc", code_verifier: "def" },
};

const mutation = fc.oneof(
  fc.jsonValue(),
  fc.record({ key: fc.oneof(fc.constantFrom("model", "messages", "max_tokens", "stream", "tools", "temperature", "input", "contents", "content", "role", "name", "limit"), fc.string()), value: fc.jsonValue() }),
);

function mutate(seed: unknown, change: unknown): unknown {
  if (change && typeof change === "object" && "key" in (change as object) && seed && typeof seed === "object") {
    const { key, value } = change as { key: string; value: unknown };
    const copy = structuredClone(seed) as Record<string, unknown>;
    const messages = copy.messages as Array<Record<string, unknown>> | undefined;
    if (messages && ["content", "role"].includes(key)) messages[0][key] = value;
    else copy[key] = value;
    return copy;
  }
  return change;
}

describe("generated requests at every public endpoint", () => {
  let gateway: Gateway;
  let token: string;
  let mgmt: string;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const user = await gateway.newUser("fuzz@example.com", [{ provider: "openai", key: "sk-fuzz-openai" }, { provider: "anthropic", key: "sk-ant-api03-fuzz" }, { provider: "google", key: "AIza-fuzz" }], "enterprise");
    token = user.token;
    mgmt = (await createManagementKey(user.userId)).key;
  });
  afterAll(() => gateway?.close());

  for (const [path, seed] of Object.entries(SEEDS)) {
    it(`${path}: a documented status and error shape for every input, never a 500`, async () => {
      const key = path.startsWith("/api/v1/keys") ? mgmt : token;
      await fc.assert(
        fc.asyncProperty(mutation, fc.boolean(), async (change, rawText) => {
          const body = rawText && typeof change === "string" ? change : JSON.stringify(mutate(seed, change));
          const response = await fetch(`${gateway.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
          const text = await response.text();
          expect(DOCUMENTED.has(response.status), `${response.status} for ${body.slice(0, 200)}: ${text.slice(0, 200)}`).toBe(true);
          if (response.status >= 400) {
            const parsed = JSON.parse(text);
            expect(parsed.error ?? parsed, text).toBeTruthy();
            expect(text).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
          }
        }),
        { numRuns: 60 },
      );
    }, 120_000);
  }

  it("refuses oversized and non-UTF-8 bodies clearly, and keeps serving", async () => {
    const huge = await fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: "x".repeat(21 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    const latin1 = await fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(latin1.status).toBe(400);
    expect((await latin1.json()).error.message).toMatch(/UTF-8/);
    const ok = await fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(SEEDS["/v1/chat/completions"]) });
    expect(ok.status).toBe(200);
  });
});
