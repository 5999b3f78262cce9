import { GoogleGenAI, type GenerateContentResponse } from "@google/genai";
import { describe, expect, it } from "vitest";
import type { ChatResponse } from "@/lib/providers/types";
import anthropicThinking from "../fixtures/chunks/anthropic-thinking-tool.json";
import errorMidStream from "../fixtures/chunks/error-mid-stream.json";
import geminiThought from "../fixtures/chunks/gemini-thought-call.json";
import openaiParallel from "../fixtures/chunks/openai-parallel-tools.json";
import openaiTools from "../fixtures/responses/openai-tools.json";
import { encodedStream } from "@/lib/gateway/encoded-stream";
import { chunkReader, encodeChunks, parseSse, replayServer } from "../fixtures/stream-helpers";
import { chatResponseToGemini } from "./from-chat-response";
import { geminiStreamEncoder } from "./stream";
import { webStream } from "@/lib/http/pull-stream";

const GSIG = "CiQB0e2Kb2xV8nQp1n0mZ3hU9y0rK3tC8bE5dW1aF4gH6jL2sN0=";
const candidate = (parts: unknown[], extra: object = {}) => ({ content: { role: "model", parts }, index: 0, ...extra });

async function sseResponses(chunks: unknown[]) {
  const text = await encodeChunks(chunks, geminiStreamEncoder("sse"));
  expect(text.endsWith("\r\n\r\n")).toBe(true);
  return parseSse(text).map((f) => f.data);
}

/** Our SSE bytes served locally and read by the Google GenAI SDK (which always asks for alt=sse). */
async function throughSdk(chunks: unknown[]) {
  const server = await replayServer(await encodeChunks(chunks, geminiStreamEncoder("sse")), "text/event-stream");
  const seen: GenerateContentResponse[] = [];
  try {
    const ai = new GoogleGenAI({ apiKey: "x", httpOptions: { baseUrl: server.url } });
    for await (const response of await ai.models.generateContentStream({ model: "gemini-2.5-flash", contents: "hi" })) seen.push(response);
    return { seen, requests: server.requests };
  } finally {
    await server.close();
  }
}

