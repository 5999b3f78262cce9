import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSse } from "@/test/fake-upstream/read-sse";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// A closed connection shows within milliseconds; ten seconds is a generous bound, not a race.
const CLOSE_WAIT_MS = 10_000;

// Every provider and a custom OpenAI-compatible endpoint, driven the same way through the OpenAI SDK.
const PROVIDERS = [
  { provider: "anthropic", model: "anthropic/claude-sonnet-4-5", key: "sk-ant-api03-matrix" },
  { provider: "openai", model: "openai/gpt-4o", key: "sk-proj-matrix", embedding: "openai/text-embedding-3-small" },
  { provider: "google", model: "google/gemini-2.5-flash", key: "AIza-matrix", embedding: "google/gemini-embedding-001", refusalSaysKeyInvalid: false },
  { provider: "mistral", model: "mistral/mistral-large-latest", key: "mistral-matrix-key", embedding: "mistral/mistral-embed" },
  { provider: "groq", model: "groq/llama-3.3-70b-versatile", key: "gsk_matrix" },
  { provider: "xai", model: "xai/grok-3", key: "xai-matrix" },
  { provider: "deepseek", model: "deepseek/deepseek-chat", key: "sk-deepseek-matrix" },
  { provider: "together", model: "together/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", key: "tgp_v1_matrix", embedding: "together/BAAI/bge-base-en-v1.5" },
  { provider: "cohere", model: "cohere/command-r-plus", key: "co-matrix", embedding: "cohere/embed-english-v3.0", refusalSaysKeyInvalid: false },
  { provider: "cloudflare-ai", model: "cloudflare-ai/@cf/meta/llama-3.1-8b-instruct", key: "cf-matrix", accountId: "acct-matrix", embedding: "cloudflare-ai/@cf/baai/bge-base-en-v1.5" },
  { provider: "openrouter", model: "openrouter/anthropic/claude-sonnet-4.5", key: "sk-or-v1-matrix", embedding: "openrouter/openai/text-embedding-3-small" },
  { provider: "custom", model: "custom/llama3.2", key: "ollama-matrix", baseUrl: "/ollama/v1", embedding: "custom/nomic-embed-text" },
];

const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
};

type Chunk = OpenAI.ChatCompletionChunk & { error?: { message: string; code?: number; metadata?: Record<string, unknown> } };

