import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

type Body = Record<string, any>;

const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
};
const PNG = "iVBORw0KGgoAAAANSUhEUg==";
const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false };

// What a client sends: every sampling and limit field of OpenAI's and OpenRouter's request.
const SAMPLING = {
  max_tokens: 300, temperature: 0.5, top_p: 0.9, top_k: 20, frequency_penalty: 0.3, presence_penalty: 0.2,
  repetition_penalty: 1.1, seed: 42, stop: ["END"], user: "end-user-1", logit_bias: { "50256": -100 },
};

describe("every request field reaches each provider family as that provider takes it", () => {
  let gateway: Gateway;
  let client: OpenAI;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const providers = ["anthropic", "openai", "google", "mistral", "groq", "xai", "deepseek", "together", "cohere", "openrouter"];
    const { token } = await gateway.newUser("fields@example.com", [
      ...providers.map((provider) => ({ provider, key: `key-${provider}-fields` })),
      { provider: "cloudflare-ai", key: "key-cf-fields", accountId: "acct" },
      { provider: "custom", key: "key-custom-fields", baseUrl: `${gateway.fake.url}/ollama/v1` },
    ]);
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  /** Sends through the OpenAI SDK and returns what the provider received, and the answer. */
  async function sent(model: string, fields: Body): Promise<{ body: Body; answer: OpenAI.ChatCompletion }> {
    const answer = (await client.chat.completions.create({ model, messages: [{ role: "user", content: "hi" }], ...fields } as never)) as OpenAI.ChatCompletion;
    return { body: gateway.fake.requests.at(-1)!.body, answer };
  }

  it("sampling and limits: renamed, capped or dropped per provider, never forwarded to fail", async () => {
    const openai = (await sent("openai/gpt-4o", SAMPLING)).body;
    expect(openai).toMatchObject({ max_completion_tokens: 300, temperature: 0.5, top_p: 0.9, frequency_penalty: 0.3, presence_penalty: 0.2, seed: 42, stop: ["END"], user: "end-user-1", logit_bias: { "50256": -100 } });
    for (const field of ["max_tokens", "top_k", "repetition_penalty"]) expect(openai).not.toHaveProperty(field);

    const mistral = (await sent("mistral/mistral-large-latest", SAMPLING)).body;
    expect(mistral).toEqual({ model: "mistral-large-latest", messages: [{ role: "user", content: "hi" }], max_tokens: 300, temperature: 0.5, top_p: 0.9, frequency_penalty: 0.3, presence_penalty: 0.2, random_seed: 42, stop: ["END"] });

    const groq = (await sent("groq/llama-3.3-70b-versatile", SAMPLING)).body;
    expect(groq).toMatchObject({ max_tokens: 300, seed: 42, user: "end-user-1" });
    for (const field of ["logit_bias", "top_k", "repetition_penalty", "max_completion_tokens"]) expect(groq).not.toHaveProperty(field);

    const deepseek = (await sent("deepseek/deepseek-chat", SAMPLING)).body;
    expect(deepseek).toMatchObject({ max_tokens: 300, temperature: 0.5, stop: ["END"] });
    for (const field of ["seed", "top_k", "repetition_penalty"]) expect(deepseek).not.toHaveProperty(field);

    const cloudflare = (await sent("cloudflare-ai/@cf/meta/llama-3.1-8b-instruct", SAMPLING)).body;
    expect(cloudflare).toMatchObject({ max_tokens: 300, seed: 42 });
    for (const field of ["user", "logit_bias"]) expect(cloudflare).not.toHaveProperty(field);

    // Together, OpenRouter and custom servers take the open-model knobs as they are.
    for (const model of ["together/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "openrouter/meta-llama/llama-3.3-70b-instruct", "custom/llama3.2"]) {
      expect((await sent(model, SAMPLING)).body, model).toMatchObject({ max_tokens: 300, top_k: 20, repetition_penalty: 1.1, seed: 42 });
    }

    const anthropic = (await sent("anthropic/claude-sonnet-4-5", { ...SAMPLING, temperature: 1.7 })).body;
    // Temperature tops out at 1 and wins over top_p, which recent Claude models refuse beside it.
    expect(anthropic).toEqual({
      model: "claude-sonnet-4-5", max_tokens: 300, temperature: 1, top_k: 20, stop_sequences: ["END"], metadata: { user_id: "end-user-1" },
      messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
    });

    const gemini = (await sent("google/gemini-2.5-flash", SAMPLING)).body;
    expect(gemini.generationConfig).toEqual({ maxOutputTokens: 300, temperature: 0.5, topP: 0.9, topK: 20, seed: 42, stopSequences: ["END"] });
    expect(gemini).not.toHaveProperty("user");

    const cohere = (await sent("cohere/command-r-plus", { ...SAMPLING, top_p: 1 })).body;
    expect(cohere).toEqual({
      model: "command-r-plus", messages: [{ role: "user", content: "hi" }],
      max_tokens: 300, temperature: 0.5, p: 0.99, k: 20, seed: 42, stop_sequences: ["END"], frequency_penalty: 0.3, presence_penalty: 0.2,
    });
  });

  it("max_completion_tokens, and Anthropic's required max_tokens defaulting to 8192", async () => {
    expect((await sent("anthropic/claude-sonnet-4-5", {})).body.max_tokens).toBe(8192);
    expect((await sent("anthropic/claude-sonnet-4-5", { max_completion_tokens: 77 })).body.max_tokens).toBe(77);
    expect((await sent("google/gemini-2.5-flash", { max_completion_tokens: 77 })).body.generationConfig).toEqual({ maxOutputTokens: 77 });
    expect((await sent("cohere/command-r-plus", { max_completion_tokens: 77 })).body.max_tokens).toBe(77);
    expect((await sent("groq/llama-3.3-70b-versatile", { max_completion_tokens: 77 })).body).toMatchObject({ max_tokens: 77 });
    expect((await sent("openai/gpt-4o", { max_completion_tokens: 77 })).body).toMatchObject({ max_completion_tokens: 77 });
    for (const model of ["openai/gpt-4o", "google/gemini-2.5-flash", "cohere/command-r-plus", "mistral/mistral-large-latest"]) {
      const body = (await sent(model, {})).body;
      expect(body.max_tokens ?? body.max_completion_tokens ?? body.generationConfig?.maxOutputTokens, model).toBeUndefined();
    }
  });

  it("system, text and image parts, and an assistant prefill", async () => {
    const messages = [
      { role: "system", content: "Be terse." },
      { role: "user", content: [{ type: "text", text: "Describe this" }, { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } }] },
      { role: "assistant", content: "It shows" },
    ];
    const openai = await sent("openai/gpt-4o", { messages });
    expect(openai.body.messages).toEqual(messages);
    expect(openai.answer.choices[0].message.content).toBe("Echo: Describe this");

    expect((await sent("mistral/mistral-large-latest", { messages })).body.messages).toEqual([...messages.slice(0, 2), { role: "assistant", content: "It shows", prefix: true }]);

    const anthropic = (await sent("anthropic/claude-sonnet-4-5", { messages })).body;
    expect(anthropic.system).toEqual([{ type: "text", text: "Be terse." }]);
    expect(anthropic.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Describe this" }, { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } }] },
      { role: "assistant", content: [{ type: "text", text: "It shows" }] },
    ]);

    const gemini = (await sent("google/gemini-2.5-flash", { messages })).body;
    expect(gemini.systemInstruction).toEqual({ parts: [{ text: "Be terse." }] });
    expect(gemini.contents).toEqual([
      { role: "user", parts: [{ text: "Describe this" }, { inlineData: { mimeType: "image/png", data: PNG } }] },
      { role: "model", parts: [{ text: "It shows" }] },
    ]);

    const cohere = (await sent("cohere/command-r-plus", { messages })).body;
    expect(cohere.messages).toEqual([
      { role: "system", content: "Be terse." },
      { role: "user", content: [{ type: "text", text: "Describe this" }, { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } }] },
      { role: "assistant", content: "It shows" },
    ]);
  });

  it("tools and tool_choice in each family's terms, with the call coming back to the client", async () => {
    const forced = { tools: [weatherTool], tool_choice: { type: "function", function: { name: "get_weather" } }, parallel_tool_calls: false };
    const openai = await sent("openai/gpt-4o", forced);
    expect(openai.body).toMatchObject({ tools: [weatherTool], tool_choice: forced.tool_choice, parallel_tool_calls: false });

    const anthropic = await sent("anthropic/claude-sonnet-4-5", forced);
    expect(anthropic.body.tools).toEqual([{ name: "get_weather", description: "Weather for a city", input_schema: weatherTool.function.parameters }]);
    expect(anthropic.body.tool_choice).toEqual({ type: "tool", name: "get_weather", disable_parallel_tool_use: true });

    const gemini = await sent("google/gemini-2.5-flash", forced);
    expect(gemini.body.tools).toEqual([{ functionDeclarations: [{ name: "get_weather", description: "Weather for a city", parameters: weatherTool.function.parameters }] }]);
    expect(gemini.body.toolConfig).toEqual({ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] } });

    const cohere = await sent("cohere/command-r-plus", forced);
    expect(cohere.body).toMatchObject({ tools: [{ type: "function", function: weatherTool.function }], tool_choice: "REQUIRED" });

    for (const { answer } of [openai, anthropic, gemini, cohere]) {
      expect(answer.choices[0].finish_reason).toBe("tool_calls");
      expect((answer.choices[0].message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall).function.name).toBe("get_weather");
    }
    const none = { tools: [weatherTool], tool_choice: "none" };
    expect((await sent("anthropic/claude-sonnet-4-5", none)).body.tool_choice).toEqual({ type: "none" });
    expect((await sent("google/gemini-2.5-flash", none)).body.toolConfig).toEqual({ functionCallingConfig: { mode: "NONE" } });
    expect((await sent("cohere/command-r-plus", none)).body.tool_choice).toBe("NONE");
  });

  it("response_format json_object and json_schema, as JSON mode, native structured output or a forced tool", async () => {
    const jsonSchema = { type: "json_schema", json_schema: { name: "weather", schema, strict: true } };
    expect((await sent("openai/gpt-4o", { response_format: jsonSchema })).body.response_format).toEqual(jsonSchema);
    expect((await sent("openai/gpt-4o", { response_format: { type: "json_object" } })).body.response_format).toEqual({ type: "json_object" });

    const deepseek = (await sent("deepseek/deepseek-chat", { response_format: jsonSchema })).body;
    expect(deepseek.response_format).toEqual({ type: "json_object" });
    expect(deepseek.messages[0]).toEqual({ role: "system", content: expect.stringContaining(JSON.stringify(schema)) });

    const claude = await sent("anthropic/claude-sonnet-4-5", { response_format: jsonSchema });
    expect(claude.body.output_config).toEqual({ format: { type: "json_schema", schema } });
    const older = await sent("anthropic/claude-3-5-haiku-20241022", { response_format: { type: "json_object" } });
    expect(older.body.tool_choice).toEqual({ type: "tool", name: "__oauthrouter_json" });
    expect(JSON.parse(older.answer.choices[0].message.content!)).toEqual({ city: "Paris" });
    expect(older.answer.choices[0].finish_reason).toBe("stop");

    const gemini = (await sent("google/gemini-2.5-flash", { response_format: jsonSchema })).body;
    expect(gemini.generationConfig).toMatchObject({ responseMimeType: "application/json", responseSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } });
    // Gemini's OpenAPI subset has no additionalProperties.
    expect(gemini.generationConfig.responseSchema).not.toHaveProperty("additionalProperties");
    expect((await sent("google/gemini-2.5-flash", { response_format: { type: "json_object" } })).body.generationConfig).toEqual({ responseMimeType: "application/json" });

    expect((await sent("cohere/command-r-plus", { response_format: jsonSchema })).body.response_format).toEqual({ type: "json_object", json_schema: schema });
  });

  it("reasoning_effort and OpenRouter's reasoning object, where the model reasons", async () => {
    expect((await sent("openai/o3-mini", { reasoning_effort: "low", temperature: 0.2 })).body).toEqual({ model: "o3-mini", messages: [{ role: "user", content: "hi" }], reasoning_effort: "low" });
    expect((await sent("openai/gpt-4o", { reasoning_effort: "low" })).body).not.toHaveProperty("reasoning_effort");
    expect((await sent("openai/o3-mini", { reasoning: { effort: "high" } })).body).toMatchObject({ reasoning_effort: "high" });
    expect((await sent("openrouter/openai/o3-mini", { reasoning_effort: "low" })).body).toMatchObject({ reasoning: { effort: "low" } });
    expect((await sent("openrouter/openai/o3-mini", { reasoning: { max_tokens: 2000 } })).body).toMatchObject({ reasoning: { max_tokens: 2000 } });
    expect((await sent("deepseek/deepseek-reasoner", { reasoning_effort: "low" })).body).not.toHaveProperty("reasoning_effort");

    const claude = await sent("anthropic/claude-sonnet-4-5", { reasoning_effort: "low", max_tokens: 1000, temperature: 0.3 });
    expect(claude.body).toMatchObject({ thinking: { type: "enabled", budget_tokens: 4096 }, max_tokens: 5096 });
    expect(claude.body).not.toHaveProperty("temperature");
    expect((claude.answer.choices[0].message as { reasoning?: string }).reasoning).toContain("step by step");
    expect((await sent("anthropic/claude-sonnet-4-5", { reasoning: { max_tokens: 2000 } })).body.thinking).toEqual({ type: "enabled", budget_tokens: 2000 });

    expect((await sent("google/gemini-2.5-flash", { reasoning_effort: "low" })).body.generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } });
    expect((await sent("google/gemini-2.5-flash", { reasoning: { max_tokens: 999, exclude: true } })).body.generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 999, includeThoughts: false } });
    expect((await sent("cohere/command-a-reasoning-08-2025", { reasoning_effort: "high" })).body.thinking).toEqual({ type: "enabled" });
  });

  it("stream_options: usage is asked for where the provider takes the field, and the client always gets it", async () => {
    for (const [model, upstreamOptions] of [["openai/gpt-4o", { include_usage: true }], ["groq/llama-3.3-70b-versatile", { include_usage: true }], ["mistral/mistral-large-latest", undefined]] as const) {
      const stream = await client.chat.completions.create({ model, stream: true, stream_options: { include_usage: false }, messages: [{ role: "user", content: "count these words" }] });
      let usage: OpenAI.CompletionUsage | null | undefined;
      for await (const chunk of stream) usage = chunk.usage ?? usage;
      expect(gateway.fake.requests.at(-1)!.body.stream_options, model).toEqual(upstreamOptions);
      expect(usage?.completion_tokens, model).toBeGreaterThan(0);
      expect(usage!.total_tokens).toBe(usage!.prompt_tokens + usage!.completion_tokens);
    }
  });
});
