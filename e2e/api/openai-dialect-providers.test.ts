import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// Every provider that speaks OpenAI's dialect, with the path its real base URL puts in front.
const PROVIDERS = [
  { provider: "openai", model: "gpt-4o-mini", path: "/v1/chat/completions" },
  { provider: "mistral", model: "mistral-large-latest", path: "/v1/chat/completions" },
  { provider: "groq", model: "llama-3.3-70b-versatile", path: "/openai/v1/chat/completions" },
  { provider: "xai", model: "grok-3", path: "/v1/chat/completions" },
  { provider: "deepseek", model: "deepseek-chat", path: "/v1/chat/completions" },
  { provider: "together", model: "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", path: "/v1/chat/completions" },
  { provider: "cloudflare-ai", model: "@cf/meta/llama-3.1-8b-instruct", path: "/client/v4/accounts/acct123/ai/v1/chat/completions" },
  { provider: "openrouter", model: "anthropic/claude-sonnet-4.5", path: "/api/v1/chat/completions" },
];

describe("OpenAI-dialect providers through the gateway", () => {
  let gateway: Gateway;
  let client: OpenAI;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const { token } = await gateway.newUser("dialects@example.com", [
      ...PROVIDERS.map(({ provider }) => ({ provider, key: `key-${provider}-123456`, accountId: provider === "cloudflare-ai" ? "acct123" : undefined })),
      { provider: "custom", key: "ollama-key-123456", baseUrl: `${gateway.fake.url}/ollama/v1` },
    ]);
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  for (const { provider, model, path } of PROVIDERS) {
    it(`${provider}: answers and streams at its own path with its own key`, async () => {
      const id = `${provider}/${model}`;
      const answer = await client.chat.completions.create({ model: id, max_tokens: 100, messages: [{ role: "user", content: `hi ${provider}` }] });
      expect(answer.choices[0].message.content).toBe(`Echo: hi ${provider}`);
      const sent = gateway.fake.requests.at(-1)!;
      expect(sent.path).toBe(path);
      expect(sent.headers.authorization).toBe(`Bearer key-${provider}-123456`);
      expect(sent.body.model).toBe(model);

      const stream = await client.chat.completions.create({ model: id, stream: true, messages: [{ role: "user", content: "streamed" }] });
      let text = "";
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
      expect(text).toBe("Echo: streamed");
    });
  }

  it("custom endpoints (Ollama, vLLM, LM Studio) answer at the user's own base URL", async () => {
    const answer = await client.chat.completions.create({ model: "custom/llama3.2", messages: [{ role: "user", content: "local" }] });
    expect(answer.choices[0].message.content).toBe("Echo: local");
    expect(gateway.fake.requests.at(-1)!.path).toBe("/ollama/v1/chat/completions");
    const bare = await client.chat.completions.create({ model: "qwen2.5-coder:7b", messages: [{ role: "user", content: "bare" }] });
    expect(bare.choices[0].message.content).toBe("Echo: bare");
  });

  // Each provider's refused fields, sent by a client: the fake plays the provider (FAKE_BASE_PATHS' /as/<provider>)
  // and answers them with its own 400/422, so a quirk that regresses in the registry fails here.
  const EVERY_FIELD = {
    max_completion_tokens: 50, top_k: 5, repetition_penalty: 1.1, logit_bias: { "1": 1 }, logprobs: true, top_logprobs: 2, user: "u1",
    reasoning_effort: "low", seed: 7, n: 1, parallel_tool_calls: false,
  };
  const NAMED = [{ role: "developer", content: "rules" }, { role: "user", content: "x", name: "ann" }];
  const QUIRKS: Array<{ provider: string; model: string; sent: Record<string, unknown>; absent: string[] }> = [
    { provider: "openai", model: "gpt-4o", sent: { max_completion_tokens: 50, seed: 7, user: "u1", logprobs: true, messages: [{ role: "developer", content: "rules" }, { role: "user", content: "x", name: "ann" }] }, absent: ["top_k", "repetition_penalty", "reasoning_effort", "max_tokens"] },
    { provider: "mistral", model: "mistral-large-latest", sent: { max_tokens: 50, random_seed: 7, n: 1, messages: [{ role: "system", content: "rules" }, { role: "user", content: "x" }] }, absent: ["max_completion_tokens", "top_k", "repetition_penalty", "logit_bias", "logprobs", "top_logprobs", "user", "reasoning_effort", "seed"] },
    { provider: "groq", model: "llama-3.3-70b-versatile", sent: { max_tokens: 50, seed: 7, user: "u1", reasoning_effort: "low", messages: [{ role: "system", content: "rules" }, { role: "user", content: "x" }] }, absent: ["max_completion_tokens", "top_k", "repetition_penalty", "logit_bias", "logprobs", "top_logprobs", "n"] },
    { provider: "xai", model: "grok-3", sent: { max_completion_tokens: 50, seed: 7, n: 1, user: "u1", logprobs: true, top_logprobs: 2, logit_bias: { "1": 1 }, reasoning_effort: "low", parallel_tool_calls: false, messages: [{ role: "system", content: "rules" }, { role: "user", content: "x", name: "ann" }] }, absent: ["top_k", "repetition_penalty", "max_tokens"] },
    { provider: "deepseek", model: "deepseek-chat", sent: { max_tokens: 50, user: "u1", n: 1 }, absent: ["max_completion_tokens", "top_k", "repetition_penalty", "reasoning_effort", "seed"] },
    { provider: "together", model: "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", sent: { max_tokens: 50, top_k: 5, repetition_penalty: 1.1, seed: 7 }, absent: ["max_completion_tokens"] },
    { provider: "cloudflare-ai", model: "@cf/meta/llama-3.1-8b-instruct", sent: { max_tokens: 50, seed: 7, top_k: 5 }, absent: ["max_completion_tokens", "logit_bias", "logprobs", "top_logprobs", "user", "reasoning_effort", "parallel_tool_calls", "n"] },
    { provider: "openrouter", model: "anthropic/claude-sonnet-4.5", sent: { max_tokens: 50, top_k: 5, seed: 7, reasoning: { effort: "low" } }, absent: ["max_completion_tokens", "reasoning_effort"] },
  ];

  for (const { provider, model, sent, absent } of QUIRKS) {
    it(`${provider}: gets only the fields it takes, in its own spelling`, async () => {
      const before = gateway.fake.requests.length;
      const answer = await client.chat.completions.create({ model: `${provider}/${model}`, ...EVERY_FIELD, messages: NAMED } as never);
      expect(answer.choices[0].message.content).toBe("Echo: x");
      // One attempt: a refusal would have failed over to another credential serving the model.
      const [request, ...more] = gateway.fake.requests.slice(before);
      expect(more).toEqual([]);
      expect(request).toMatchObject({ provider, status: 200, body: { model, ...sent } });
      for (const field of absent) expect(request.body).not.toHaveProperty(field);
    });
  }

  it("mistral: a trailing assistant message goes as a prefix; streams carry no stream_options there, usage elsewhere", async () => {
    await client.chat.completions.create({ model: "mistral/mistral-large-latest", messages: [{ role: "user", content: "x" }, { role: "assistant", content: "Sure" }] });
    expect(gateway.fake.requests.at(-1)!.body.messages.at(-1)).toEqual({ role: "assistant", content: "Sure", prefix: true });
    for (const [provider, model, options] of [["mistral", "mistral-large-latest", undefined], ["xai", "grok-3", { include_usage: true }]] as const) {
      const stream = await client.chat.completions.create({ model: `${provider}/${model}`, stream: true, messages: [{ role: "user", content: "s" }] });
      for await (const _chunk of stream) void _chunk;
      expect(gateway.fake.requests.at(-1)).toMatchObject({ provider, status: 200, body: { stream: true } });
      expect(gateway.fake.requests.at(-1)!.body.stream_options).toEqual(options);
    }
  });

  it("deepseek: a json_schema goes as JSON mode with the schema as an instruction", async () => {
    const schema = { type: "object", properties: { a: { type: "number" } } };
    await client.chat.completions.create({ model: "deepseek/deepseek-chat", response_format: { type: "json_schema", json_schema: { name: "A", schema } }, messages: [{ role: "user", content: "x" }] });
    const body = gateway.fake.requests.at(-1)!.body;
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages[0]).toEqual({ role: "system", content: expect.stringContaining(JSON.stringify(schema)) });
  });

  it("openai: a reasoning model gets max_completion_tokens and no sampling fields", async () => {
    await client.chat.completions.create({ model: "openai/o3-mini", max_tokens: 50, temperature: 0.5, top_p: 0.9, messages: [{ role: "user", content: "x" }] });
    const request = gateway.fake.requests.at(-1)!;
    expect(request).toMatchObject({ provider: "openai", status: 200, body: { max_completion_tokens: 50 } });
    for (const field of ["max_tokens", "temperature", "top_p"]) expect(request.body).not.toHaveProperty(field);
  });
});
