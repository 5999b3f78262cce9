import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "./server";

// The fake's OpenAI dialect, checked by the official SDK: if the SDK accepts it, so should our gateway.
describe("fake upstream, OpenAI dialect, through the openai SDK", () => {
  let fake: FakeUpstream;
  let client: OpenAI;
  const weather: OpenAI.ChatCompletionTool = {
    type: "function",
    function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
  };

  beforeAll(async () => {
    fake = await startFakeUpstream();
    client = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: "sk-test-openai", maxRetries: 0 });
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it("answers a chat completion with usage, and records what was sent", async () => {
    const answer = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hello there" }] });
    expect(answer.choices[0].message.content).toBe("Echo: Hello there");
    expect(answer.choices[0].finish_reason).toBe("stop");
    expect(answer.usage).toMatchObject({ completion_tokens: 3, total_tokens: answer.usage!.prompt_tokens + 3 });
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ method: "POST", path: "/v1/chat/completions", family: "openai", credential: "sk-test-openai", model: "gpt-4o", stream: false, status: 200 });
    expect(sent.headers.authorization).toBe("Bearer sk-test-openai");
  });

  it("streams one chunk per word, then the finish reason, the usage chunk and [DONE]", async () => {
    const stream = await client.chat.completions.create({ model: "gpt-4o", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "stream me please" }] });
    let text = "";
    let contentChunks = 0;
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) (text += chunk.choices[0].delta.content), contentChunks++;
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe("Echo: stream me please");
    expect(contentChunks).toBe(4);
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBe(4);
  });

  it("calls a tool when asked about the weather, two in parallel, and answers with the tool result", async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "weather in two cities, parallel please" }];
    const first = await client.chat.completions.stream({ model: "gpt-4o", messages, tools: [weather] }).finalChatCompletion();
    const calls = first.choices[0].message.tool_calls as OpenAI.ChatCompletionMessageFunctionToolCall[];
    expect(calls.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments).city])).toEqual([["call_fake0Paris", "get_weather", "Paris"], ["call_fake1Tokyo", "get_weather", "Tokyo"]]);
    expect(first.choices[0].finish_reason).toBe("tool_calls");
    messages.push(first.choices[0].message as OpenAI.ChatCompletionAssistantMessageParam, ...calls.map((c) => ({ role: "tool" as const, tool_call_id: c.id, content: "sunny" })));
    const answer = await client.chat.completions.create({ model: "gpt-4o", messages, tools: [weather] });
    expect(answer.choices[0].message.content).toBe("The tool said: sunny");
  });

  it("calls the tool tool_choice forces, whatever the user says", async () => {
    const answer = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }], tools: [weather], tool_choice: { type: "function", function: { name: "get_weather" } } });
    expect(answer.choices[0].message.tool_calls?.[0]).toMatchObject({ id: "call_fake0Paris", type: "function" });
  });

  it("returns reasoning_content when reasoning_effort is set, and `reasoning` under OpenRouter's /api/v1", async () => {
    const answer = await client.chat.completions.create({ model: "o4-mini", reasoning_effort: "low", messages: [{ role: "user", content: "think" }] });
    const message = answer.choices[0].message as OpenAI.ChatCompletionMessage & { reasoning_content?: string };
    expect(message.reasoning_content).toBe("Let me think about this step by step.");
    expect(answer.usage?.completion_tokens_details?.reasoning_tokens).toBe(8);
    const router = new OpenAI({ baseURL: `${fake.url}/api/v1`, apiKey: "sk-or-test", maxRetries: 0 });
    const routed = await router.chat.completions.create({ model: "deepseek/r1", reasoning_effort: "high", messages: [{ role: "user", content: "think" }] });
    expect((routed.choices[0].message as { reasoning?: string }).reasoning).toContain("step by step");
  });

  it("stops at max_tokens with finish_reason length", async () => {
    const answer = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 3, messages: [{ role: "user", content: "one two three four five" }] });
    expect(answer.choices[0]).toMatchObject({ finish_reason: "length", message: { content: "Echo: one two" } });
  });

  it("serves embeddings as floats and as little-endian float32 base64 (the SDK's default, decoded)", async () => {
    const floats = await client.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"], encoding_format: "float" });
    expect(floats.data[1].embedding[0]).toBeCloseTo(0.02, 6);
    const decoded = await client.embeddings.create({ model: "text-embedding-3-small", input: "a", dimensions: 4 });
    expect(decoded.data[0].embedding).toHaveLength(4);
    expect(decoded.data[0].embedding[1]).toBeCloseTo(0.011, 6);
    expect(fake.requests.at(-1)!.body.encoding_format).toBe("base64");
  });

  it("lists models, under any prefix (Groq, Cloudflare)", async () => {
    expect((await client.models.list()).data.map((m) => m.id)).toContain("gpt-4o");
    for (const base of ["/openai/v1", "/client/v4/accounts/acct123/ai/v1"]) {
      const other = new OpenAI({ baseURL: fake.url + base, apiKey: "k", maxRetries: 0 });
      const answer = await other.chat.completions.create({ model: "llama", messages: [{ role: "user", content: "prefixed" }] });
      expect(answer.choices[0].message.content).toBe("Echo: prefixed");
      expect(fake.requests.at(-1)!.path).toBe(`${base}/chat/completions`);
    }
  });

  it("surfaces error statuses as the SDK's error classes with OpenAI's bodies", async () => {
    const ask = (key: string, headers: Record<string, string> = {}) =>
      new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: key, maxRetries: 0 }).chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] }, { headers }).catch((e) => e);
    const invalid = await ask("sk-invalid-key-000");
    expect(invalid).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(invalid).toMatchObject({ status: 401, code: "invalid_api_key", type: "invalid_request_error" });
    expect(invalid.message).toContain("Incorrect API key provided: sk-inv");
    const limited = await ask("sk-ratelimited-1");
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(await ask("sk-ok", { "x-fake-fault": "status:500" })).toBeInstanceOf(OpenAI.InternalServerError);
    expect(await ask("sk-ok", { "x-fake-fault": "status:403" })).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(await ask("sk-ok", { "x-fake-fault": "status:400" })).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it("errors the SDK stream when the connection is cut mid-stream", async () => {
    fake.setFault({ mode: "cut-mid-stream", times: 1 });
    const stream = await client.chat.completions.create({ model: "gpt-4o", stream: true, messages: [{ role: "user", content: "a long answer that will be cut" }] });
    let received = 0;
    const failure = await (async () => {
      for await (const chunk of stream) received += chunk.choices.length;
    })().catch((e) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(received).toBe(3);
    expect(fake.requests.at(-1)).toMatchObject({ cutByFake: true, clientDisconnected: false, fault: "cut-mid-stream" });
  });

  it("raises an in-stream error event as an APIError (error-mid-stream)", async () => {
    const stream = await client.chat.completions.create({ model: "gpt-4o--fault-error-mid-stream-2", stream: true, messages: [{ role: "user", content: "one two three" }] });
    const failure = await (async () => {
      for await (const _ of stream);
    })().catch((e) => e);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure.message).toContain("The server had an error");
  });
});
