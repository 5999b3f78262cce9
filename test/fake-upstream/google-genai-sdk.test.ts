import { ApiError, FunctionCallingConfigMode, GoogleGenAI, type FunctionDeclaration } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "./server";

// The fake's Gemini API, checked by the official SDK.
describe("fake upstream, Gemini API, through @google/genai", () => {
  let fake: FakeUpstream;
  let ai: GoogleGenAI;
  const model = "gemini-2.5-flash";
  const getWeather: FunctionDeclaration = { name: "get_weather", parametersJsonSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

  beforeAll(async () => {
    fake = await startFakeUpstream();
    ai = new GoogleGenAI({ apiKey: "AIza-test-key", httpOptions: { baseUrl: fake.url } });
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it("generates content with usage metadata, and records the x-goog-api-key", async () => {
    const answer = await ai.models.generateContent({ model, contents: "Hello Gemini" });
    expect(answer.text).toBe("Echo: Hello Gemini");
    expect(answer.candidates?.[0].finishReason).toBe("STOP");
    expect(answer.usageMetadata).toMatchObject({ candidatesTokenCount: 3, totalTokenCount: answer.usageMetadata!.promptTokenCount! + 3 });
    expect(answer.modelVersion).toBe("gemini-2.5-flash-001");
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ path: "/v1beta/models/gemini-2.5-flash:generateContent", family: "gemini", model, credential: "AIza-test-key" });
    expect(sent.headers["x-goog-api-key"]).toBe("AIza-test-key");
  });

  it("streams over SSE (?alt=sse), one chunk per word, usage growing to the final count", async () => {
    const chunks = [];
    for await (const chunk of await ai.models.generateContentStream({ model, contents: "stream it" })) chunks.push(chunk);
    expect(chunks.map((c) => c.text).join("")).toBe("Echo: stream it");
    expect(chunks).toHaveLength(3);
    expect(chunks.at(-1)!.candidates?.[0].finishReason).toBe("STOP");
    expect(chunks.at(-1)!.usageMetadata?.candidatesTokenCount).toBe(3);
    expect(fake.requests.at(-1)!.query).toEqual({ alt: "sse" });
  });

  it("streams a JSON array when alt is not sse", async () => {
    const response = await fetch(`${fake.url}/v1beta/models/${model}:streamGenerateContent?key=AIza-k`, { method: "POST", body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "as array" }] }] }) });
    const events = (await response.json()) as Array<{ candidates: Array<{ content: { parts: Array<{ text: string }> } }> }>;
    expect(events.map((e) => e.candidates[0].content.parts[0].text).join("")).toBe("Echo: as array");
    expect(fake.requests.at(-1)!.credential).toBe("AIza-k");
  });

  it("calls functions (two when parallel, or when the config forces it) and answers a functionResponse", async () => {
    const ask = { role: "user", parts: [{ text: "What is the weather? parallel" }] };
    const call = await ai.models.generateContent({ model, contents: [ask], config: { tools: [{ functionDeclarations: [getWeather] }] } });
    expect(call.functionCalls).toEqual([{ name: "get_weather", args: { city: "Paris" } }, { name: "get_weather", args: { city: "Tokyo" } }]);
    let streamed: unknown[] = [];
    for await (const chunk of await ai.models.generateContentStream({ model, contents: [ask], config: { tools: [{ functionDeclarations: [getWeather] }] } })) streamed = [...streamed, ...(chunk.functionCalls ?? [])];
    expect(streamed).toHaveLength(2);
    const forced = await ai.models.generateContent({
      model, contents: "hi",
      config: { tools: [{ functionDeclarations: [getWeather] }], toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: ["get_weather"] } } },
    });
    expect(forced.functionCalls?.[0].name).toBe("get_weather");
    const answer = await ai.models.generateContent({
      model, config: { tools: [{ functionDeclarations: [getWeather] }] },
      contents: [ask, { role: "model", parts: [{ functionCall: { name: "get_weather", args: { city: "Paris" } } }] }, { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { result: "mild" } } }] }],
    });
    expect(answer.text).toBe("The tool said: mild");
  });

  it("returns thought parts and a thoughtSignature when thinking is asked for", async () => {
    const answer = await ai.models.generateContent({ model, contents: "think", config: { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } } });
    const parts = answer.candidates![0].content!.parts!;
    expect(parts[0]).toEqual({ text: "Let me think about this step by step.", thought: true });
    expect(parts[1]).toMatchObject({ text: "Echo: think", thoughtSignature: expect.any(String) });
    expect(answer.usageMetadata?.thoughtsTokenCount).toBe(8);
    const withTools = await ai.models.generateContent({ model, contents: "weather?", config: { thinkingConfig: { thinkingBudget: 512 }, tools: [{ functionDeclarations: [getWeather] }] } });
    expect(withTools.candidates![0].content!.parts![0]).toMatchObject({ functionCall: { name: "get_weather" }, thoughtSignature: expect.any(String) });
  });

  it("stops at maxOutputTokens with MAX_TOKENS", async () => {
    const answer = await ai.models.generateContent({ model, contents: "one two three four", config: { maxOutputTokens: 2 } });
    expect(answer.text).toBe("Echo: one");
    expect(answer.candidates?.[0].finishReason).toBe("MAX_TOKENS");
  });

  it("embeds (batchEmbedContents), counts tokens and lists models", async () => {
    const embedded = await ai.models.embedContent({ model: "gemini-embedding-001", contents: ["one", "two"], config: { outputDimensionality: 4 } });
    expect(embedded.embeddings?.map((e) => e.values?.length)).toEqual([4, 4]);
    expect(embedded.embeddings?.[1].values?.[0]).toBeCloseTo(0.02, 6);
    const counted = await ai.models.countTokens({ model, contents: "count these" });
    const generated = await ai.models.generateContent({ model, contents: "count these" });
    expect(counted.totalTokens).toBe(generated.usageMetadata?.promptTokenCount);
    const models = await ai.models.list();
    expect(models.page.map((m) => m.name)).toContain("models/gemini-2.5-flash");
  });

  it("surfaces Google's error bodies as ApiError with the status", async () => {
    const ask = (apiKey: string, headers: Record<string, string> = {}) =>
      new GoogleGenAI({ apiKey, httpOptions: { baseUrl: fake.url, headers } }).models.generateContent({ model, contents: "x" }).catch((e) => e);
    const limited = await ask("AIza-ratelimited");
    expect(limited).toBeInstanceOf(ApiError);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.message).error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED", details: expect.arrayContaining([expect.objectContaining({ retryDelay: "1s" })]) });
    const unauthenticated = await ask("AIza-invalid");
    expect(unauthenticated.status).toBe(401);
    const badKey = await ask("AIza-ok", { "x-fake-fault": "invalid-key" });
    expect(badKey.status).toBe(400);
    expect(JSON.parse(badKey.message).error.details[0].reason).toBe("API_KEY_INVALID");
    expect((await ask("AIza-ok", { "x-fake-fault": "status:503" })).status).toBe(503);
  });

  it("errors the SDK stream when the connection is cut or the SSE is malformed", async () => {
    const stream = async (suffix: string) => {
      const texts: string[] = [];
      const failure = await (async () => {
        for await (const chunk of await ai.models.generateContentStream({ model: `${model}--fault-${suffix}`, contents: "a b c d e f" })) texts.push(chunk.text ?? "");
      })().catch((e) => e);
      return { texts, failure };
    };
    const cut = await stream("cut-mid-stream-2");
    expect(cut.texts).toEqual(["Echo: ", "a "]);
    expect(cut.failure).toBeInstanceOf(Error);
    expect(fake.requests.at(-1)!.model).toBe(`${model}--fault-cut-mid-stream-2`);
    const malformed = await stream("malformed-sse");
    expect(malformed.failure).toBeInstanceOf(Error);
  });
});