describe.each(PROVIDERS)("$provider through the gateway", ({ provider, model, key, accountId, baseUrl, embedding, refusalSaysKeyInvalid = true }) => {
  let gateway: Gateway;
  let token: string;
  let client: OpenAI;
  const credential = (secret: string) => ({ provider, key: secret, accountId, baseUrl: baseUrl && `${gateway.fake.url}${baseUrl}` });

  /** A streamed request read as raw SSE: the chunks, what followed them, and the response. */
  async function rawStream(body: Record<string, unknown>, signal?: AbortSignal) {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST", signal,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model, stream: true, ...body }),
    });
    const events = await readSse(response);
    const chunks = events.filter((e) => e.data !== "[DONE]").map((e) => JSON.parse(e.data) as Chunk);
    return { response, chunks, last: events.at(-1)?.data };
  }

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser(`${provider}-matrix@example.com`, [credential(key)]));
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  it("answers and streams, each response and chunk named by the X-Generation-Id, the stream closed by usage and [DONE]", async () => {
    const { data, response } = await client.chat.completions.create({ model, messages: [{ role: "user", content: "hello matrix" }] }).withResponse();
    expect(data.choices[0].message.content).toBe("Echo: hello matrix");
    expect(data.choices[0].finish_reason).toBe("stop");
    expect(data.object).toBe("chat.completion");
    expect(data.id).toMatch(/^gen-/);
    expect(response.headers.get("x-generation-id")).toBe(data.id);
    expect(data.usage!.completion_tokens).toBeGreaterThan(0);

    const streamed = await rawStream({ messages: [{ role: "user", content: "stream matrix" }] });
    const id = streamed.response.headers.get("x-generation-id");
    expect(id).toMatch(/^gen-/);
    expect(streamed.chunks.every((c) => c.object === "chat.completion.chunk" && c.id === id)).toBe(true);
    expect(streamed.chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toBe("Echo: stream matrix");
    expect(streamed.chunks.some((c) => c.choices[0]?.finish_reason === "stop")).toBe(true);
    expect(streamed.chunks.at(-1)!.usage).toMatchObject({ completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    expect(streamed.chunks.at(-1)!.usage!.total_tokens).toBeGreaterThan(0);
    expect(streamed.last).toBe("[DONE]");
  });

  it("round-trips a tool call, and streams its deltas with the call's id and name first", async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "What is the weather in Paris?" }];
    const first = await client.chat.completions.create({ model, messages, tools: [weatherTool] });
    expect(first.choices[0].finish_reason).toBe("tool_calls");
    const [call] = first.choices[0].message.tool_calls as OpenAI.ChatCompletionMessageFunctionToolCall[];
    expect(call.id).toBeTruthy();
    expect(call.function).toEqual({ name: "get_weather", arguments: expect.any(String) });
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "Paris" });

    const streamed = await rawStream({ messages, tools: [weatherTool] });
    const deltas = streamed.chunks.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({ index: 0, id: expect.any(String), type: "function", function: { name: "get_weather" } });
    expect(JSON.parse(deltas.map((d) => d.function?.arguments ?? "").join(""))).toEqual({ city: "Paris" });
    expect(streamed.chunks.some((c) => c.choices[0]?.finish_reason === "tool_calls")).toBe(true);

    messages.push(first.choices[0].message, { role: "tool", tool_call_id: call.id, content: "22 degrees" });
    const answer = await client.chat.completions.create({ model, messages, tools: [weatherTool] });
    expect(answer.choices[0].message.content).toBe("The tool said: 22 degrees");
  });

  it("maps the provider's failures: a server error to 502 with its status, a rate limit to 429, a refused key to 502 or, said invalid, 424", async () => {
    const ask = () => client.chat.completions.create({ model, messages: [{ role: "user", content: "fail please" }] }).catch((e) => e);
    gateway.fake.setFault({ mode: "status:500", match: { credential: key }, times: 5 });
    const server = await ask();
    gateway.fake.reset();
    expect(server).toBeInstanceOf(OpenAI.APIError);
    expect(server.status).toBe(502);
    expect(server.error).toMatchObject({ type: "api_error", metadata: { provider, provider_name: expect.any(String), status: 500, raw: expect.anything() } });
    expect(server.error.message).toContain(provider);
    expect(JSON.stringify(server.error)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(server.headers.get("x-generation-id")).toMatch(/^gen-/);

    gateway.fake.setFault({ mode: "status:429:1", match: { credential: key }, times: 5 });
    const limited = await ask();
    gateway.fake.reset();
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.error).toMatchObject({ type: "rate_limit_error", metadata: { provider, status: 429 } });

    const refusedKey = `${key}-invalid`;
    const { token: other } = await gateway.newUser(`${provider}-refused@example.com`, [credential(refusedKey)]);
    const refused = await new OpenAI({ apiKey: other, baseURL: `${gateway.url}/v1`, maxRetries: 0 }).chat.completions
      .create({ model, messages: [{ role: "user", content: "hi" }] })
      .catch((e) => e);
    // A provider's "invalid key" code takes the credential out at once: named, with a status SDKs do not retry.
    const expected = refusalSaysKeyInvalid
      ? { status: 424, error: { type: "permission_error", code: "credentials_refused", metadata: { credentials: [expect.objectContaining({ provider })] } } }
      : { status: 502, error: { type: "api_error", code: "upstream_auth", metadata: { provider, status: expect.any(Number), raw: expect.anything() } } };
    expect(refused).toMatchObject(expected);
  });

  it("ends a stream the provider breaks after the first byte with a chunk carrying error and finish_reason error", async () => {
    gateway.fake.setFault({ mode: "error-mid-stream:5", match: { credential: key }, times: 1 });
    const { chunks, last } = await rawStream({ messages: [{ role: "user", content: "one two three four five six seven" }] });
    const final = chunks.at(-1)!;
    expect(final.error).toMatchObject({ message: expect.any(String), code: expect.anything() });
    expect(final.choices[0].finish_reason).toBe("error");
    expect(chunks.slice(0, -1).some((c) => c.choices[0]?.delta?.content)).toBe(true);
    expect(last).toBe("[DONE]");
  });

  it("closes the upstream connection when the client cancels a stream, long before the upstream would have ended it", async () => {
    // The upstream would send its first event only after the wait below, and end the stream after it.
    gateway.fake.setFault({ mode: `slow-first-token:${2 * CLOSE_WAIT_MS}`, match: { credential: key }, times: 1 });
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST", signal: controller.signal,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "slow" }] }),
    });
    expect(response.status).toBe(200);
    const upstream = gateway.fake.requests.at(-1)!;
    const cancelledAt = Date.now();
    controller.abort();
    await expect.poll(() => upstream.clientDisconnected, { timeout: CLOSE_WAIT_MS, interval: 20 }).toBe(true);
    expect(upstream.finishedAt).toBeUndefined();
    expect(upstream.disconnectedAt!).toBeGreaterThanOrEqual(cancelledAt);
  });

  it.runIf(embedding)("serves embeddings as floats and as base64", async () => {
    const floats = await client.embeddings.create({ model: embedding!, input: ["first", "second"], encoding_format: "float" });
    expect(floats.data.map((d) => d.index)).toEqual([0, 1]);
    expect(floats.data[1].embedding[0]).toBeCloseTo(0.02, 5);
    // The SDK asks for base64 by default and decodes it back to floats.
    const decoded = await client.embeddings.create({ model: embedding!, input: "first" });
    expect(decoded.data[0].embedding[0]).toBeCloseTo(0.01, 5);
    expect(gateway.fake.requests.at(-1)!.path).toMatch(/embed/);
  });
});