describe("geminiStreamEncoder", () => {
  it("streams thoughts and text as they come and the function call whole, signed, with the finish", async () => {
    expect(await sseResponses(geminiThought)).toEqual([
      { candidates: [candidate([{ text: "**Looking up the weather**\nI'll call get_weather for Paris.", thought: true }])], modelVersion: "gemini-2.5-flash", responseId: "gen-01JZ8S7H4K" },
      { candidates: [candidate([{ text: "Checking Paris." }])], modelVersion: "gemini-2.5-flash", responseId: "gen-01JZ8S7H4K" },
      {
        candidates: [candidate([{ functionCall: { id: "call_01JZ8S7H4K_0", name: "get_weather", args: { city: "Paris" } }, thoughtSignature: GSIG }], { finishReason: "STOP" })],
        modelVersion: "gemini-2.5-flash",
        responseId: "gen-01JZ8S7H4K",
        usageMetadata: { promptTokenCount: 40, candidatesTokenCount: 18, totalTokenCount: 70, thoughtsTokenCount: 12 },
      },
    ]);
  });

  it("holds argument fragments until a call is complete: when the next begins, or at the end", async () => {
    const responses = (await sseResponses(openaiParallel)) as Array<{ candidates: Array<{ content: { parts: unknown[] }; finishReason?: string }>; usageMetadata?: unknown }>;
    expect(responses.map((r) => [r.candidates[0].content.parts, r.candidates[0].finishReason ?? null])).toEqual([
      [[{ text: "Let me check " }], null],
      [[{ text: "both cities." }], null],
      [[{ functionCall: { id: "call_Xa1fPq2", name: "get_weather", args: { city: "Paris" } } }], null],
      [[{ functionCall: { id: "call_Xb2kLm7", name: "get_weather", args: { city: "Tokyo" } } }], "STOP"],
    ]);
    expect(responses.at(-1)!.usageMetadata).toEqual({ promptTokenCount: 120, candidatesTokenCount: 45, totalTokenCount: 165, cachedContentTokenCount: 20 });
  });

  it("carries an Anthropic signature on an empty thought part, tagged", async () => {
    const responses = (await sseResponses(anthropicThinking)) as Array<{ candidates: Array<{ content: { parts: unknown[] } }> }>;
    expect(responses.slice(0, 3).map((r) => r.candidates[0].content.parts)).toEqual([
      [{ text: "The user wants the weather. ", thought: true }],
      [{ text: "I should call the tool.", thought: true }],
      [{ text: "", thought: true, thoughtSignature: "anthropic:EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds" }],
    ]);
  });

  it("ends with Google's error object when the upstream fails mid-stream", async () => {
    expect(await sseResponses(errorMidStream)).toEqual([
      { candidates: [candidate([{ text: "Partial ans" }])], modelVersion: "gpt-4o-2024-08-06", responseId: "gen-01JZ8T1B9X" },
      { error: { code: 502, message: "openai stream failed: terminated", status: "INTERNAL" } },
    ]);
  });

  it("streams the JSON-array form incrementally: `[` first, `,`-separated objects, `]` last", async () => {
    const reader = webStream(encodedStream(chunkReader(geminiThought), geminiStreamEncoder("json-array"))).getReader();
    const pieces: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(new TextDecoder().decode(r.value));
    expect(pieces[0]).toBe("[");
    expect(pieces.at(-1)).toBe("]");
    expect(pieces[1].startsWith("{")).toBe(true);
    expect(pieces.slice(2, -1).every((p) => p.startsWith(",{") && p.endsWith("}\n"))).toBe(true);
    const body = pieces.join("");
    expect(JSON.parse(body)).toEqual(await sseResponses(geminiThought));
    expect(body).toMatch(/^\[\{.*\}\n,\{.*\}\n,\{.*\}\n\]$/s);
  });

  it("closes the JSON array after an error, and answers an empty stream with one final response", async () => {
    expect(JSON.parse(await encodeChunks(errorMidStream, geminiStreamEncoder("json-array"))).at(-1)).toEqual({ error: { code: 502, message: "openai stream failed: terminated", status: "INTERNAL" } });
    expect(JSON.parse(await encodeChunks([], geminiStreamEncoder("json-array", { id: "gen-e", model: "gpt-4o" })))).toEqual([
      { candidates: [candidate([{ text: "" }], { finishReason: "STOP" })], modelVersion: "gpt-4o", responseId: "gen-e", usageMetadata: { promptTokenCount: 0, candidatesTokenCount: 0, totalTokenCount: 0 } },
    ]);
  });
});

describe("the Google GenAI SDK reading our answers", () => {
  it("reads text, thoughts, the signed function call, finish reason and usage from the SSE stream", async () => {
    const { seen, requests } = await throughSdk(geminiThought);
    expect(requests[0].url).toBe("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    expect(seen.map((r) => r.text ?? "").join("")).toBe("Checking Paris.");
    expect(seen.flatMap((r) => r.functionCalls ?? [])).toEqual([{ id: "call_01JZ8S7H4K_0", name: "get_weather", args: { city: "Paris" } }]);
    expect(seen.at(-1)!.candidates![0].content!.parts![0].thoughtSignature).toBe(GSIG);
    expect(seen.at(-1)!.candidates![0].finishReason).toBe("STOP");
    expect(seen.at(-1)!.usageMetadata).toMatchObject({ promptTokenCount: 40, totalTokenCount: 70, thoughtsTokenCount: 12 });
  });

  it("reads parallel function calls", async () => {
    const { seen } = await throughSdk(openaiParallel);
    expect(seen.flatMap((r) => r.functionCalls ?? []).map((c) => c.args)).toEqual([{ city: "Paris" }, { city: "Tokyo" }]);
  });

  it("raises the error object as an API error with its status", async () => {
    const failure = await throughSdk(errorMidStream).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "ApiError", status: 502 });
  });

  it("reads a non-streamed answer", async () => {
    const server = await replayServer(JSON.stringify(chatResponseToGemini(structuredClone(openaiTools) as ChatResponse)), "application/json");
    try {
      const ai = new GoogleGenAI({ apiKey: "x", httpOptions: { baseUrl: server.url } });
      const answer = await ai.models.generateContent({ model: "gpt-4o", contents: "hi" });
      expect(answer.text).toBe("Checking both.");
      expect(answer.functionCalls?.map((c) => c.name)).toEqual(["get_weather", "get_weather"]);
      expect(answer.usageMetadata?.totalTokenCount).toBe(165);
    } finally {
      await server.close();
    }
  });
});
