import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { usageWriter } from "@/lib/usage/usage-writer";
import { hostileText, nestedJson, pathsWhere, replaceAt, schemaBomb } from "@/test/support/attack-inputs";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { dialectOfPath, expectDialectError } from "@/test/support/dialect-errors";
import { sendRaw } from "@/test/support/raw-http";

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
    // Each request from an address of its own: the PKCE exchange's per-address limit is not what is fuzzed.
    process.env.TRUST_PROXY = "true";
    gateway = await startGateway(databaseTargets()[0]);
    const user = await gateway.newUser("fuzz@example.com", [{ provider: "openai", key: "sk-fuzz-openai" }, { provider: "anthropic", key: "sk-ant-api03-fuzz" }, { provider: "google", key: "AIza-fuzz" }], "enterprise");
    token = user.token;
    mgmt = (await createManagementKey(user.userId)).key;
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    await gateway?.close();
  });

  /** A fresh account with the same credentials, so one property's count_tokens rate is not another's. */
  async function freshKeys(): Promise<{ token: string; mgmt: string }> {
    const user = await gateway.newUser(`fuzz-${randomUUID()}@example.com`, [{ provider: "openai", key: "sk-fuzz-openai" }, { provider: "anthropic", key: "sk-ant-api03-fuzz" }, { provider: "google", key: "AIza-fuzz" }], "enterprise");
    return { token: user.token, mgmt: (await createManagementKey(user.userId)).key };
  }

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

  /** Sends a body as text; checks the answer is documented, in an error shape, with no stack; returns it. */
  async function sendChecked(keys: { token: string; mgmt: string }, path: string, body: string): Promise<{ status: number; text: string }> {
    const key = path.startsWith("/api/v1/keys") ? keys.mgmt : keys.token;
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json", "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` };
    const response = await fetch(`${gateway.url}${path}`, { method: "POST", headers, body });
    const text = await response.text();
    expect(DOCUMENTED.has(response.status), `${response.status} for ${body.slice(0, 200)}: ${text.slice(0, 200)}`).toBe(true);
    if (response.status >= 400) {
      const parsed = JSON.parse(text);
      expect(parsed.error?.message, text).toEqual(expect.any(String));
      expect(text).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    }
    return { status: response.status, text };
  }

  for (const [path, seed] of Object.entries(SEEDS)) {
    const strings = pathsWhere(seed, (value) => typeof value === "string");
    const nodes = pathsWhere(seed, () => true);

    it(`${path}: control characters, NUL and lone surrogates in every string field are answered, never a 500`, async () => {
      const keys = await freshKeys();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...strings), hostileText, async (at, text) => {
          await sendChecked(keys, path, JSON.stringify(replaceAt(seed, at, text)));
        }),
        { numRuns: 40 },
      );
    }, 120_000);

    it(`${path}: JSON nested past the limit in any field is a 400, at any depth`, async () => {
      const keys = await freshKeys();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...nodes), fc.constantFrom(129, 1_000, 10_000, 100_000), async (at, depth) => {
          const body = JSON.stringify(replaceAt(seed, at, "__DEEP__")).replace('"__DEEP__"', nestedJson(depth));
          const { status, text } = await sendChecked(keys, path, body);
          expect(status, text.slice(0, 200)).toBe(400);
          expect(JSON.parse(text).error.message).toBe("Request body is nested more than 128 levels deep");
        }),
        { numRuns: 15 },
      );
    }, 120_000);
  }

  // Where a caller's JSON schema is converted for another family (or passed to its own).
  const SCHEMA_TARGETS: Record<string, (schema: unknown) => { path: string; body: unknown }> = {
    "chat response_format to Gemini": (schema) => ({ path: "/v1/chat/completions", body: { model: "google/gemini-2.5-flash", messages: [{ role: "user", content: "hi" }], response_format: { type: "json_schema", json_schema: { name: "s", schema } } } }),
    "chat response_format to Anthropic": (schema) => ({ path: "/v1/chat/completions", body: { model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "hi" }], response_format: { type: "json_schema", json_schema: { name: "s", schema } } } }),
    "chat tool parameters to Gemini": (schema) => ({ path: "/v1/chat/completions", body: { model: "google/gemini-2.5-flash", messages: [{ role: "user", content: "hi" }], tools: [{ type: "function", function: { name: "f", parameters: schema } }] } }),
    "chat tool parameters to OpenAI": (schema) => ({ path: "/v1/chat/completions", body: { model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }], tools: [{ type: "function", function: { name: "f", parameters: schema } }] } }),
    "messages tools to Gemini": (schema) => ({ path: "/v1/messages", body: { model: "google/gemini-2.5-flash", max_tokens: 16, messages: [{ role: "user", content: "hi" }], tools: [{ name: "f", input_schema: schema }] } }),
    "messages output_config to Anthropic": (schema) => ({ path: "/v1/messages", body: { model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "hi" }], output_config: { format: { type: "json_schema", schema } } } }),
    "generateContent responseJsonSchema to OpenAI": (schema) => ({ path: "/v1beta/models/openai%2Fgpt-4o:generateContent", body: { contents: [{ parts: [{ text: "hi" }] }], generationConfig: { responseMimeType: "application/json", responseJsonSchema: schema } } }),
    "count_tokens tools": (schema) => ({ path: "/v1/messages/count_tokens", body: { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "hi" }], tools: [{ name: "f", input_schema: schema }] } }),
  };

  for (const [name, target] of Object.entries(SCHEMA_TARGETS)) {
    it(`schema bombs, ${name}: answered (a 400 when too large to convert), never a 500`, async () => {
      const keys = await freshKeys();
      await fc.assert(
        fc.asyncProperty(schemaBomb, async (schema) => {
          const { path, body } = target(schema);
          const { status, text } = await sendChecked(keys, path, JSON.stringify(body));
          if (status === 400) expect(JSON.parse(text).error.message).toMatch(/too large to convert|nests more than|nest more than/);
          else expect(status, text.slice(0, 200)).toBe(200);
        }),
        { numRuns: 25 },
      );
    }, 120_000);
  }

  it("every usage row those requests left is stored: none refused, none set aside", async () => {
    await usageWriter().flush();
    expect(usageWriter().pending()).toBe(0);
    expect(usageWriter().setAside).toEqual([]);
  });

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

// Issue 17 item 14 and issue 19: odd and percent-encoded paths, odd methods. Sent with node:http,
// which sends the path as written (fetch would resolve dot segments and re-encode).
const PATH_PARTS = ["v1", "api", "v1beta", "models", "chat", "completions", "messages", "count_tokens", "keys", "key", "auth", "generation", "embeddings", "openai", "gemini-2.5-flash:generateContent", "gpt-4o"];
const ODD_PARTS = ["%E0%A4%A", "%", "%Z", "%G0", "%C0%AF", "%2F", "%2f", "%2e%2e", "..", ".", "", "%00", "%0A", "%FF%FE", "%F0%9F%98%80", "%ED%A0%80", "%u0041", ";x=1", "~", "%25", "a%2Fb%2Fc"];

const oddPath = fc
  .tuple(
    fc.constantFrom("/v1/", "/api/v1/", "/v1beta/", "/v1beta/models/", "/v1/models/", "/api/v1/models/", "/", "//v1/", "/dashboard/"),
    fc.array(fc.oneof(fc.constantFrom(...PATH_PARTS), fc.constantFrom(...ODD_PARTS), fc.stringMatching(/^[A-Za-z0-9%._~:@!$&'()*+,;=-]{0,12}$/)), { maxLength: 5 }),
    fc.constantFrom("", "/", "?key=x", "?alt=sse", "?%ZZ=1", "#frag"),
  )
  .map(([prefix, parts, tail]) => prefix + parts.join("/") + tail);

describe("generated paths and methods: never a 500, and JSON in the path's dialect under the API's prefixes", () => {
  let gateway: Gateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("fuzz-paths@example.com", [{ provider: "openai", key: "sk-fuzz-paths" }]));
  });
  afterAll(() => gateway?.close());

  it("answers every odd path and method with a documented status", async () => {
    await fc.assert(
      fc.asyncProperty(oddPath, fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND"), async (path, method) => {
        const body = ["GET", "HEAD", "TRACE"].includes(method) ? undefined : "{}";
        const answer = await sendRaw(gateway.url, { method, path, body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });
        const where = `${method} ${path} -> ${answer.status} ${answer.body.slice(0, 200)}`;
        expect(answer.status, where).toBeLessThan(500);
        expect(answer.body, where).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
        const pathname = path.split(/[?#]/)[0];
        if (/^\/(api\/v1|v1|v1beta)(\/|$)/.test(pathname) && answer.status >= 400 && method !== "HEAD") {
          expect(answer.headers["content-type"], where).toMatch(/^application\/json/);
          expectDialectError(JSON.parse(answer.body), dialectOfPath(pathname), answer.status, where);
        }
      }),
      // Counterexamples found before, replayed on every run.
      { numRuns: 300, examples: [["/v1/messages#frag", "GET"], ["/v1beta/models#frag", "POST"], ["/api/v1/models?x#frag", "DELETE"]] },
    );
  }, 120_000);
});
