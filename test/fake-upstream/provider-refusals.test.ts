import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "./server";

const user = { role: "user", content: "hi" };
// One field each provider's quirks say it refuses, and the error body it answers with.
const CASES: Array<{ provider: string; path: string; model: string; extra: Record<string, unknown>; status: number; body: unknown }> = [
  { provider: "openai", path: "/v1", model: "gpt-4o", extra: { top_k: 5 }, status: 400, body: { error: { message: "Unrecognized request argument supplied: top_k", type: "invalid_request_error", param: "top_k", code: null } } },
  { provider: "openai", path: "/v1", model: "o3-mini", extra: { max_tokens: 5 }, status: 400, body: { error: expect.objectContaining({ param: "max_tokens", code: "unsupported_parameter" }) } },
  { provider: "mistral", path: "/v1", model: "mistral-large-latest", extra: { seed: 1 }, status: 422, body: { object: "error", message: { detail: [{ type: "extra_forbidden", loc: ["body", "seed"], msg: "Extra inputs are not permitted", input: 1 }] }, type: "invalid_request_error", param: null, code: null } },
  { provider: "mistral", path: "/v1", model: "mistral-large-latest", extra: { messages: [{ ...user, name: "ann" }] }, status: 422, body: expect.objectContaining({ message: { detail: [expect.objectContaining({ loc: ["body", "messages", 0, "name"] })] } }) },
  { provider: "mistral", path: "/v1", model: "mistral-large-latest", extra: { messages: [user, { role: "assistant", content: "Sure" }] }, status: 400, body: expect.objectContaining({ message: expect.stringContaining("prefix True") }) },
  { provider: "groq", path: "/openai/v1", model: "llama-3.3-70b-versatile", extra: { n: 2 }, status: 400, body: { error: { message: "property 'n' is unsupported", type: "invalid_request_error" } } },
  { provider: "xai", path: "/v1", model: "grok-3", extra: { top_k: 3 }, status: 400, body: { code: "Client specified an invalid argument", error: "Argument not supported: top_k" } },
  { provider: "xai", path: "/v1", model: "grok-3", extra: { stream_options: { include_usage: true } }, status: 400, body: { code: "Client specified an invalid argument", error: expect.stringContaining("only allowed when 'stream' is enabled") } },
  { provider: "deepseek", path: "/v1", model: "deepseek-chat", extra: { response_format: { type: "json_schema", json_schema: { name: "x", schema: {} } } }, status: 400, body: { error: expect.objectContaining({ message: "This response_format type is unavailable now" }) } },
  { provider: "together", path: "/v1", model: "meta-llama/Llama-3", extra: { max_completion_tokens: 9 }, status: 400, body: { id: expect.any(String), error: expect.objectContaining({ param: "max_completion_tokens" }) } },
  { provider: "cloudflare-ai", path: "/client/v4/accounts/a1/ai/v1", model: "@cf/meta/llama-3.1-8b-instruct", extra: { parallel_tool_calls: false }, status: 400, body: { errors: [{ message: expect.stringContaining("parallel_tool_calls"), code: 5006 }], success: false, result: {}, messages: [] } },
  { provider: "openrouter", path: "/api/v1", model: "openai/gpt-4o", extra: { messages: [{ role: "user" }] }, status: 400, body: { error: { message: expect.stringContaining("content"), code: 400 } } },
];

describe("fake upstream playing one OpenAI-dialect provider (/as/<provider>)", () => {
  let fake: FakeUpstream;
  const post = (path: string, body: unknown) => fetch(fake.url + path, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer k" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    fake = await startFakeUpstream();
  });
  afterAll(() => fake.close());

  for (const { provider, path, model, extra, status, body } of CASES) {
    it(`${provider} refuses ${Object.keys(extra).join(", ")} on ${model} with its own error body`, async () => {
      const url = `/as/${provider}${path}/chat/completions`;
      const plain = await post(url, { model, messages: [user] });
      expect(plain.status).toBe(200);
      expect(fake.requests.at(-1)).toMatchObject({ provider, path: `${path}/chat/completions` });
      const refused = await post(url, { model, messages: [user], ...extra });
      expect(refused.status).toBe(status);
      expect(await refused.json()).toEqual(body);
    });
  }

  it("takes the same field from a provider that accepts it, and without /as/ keeps the generic behaviour", async () => {
    expect((await post("/as/xai/v1/chat/completions", { model: "grok-3", seed: 1, n: 2, messages: [user] })).status).toBe(200);
    expect((await post("/v1/chat/completions", { model: "mistral-large-latest", seed: 1, messages: [user] })).status).toBe(200);
    expect(fake.requests.at(-1)!.provider).toBeUndefined();
  });
});
