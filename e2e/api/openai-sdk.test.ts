import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const postgres = databaseTargets()[1];
const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
};

describe("the OpenAI SDK against /v1", () => {
  let gateway: Gateway;
  let client: OpenAI;
  let userId: string;

  beforeAll(async () => {
    gateway = await startGateway(postgres);
    const user = await gateway.newUser("sdk@example.com", [{ provider: "openai", key: "sk-openai-good-1234" }]);
    userId = user.userId;
    client = new OpenAI({ apiKey: user.token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  it("answers a chat completion through the user's own OpenAI key", async () => {
    const { data, response } = await client.chat.completions
      .create({ model: "openai/gpt-4o", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello there" }] })
      .withResponse();
    expect(data.choices[0].message.content).toBe("Echo: Hello there");
    expect(data.choices[0].finish_reason).toBe("stop");
    expect(data.model).toBe("gpt-4o-fake-2025");
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(data.id).toMatch(/^gen-/);
    expect(response.headers.get("x-generation-id")).toBe(data.id);
    expect(response.headers.get("x-oauthrouter-provider")).toBe("openai");
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.headers.authorization).toBe("Bearer sk-openai-good-1234");
    expect(sent.body.model).toBe("gpt-4o");
  });

  it("streams chunks with a final usage chunk, from a bare model name", async () => {
    const stream = await client.chat.completions.create({ model: "gpt-4o", stream: true, messages: [{ role: "user", content: "stream me please" }] });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish ??= chunk.choices[0]?.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe("Echo: stream me please");
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBe(4);
    expect(gateway.fake.requests.at(-1)!.body.stream_options).toEqual({ include_usage: true });
  });

  it("round-trips tool calls, streamed and not", async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "What is the weather in Paris and Tokyo, in parallel?" }];
    const first = await client.chat.completions.create({ model: "openai/gpt-4o", messages, tools: [weatherTool] });
    const calls = first.choices[0].message.tool_calls!;
    expect(first.choices[0].finish_reason).toBe("tool_calls");
    expect(calls.map((c) => c.type === "function" && JSON.parse(c.function.arguments).city)).toEqual(["Paris", "Tokyo"]);

    const streamed = await client.chat.completions.stream({ model: "openai/gpt-4o", messages, tools: [weatherTool] }).finalChatCompletion();
    expect(streamed.choices[0].message.tool_calls?.map((c) => c.id)).toEqual(calls.map((c) => c.id));

    messages.push(first.choices[0].message, ...calls.map((c) => ({ role: "tool" as const, tool_call_id: c.id, content: "18°C and sunny" })));
    const answer = await client.chat.completions.create({ model: "openai/gpt-4o", messages, tools: [weatherTool] });
    expect(answer.choices[0].message.content).toBe("The tool said: 18°C and sunny");
  });

  it("reports errors with the documented status and type", async () => {
    const anonymous = new OpenAI({ apiKey: "lr_live_" + "x".repeat(40), baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await expect(anonymous.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const unknown = client.chat.completions.create({ model: "no-such-model-anywhere", messages: [{ role: "user", content: "hi" }] });
    await expect(unknown).rejects.toMatchObject({ status: 400, type: "invalid_request_error", param: "model" });
    await expect(client.chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({
      status: 503,
    });
    await expect(client.chat.completions.create({ model: "openai/gpt-4o", messages: [] })).rejects.toMatchObject({ status: 400, param: "messages" });
    const raw = await fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${client.apiKey}` }, body: "{not json" });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining("not valid JSON") });
  });

  it("maps an upstream failure to 502 with the provider's message, never a stack", async () => {
    gateway.fake.setFault({ mode: "status:500", times: 5 });
    const failure = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure.status).toBe(502);
    expect(failure.error).toMatchObject({ type: "api_error", metadata: { provider: "openai", provider_name: "OpenAI", status: 500, raw: { error: expect.objectContaining({ type: "server_error", message: expect.stringContaining("server had an error") }) } } });
    expect(JSON.stringify(failure.error)).not.toMatch(/at .*\.ts:\d+/);
    gateway.fake.reset();
  });

  it("ends a stream that breaks mid-way with an error chunk", async () => {
    gateway.fake.setFault({ mode: "cut-mid-stream", times: 1 });
    const stream = await client.chat.completions.create({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "a longer answer that will be cut" }] });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    const outcome = await (async () => {
      for await (const chunk of stream) chunks.push(chunk);
    })().catch((error) => error);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect(outcome.message).toMatch(/openai stream failed/);
  });

  it("closes the upstream connection when the client cancels a stream, long before the upstream would have ended it", async () => {
    const controller = new AbortController();
    // A closed connection shows within milliseconds; the upstream's first event would come only after the wait.
    const closeWaitMs = 10_000;
    gateway.fake.setFault({ mode: `slow-first-token:${2 * closeWaitMs}`, times: 1 });
    const stream = await client.chat.completions.create(
      { model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "slow" }] },
      { signal: controller.signal },
    );
    const upstream = gateway.fake.requests.at(-1)!;
    const cancelledAt = Date.now();
    controller.abort();
    await (async () => {
      for await (const _ of stream) void _;
    })().catch(() => undefined);
    await expect.poll(() => upstream.clientDisconnected, { timeout: closeWaitMs, interval: 20 }).toBe(true);
    expect(upstream.finishedAt).toBeUndefined();
    expect(upstream.disconnectedAt!).toBeGreaterThanOrEqual(cancelledAt);
  });

  it("serves embeddings as floats and base64, and lists models", async () => {
    const floats = await client.embeddings.create({ model: "openai/text-embedding-3-small", input: ["a", "b"], encoding_format: "float" });
    expect(floats.data).toHaveLength(2);
    expect(floats.data[1].embedding[0]).toBeCloseTo(0.02, 5);
    const decoded = await client.embeddings.create({ model: "openai/text-embedding-3-small", input: "a" });
    expect(decoded.data[0].embedding).toHaveLength(8);
    const mine = await client.models.list();
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((m) => m.owned_by === "openai")).toBe(true);
    const everyone = await (await fetch(`${gateway.url}/v1/models`)).json();
    expect(new Set(everyone.data.map((m: { provider: string }) => m.provider)).size).toBe(11);
  });

  it("leaves one usage row per request, with the provider's token counts", async () => {
    const { data } = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "count me" }] }).withResponse();
    await usageWriter().flush();
    const prisma = await db();
    const row = await prisma.usageEvent.findUniqueOrThrow({ where: { id: data.id } });
    expect(row).toMatchObject({ userId, provider: "openai", modelUsed: "gpt-4o-fake-2025", status: 200, finishReason: "stop", countedMessage: true, completionTokens: 3 });
    const generation = await fetch(`${gateway.url}/api/v1/generation?id=${data.id}`, { headers: { authorization: `Bearer ${client.apiKey}` } });
    expect((await generation.json()).data).toMatchObject({ id: data.id, provider: "openai", tokens_completion: 3 });
  });
});
