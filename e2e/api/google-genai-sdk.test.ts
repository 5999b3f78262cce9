import { GoogleGenAI, Type } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const UPSTREAMS = ["gemini-2.5-flash", "anthropic/claude-sonnet-4-5", "openai/gpt-4o", "cohere/command-r-plus"];
const weather = { functionDeclarations: [{ name: "get_weather", description: "Weather for a city", parameters: { type: Type.OBJECT, properties: { city: { type: Type.STRING } }, required: ["city"] } }] };

describe("the Google GenAI SDK against /v1beta", () => {
  let gateway: Gateway;
  let token: string;
  let ai: GoogleGenAI;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("genai@example.com", [
      { provider: "google", key: "AIza-genai" },
      { provider: "anthropic", key: "sk-ant-api03-genai" },
      { provider: "openai", key: "sk-openai-genai" },
      { provider: "cohere", key: "co-genai" },
    ]));
    ai = new GoogleGenAI({ apiKey: token, httpOptions: { baseUrl: gateway.url } });
  });
  afterAll(() => gateway?.close());

  for (const model of UPSTREAMS) {
    it(`${model}: generateContent, generateContentStream and function calling`, async () => {
      const answer = await ai.models.generateContent({ model, contents: "Hello Gemini API", config: { systemInstruction: "Be brief." } });
      expect(answer.text).toBe("Echo: Hello Gemini API");
      expect(answer.candidates?.[0].finishReason).toBe("STOP");
      expect(answer.usageMetadata?.totalTokenCount).toBeGreaterThan(0);

      let streamed = "";
      for await (const chunk of await ai.models.generateContentStream({ model, contents: "stream it" })) streamed += chunk.text ?? "";
      expect(streamed).toBe("Echo: stream it");

      const ask = { role: "user", parts: [{ text: "weather in Paris?" }] };
      const call = await ai.models.generateContent({ model, contents: [ask], config: { tools: [weather] } });
      expect(call.functionCalls).toEqual([expect.objectContaining({ name: "get_weather", args: { city: "Paris" } })]);
      let streamedCalls: unknown[] = [];
      for await (const chunk of await ai.models.generateContentStream({ model, contents: [ask], config: { tools: [weather] } })) streamedCalls = [...streamedCalls, ...(chunk.functionCalls ?? [])];
      expect(streamedCalls).toEqual([expect.objectContaining({ name: "get_weather", args: { city: "Paris" } })]);

      const final = await ai.models.generateContent({
        model,
        config: { tools: [weather] },
        contents: [ask, { role: "model", parts: [{ functionCall: { name: "get_weather", args: { city: "Paris" } } }] }, { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { result: "mild" } } }] }],
      });
      expect(final.text).toContain("mild");
    });
  }

  it("runs the reference curl with ?key=, and streams the JSON-array form without alt=sse", async () => {
    const curl = await fetch(`${gateway.url}/v1beta/models/gemini-2.0-flash:generateContent?key=${token}`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ contents: [{ parts: [{ text: "Hello!" }] }] }),
    });
    expect(curl.status).toBe(200);
    expect((await curl.json()).candidates[0].content.parts).toEqual([{ text: "Echo: Hello!" }]);
    const array = await fetch(`${gateway.url}/v1beta/models/gemini-2.0-flash:streamGenerateContent`, {
      method: "POST", headers: { "x-goog-api-key": token, "content-type": "application/json" }, body: JSON.stringify({ contents: [{ parts: [{ text: "as array" }] }] }),
    });
    const events = JSON.parse(await array.text()) as Array<{ candidates: Array<{ content: { parts: Array<{ text?: string }> } }> }>;
    expect(events.map((e) => e.candidates[0].content.parts.map((p) => p.text ?? "").join("")).join("")).toBe("Echo: as array");
  });

  it("answers errors in Google's shape", async () => {
    const stranger = await fetch(`${gateway.url}/v1beta/models/gemini-2.0-flash:generateContent?key=lr_live_${"q".repeat(40)}`, { method: "POST", body: "{}" });
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toEqual({ error: { code: 401, message: "Invalid or disabled token", status: "UNAUTHENTICATED" } });
    const empty = await fetch(`${gateway.url}/v1beta/models/gemini-2.0-flash:generateContent`, { method: "POST", headers: { "x-goog-api-key": token }, body: JSON.stringify({ contents: [] }) });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ status: "INVALID_ARGUMENT", message: expect.stringContaining("contents") });
  });
});
