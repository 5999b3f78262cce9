import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSse } from "@/test/fake-upstream/read-sse";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const PNG = "iVBORw0KGgoAAAANSUhEUg==";

describe("the native endpoints, translated both ways and passed through", () => {
  let gateway: Gateway;
  let token: string;
  let anthropic: Anthropic;
  let ai: GoogleGenAI;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, { method: "POST", headers: { "x-api-key": token, "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("native@example.com", [
      { provider: "anthropic", key: "sk-ant-api03-native-key" },
      { provider: "openai", key: "sk-proj-native" },
      { provider: "google", key: "AIza-native" },
      { provider: "cohere", key: "co-native" },
    ]));
    anthropic = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    ai = new GoogleGenAI({ apiKey: token, httpOptions: { baseUrl: gateway.url } });
  });
  afterAll(() => gateway?.close());

  describe("/v1/messages", () => {
    it("honours the client's anthropic-version, passing through and translating alike", async () => {
      await post("/v1/messages", { model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "v" }] }, { "anthropic-version": "2023-01-01" });
      expect(gateway.fake.requests.at(-1)!.headers["anthropic-version"]).toBe("2023-01-01");
      await new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 }).chat.completions.create({ model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "v" }] });
      expect(gateway.fake.requests.at(-1)!.headers["anthropic-version"]).toBe("2023-06-01");
    });

    it("streams Anthropic's event sequence, ping included, from a model of another family", async () => {
      const response = await post("/v1/messages", { model: "openai/gpt-4o", max_tokens: 64, stream: true, messages: [{ role: "user", content: "sequence please" }] });
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const events = await readSse(response);
      const types = events.map((e) => e.event);
      expect(types.slice(0, 2)).toEqual(["message_start", "ping"]);
      expect(types.slice(-2)).toEqual(["message_delta", "message_stop"]);
      expect(types).toContain("content_block_start");
      expect(types.lastIndexOf("content_block_stop")).toBe(types.length - 3);
      for (const event of events) expect(JSON.parse(event.data).type).toBe(event.event);
      const delta = JSON.parse(events.at(-2)!.data);
      expect(delta).toMatchObject({ delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: expect.any(Number) } });
      expect(delta.usage.output_tokens).toBeGreaterThan(0);
      const start = JSON.parse(events[0].data).message;
      expect(start).toMatchObject({ id: expect.stringMatching(/^msg_/), type: "message", role: "assistant", content: [], stop_reason: null });
    });

    it("turns system blocks, images and cache_control into each family's terms, and thinking back into thinking blocks", async () => {
      const request = {
        max_tokens: 512,
        system: [{ type: "text" as const, text: "Be terse.", cache_control: { type: "ephemeral" as const } }],
        messages: [{ role: "user" as const, content: [
          { type: "image" as const, source: { type: "base64" as const, media_type: "image/png" as const, data: PNG } },
          { type: "text" as const, text: "What is this?", cache_control: { type: "ephemeral" as const } },
        ] }],
      };
      await anthropic.messages.create({ model: "openai/gpt-4o", ...request });
      expect(gateway.fake.requests.at(-1)!.body.messages).toEqual([
        { role: "system", content: "Be terse." },
        { role: "user", content: [{ type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } }, { type: "text", text: "What is this?" }] },
      ]);
      const viaGemini = await anthropic.messages
        .stream({ model: "google/gemini-2.5-flash", ...request, thinking: { type: "enabled", budget_tokens: 1024 } })
        .finalMessage();
      const sent = gateway.fake.requests.at(-1)!.body;
      expect(sent.systemInstruction).toEqual({ parts: [{ text: "Be terse." }] });
      expect(sent.contents[0].parts).toEqual([{ inlineData: { mimeType: "image/png", data: PNG } }, { text: "What is this?" }]);
      expect(sent.generationConfig).toMatchObject({ maxOutputTokens: 512, thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } });
      expect(viaGemini.content.map((b) => b.type)).toEqual(["thinking", "text"]);
      expect(viaGemini.content[0]).toMatchObject({ thinking: "Let me think about this step by step.", signature: expect.any(String) });
      expect(viaGemini.content[1]).toMatchObject({ text: "Echo: What is this?" });

      await anthropic.messages.create({ model: "claude-sonnet-4-5", ...request });
      const passed = gateway.fake.requests.at(-1)!.body;
      expect(passed.system).toEqual(request.system);
      expect(passed.messages).toEqual(request.messages);
    });

    it("answers errors in Anthropic's shape with the upstream's status in metadata", async () => {
      gateway.fake.setFault({ mode: "status:500", match: { credential: "sk-proj-native" }, times: 5 });
      const failed = await anthropic.messages.create({ model: "openai/gpt-4o", max_tokens: 8, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
      gateway.fake.reset();
      expect(failed).toBeInstanceOf(Anthropic.InternalServerError);
      expect(failed.status).toBe(502);
      expect(failed.error).toMatchObject({ type: "error", error: { type: "api_error", message: expect.stringContaining("openai"), metadata: { provider: "openai", status: 500 } } });

      gateway.fake.setFault({ mode: "status:429:2", match: { credential: "sk-ant-api03-native-key" }, times: 5 });
      const limited = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 8, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
      gateway.fake.reset();
      expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
      expect(limited.error.error).toMatchObject({ type: "rate_limit_error", metadata: { provider: "anthropic", status: 429 } });
      expect(limited.headers.get("retry-after")).toBe("2");

      const unserved = await anthropic.messages.create({ model: "mistral/mistral-large-latest", max_tokens: 8, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
      expect(unserved.status).toBe(503);
      expect(unserved.error.error.type).toBe("overloaded_error");
      const unknown = await post("/v1/messages", { model: "no-such-model", max_tokens: 8, messages: [{ role: "user", content: "x" }] });
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error", message: expect.stringContaining("'no-such-model'") } });
    });

    it("ends a stream the upstream breaks with Anthropic's error event", async () => {
      gateway.fake.setFault({ mode: "error-mid-stream:4", match: { credential: "sk-proj-native" }, times: 1 });
      const response = await post("/v1/messages", { model: "openai/gpt-4o", max_tokens: 64, stream: true, messages: [{ role: "user", content: "one two three four five" }] });
      const events = await readSse(response);
      expect(events.at(-1)!.event).toBe("error");
      expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ type: "error", error: { type: expect.any(String), message: expect.any(String) } });
      expect(events.map((e) => e.event)).not.toContain("message_stop");

      // Passed through from Anthropic: its own error event, as sent, and a failed generation on record.
      gateway.fake.setFault({ mode: "error-mid-stream:6", match: { credential: "sk-ant-api03-native-key" }, times: 1 });
      const passed = await post("/v1/messages", { model: "claude-sonnet-4-5", max_tokens: 64, stream: true, messages: [{ role: "user", content: "one two three four five" }] });
      const raw = await readSse(passed);
      expect(raw.at(-1)).toEqual({ event: "error", data: JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }) });
      const record = await fetch(`${gateway.url}/api/v1/generation?id=${passed.headers.get("x-generation-id")}`, { headers: { authorization: `Bearer ${token}` } });
      expect((await record.json()).data).toMatchObject({ status: 529, error_type: "overloaded_error", counted_message: true, streamed: true });
    });
  });

  describe("/v1beta generateContent", () => {
    it("translates generationConfig and systemInstruction for other families, and usageMetadata back", async () => {
      const config = { systemInstruction: "Answer in French.", maxOutputTokens: 99, temperature: 0.4, topP: 0.8, topK: 7, stopSequences: ["FIN"], seed: 3 };
      const answer = await ai.models.generateContent({ model: "openai/gpt-4o", contents: "Bonjour", config });
      expect(gateway.fake.requests.at(-1)!.body).toMatchObject({
        model: "gpt-4o", max_completion_tokens: 99, temperature: 0.4, top_p: 0.8, stop: ["FIN"], seed: 3,
        messages: [{ role: "system", content: "Answer in French." }, { role: "user", content: "Bonjour" }],
      });
      expect(gateway.fake.requests.at(-1)!.body).not.toHaveProperty("top_k");
      expect(answer.usageMetadata).toMatchObject({ promptTokenCount: expect.any(Number), candidatesTokenCount: expect.any(Number), totalTokenCount: expect.any(Number) });
      expect(answer.usageMetadata!.totalTokenCount).toBe(answer.usageMetadata!.promptTokenCount! + answer.usageMetadata!.candidatesTokenCount!);

      await ai.models.generateContent({ model: "anthropic/claude-sonnet-4-5", contents: "Bonjour", config });
      expect(gateway.fake.requests.at(-1)!.body).toMatchObject({ max_tokens: 99, temperature: 0.4, top_k: 7, stop_sequences: ["FIN"], system: [{ type: "text", text: "Answer in French." }] });

      await ai.models.generateContent({ model: "anthropic/claude-sonnet-4-5", contents: "Bonjour" });
      expect(gateway.fake.requests.at(-1)!.body.max_tokens).toBe(8192);
    });

    it("passes a Gemini request to Google untouched, fields we do not model included", async () => {
      const body = {
        contents: [{ role: "user", parts: [{ text: "untouched" }] }],
        safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" }],
        cachedContent: "cachedContents/abc123",
        generationConfig: { temperature: 0.2, responseModalities: ["TEXT"], mediaResolution: "MEDIA_RESOLUTION_LOW" },
        labels: { team: "search" },
      };
      const response = await post("/v1beta/models/gemini-2.5-flash:generateContent", body, { "x-api-key": "", "x-goog-api-key": token });
      expect(response.status).toBe(200);
      expect(gateway.fake.requests.at(-1)!.body).toEqual(body);
      expect(gateway.fake.requests.at(-1)!.headers["x-goog-api-key"]).toBe("AIza-native");
      expect(response.headers.get("x-generation-id")).toMatch(/^gen-/);
      const streamed = await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", body, { "x-api-key": "", "x-goog-api-key": token });
      expect((await readSse(streamed)).length).toBeGreaterThan(1);
      expect(gateway.fake.requests.at(-1)!.body).toEqual(body);
    });

    it("streams function calls as SSE from another family", async () => {
      const tools = [{ functionDeclarations: [{ name: "get_weather", parameters: { type: "OBJECT", properties: { city: { type: "STRING" } } } }] }];
      const response = await post("/v1beta/models/cohere%2Fcommand-r-plus:streamGenerateContent?alt=sse", { contents: [{ role: "user", parts: [{ text: "weather in Paris?" }] }], tools }, { "x-api-key": "", "x-goog-api-key": token });
      const events = (await readSse(response)).map((e) => JSON.parse(e.data));
      const calls = events.flatMap((e) => e.candidates?.[0]?.content?.parts ?? []).filter((p: { functionCall?: unknown }) => p.functionCall);
      expect(calls).toEqual([{ functionCall: expect.objectContaining({ name: "get_weather", args: { city: "Paris" } }) }]);
      expect(events.at(-1)).toMatchObject({ candidates: [{ finishReason: "STOP" }], usageMetadata: { totalTokenCount: expect.any(Number) } });
    });

    it("answers errors in Google's shape", async () => {
      gateway.fake.setFault({ mode: "status:429:1", match: { credential: "AIza-native" }, times: 5 });
      const limited = await post("/v1beta/models/gemini-2.5-flash:generateContent", { contents: [{ parts: [{ text: "x" }] }] }, { "x-api-key": "", "x-goog-api-key": token });
      gateway.fake.reset();
      expect(limited.status).toBe(429);
      expect(await limited.json()).toEqual({ error: { code: 429, status: "RESOURCE_EXHAUSTED", message: expect.stringContaining("google") } });
      gateway.fake.setFault({ mode: "status:500", match: { credential: "sk-proj-native" }, times: 5 });
      const failed = await ai.models.generateContent({ model: "openai/gpt-4o", contents: "x" }).catch((e) => e);
      gateway.fake.reset();
      expect(failed.status).toBe(502);
      expect(JSON.parse(failed.message)).toEqual({ error: { code: 502, status: "INTERNAL", message: expect.stringContaining("openai returned 500") } });
      const unknown = await post("/v1beta/models/no-such-model:generateContent", { contents: [{ parts: [{ text: "x" }] }] });
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
    });
  });
});
