import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", parameters: { $schema: "http://json-schema.org/draft-07/schema#", type: "object", additionalProperties: false, properties: { city: { type: ["string", "null"], default: "Paris" } }, required: ["city"] } },
};

describe.each([
  { provider: "google", model: "gemini-2.5-flash", key: "AIza-fake-gemini-key", path: "/v1beta/models/gemini-2.5-flash:generateContent" },
  { provider: "cohere", model: "command-r-plus", key: "co-fake-cohere-key", path: "/v2/chat" },
])("$provider through the OpenAI SDK", ({ provider, model, key, path }) => {
  let gateway: Gateway;
  let client: OpenAI;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const { token } = await gateway.newUser(`${provider}@example.com`, [{ provider, key }]);
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  it("answers and streams with the provider's own auth", async () => {
    const answer = await client.chat.completions.create({ model: `${provider}/${model}`, messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello there" }] });
    expect(answer.choices[0].message.content).toBe("Echo: Hello there");
    expect(answer.choices[0].finish_reason).toBe("stop");
    expect(answer.usage?.total_tokens).toBeGreaterThan(0);
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.path).toBe(path);
    if (provider === "google") {
      expect(sent.headers["x-goog-api-key"]).toBe(key);
      expect(sent.query.key).toBeUndefined();
      expect(sent.body.systemInstruction).toEqual({ parts: [{ text: "Be brief." }] });
    } else {
      expect(sent.headers.authorization).toBe(`Bearer ${key}`);
    }
    const stream = await client.chat.completions.create({ model: `${provider}/${model}`, stream: true, messages: [{ role: "user", content: "stream this" }] });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe("Echo: stream this");
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("round-trips tool calls, streamed and not", async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "weather in Paris and Tokyo in parallel" }];
    const streamed = await client.chat.completions.stream({ model: `${provider}/${model}`, messages, tools: [weatherTool] }).finalChatCompletion();
    expect(streamed.choices[0].message.tool_calls?.map((c) => c.type === "function" && JSON.parse(c.function.arguments).city)).toEqual(["Paris", "Tokyo"]);
    const first = await client.chat.completions.create({ model: `${provider}/${model}`, messages, tools: [weatherTool] });
    expect(first.choices[0].finish_reason).toBe("tool_calls");
    const calls = first.choices[0].message.tool_calls!;
    messages.push(first.choices[0].message, ...calls.map((c) => ({ role: "tool" as const, tool_call_id: c.id, content: "rainy" })));
    const answer = await client.chat.completions.create({ model: `${provider}/${model}`, messages, tools: [weatherTool] });
    expect(answer.choices[0].message.content).toBe("The tool said: rainy");
    if (provider === "google") {
      const declared = gateway.fake.requests.at(-1)!.body.tools[0].functionDeclarations[0].parameters;
      expect(declared).toEqual({ type: "object", properties: { city: { type: "string", nullable: true } }, required: ["city"] });
      expect(gateway.fake.requests.at(-1)!.body.contents.at(-1).parts[0].functionResponse).toEqual({ name: "get_weather", response: { result: "rainy" } });
    }
  });

  it("serves embeddings", async () => {
    const embeddingModel = provider === "google" ? "google/gemini-embedding-001" : "cohere/embed-english-v3.0";
    const result = await client.embeddings.create({ model: embeddingModel, input: ["one", "two"], encoding_format: "float" });
    expect(result.data.map((d) => d.index)).toEqual([0, 1]);
    expect(result.data[1].embedding[0]).toBeCloseTo(0.02, 5);
    const base64 = await fetch(`${gateway.url}/v1/embeddings`, { method: "POST", headers: { authorization: `Bearer ${client.apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ model: embeddingModel, input: "one", encoding_format: "base64" }) });
    const encoded = (await base64.json()).data[0].embedding as string;
    expect(Buffer.from(encoded, "base64").readFloatLE(0)).toBeCloseTo(0.01, 5);
  });
});
