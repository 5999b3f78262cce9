import { describe, expect, it } from "vitest";
import type { ChatMessage, ChatRequest, UpstreamContext } from "@/lib/providers/types";
import { fixture } from "@/test/support/sse-fixture";
import { collectRemoteImageUrls } from "./content-parts";
import { buildGeminiChatRequest, geminiModelPath, withRemoteImages } from "./request";
import { parseGeminiChatResponse } from "./response";
import { SKIP_SIGNATURE_VALIDATION } from "./thought-signatures";

const ctx = (overrides: Partial<UpstreamContext> = {}): UpstreamContext => ({
  provider: "google", baseUrl: "https://generativelanguage.googleapis.com", model: "gemini-2.5-flash", id: "gen-mf3k2a9QxYz", created: 1_750_000_000,
  credential: { secret: "AIzaSyFakeKey", kind: "api_key" }, ...overrides,
});
const body = (request: Partial<ChatRequest>, context = ctx()) => JSON.parse(buildGeminiChatRequest({ model: "x", messages: [], ...request }, context).body!);
const weather = { type: "function" as const, function: { name: "get_weather", description: "Current weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };

describe("Gemini request conversion", () => {
  it("posts to generateContent or streamGenerateContent?alt=sse with the key in a header, never the URL", () => {
    const plain = buildGeminiChatRequest({ model: "x", messages: [{ role: "user", content: "hi" }] }, ctx());
    expect(plain.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    expect(plain.headers).toEqual({ "content-type": "application/json", "x-goog-api-key": "AIzaSyFakeKey" });
    const streamed = buildGeminiChatRequest({ model: "x", stream: true, messages: [{ role: "user", content: "hi" }] }, ctx({ model: "models/gemini-2.5-pro" }));
    expect(streamed.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
    expect(streamed.url).not.toContain("AIza");
    expect(buildGeminiChatRequest({ model: "x", messages: [] }, ctx({ model: "tunedModels/my-tune" })).url).toContain("/v1beta/tunedModels/my-tune:generateContent");
  });

  it("moves system and developer text to systemInstruction and merges consecutive turns of one role", () => {
    const converted = body({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "developer", content: [{ type: "text", text: "Answer in French." }] },
        { role: "user", content: "Bonjour" },
        { role: "user", content: [{ type: "text", text: "Ça va ?" }, { type: "text", text: "" }] },
        { role: "assistant", content: "" },
        { role: "assistant", content: "Oui." },
      ],
    });
    expect(converted.systemInstruction).toEqual({ parts: [{ text: "Be brief." }, { text: "Answer in French." }] });
    expect(converted.contents).toEqual([
      { role: "user", parts: [{ text: "Bonjour" }, { text: "Ça va ?" }] },
      { role: "model", parts: [{ text: "Oui." }] },
    ]);
  });

  it("inlines data URLs and fetched remote images, keeps Google file URIs, and refuses unfetched URLs", () => {
    const remote = "https://example.com/cat.png";
    const request: ChatRequest = {
      model: "x",
      messages: [{ role: "user", content: [
        { type: "text", text: "Compare" },
        { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQ" } },
        { type: "image_url", image_url: { url: remote } },
        { type: "image_url", image_url: { url: "https://generativelanguage.googleapis.com/v1beta/files/abc123" } },
      ] }],
    };
    expect(collectRemoteImageUrls(request)).toEqual([remote]);
    const images = new Map([[remote, { mimeType: "image/png", data: "iVBORw0KGgo=" }]]);
    const expected = [
      { text: "Compare" },
      { inlineData: { mimeType: "image/jpeg", data: "/9j/4AAQ" } },
      { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
      { fileData: { fileUri: "https://generativelanguage.googleapis.com/v1beta/files/abc123" } },
    ];
    expect(JSON.parse(buildGeminiChatRequest(request, ctx(), images).body!).contents[0].parts).toEqual(expected);
    expect(JSON.parse(buildGeminiChatRequest(request, withRemoteImages(ctx(), images)).body!).contents[0].parts).toEqual(expected);
    expect(() => buildGeminiChatRequest(request, ctx())).toThrow(expect.objectContaining({ status: 400, message: expect.stringContaining(remote) }));
  });

  it("sends tool calls as functionCall parts and tool results as functionResponse parts named by their call", () => {
    const converted = body({
      messages: [
        { role: "user", content: "Weather in Paris and Tokyo?" },
        { role: "assistant", content: null, tool_calls: [
          { id: "call_a", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Paris\"}" } },
          { id: "call_b", type: "function", function: { name: "get_time", arguments: "not json" } },
        ] },
        { role: "tool", tool_call_id: "call_a", content: "{\"temp\":18}" },
        { role: "tool", tool_call_id: "call_b", content: [{ type: "text", text: "09:00" }] },
        { role: "user", content: "Thanks" },
      ],
    });
    expect(converted.contents[1]).toEqual({ role: "model", parts: [
      { functionCall: { name: "get_weather", args: { city: "Paris" } } },
      { functionCall: { name: "get_time", args: {} } },
    ] });
    expect(converted.contents[2]).toEqual({ role: "user", parts: [
      { functionResponse: { name: "get_weather", response: { temp: 18 } } },
      { functionResponse: { name: "get_time", response: { result: "09:00" } } },
      { text: "Thanks" },
    ] });
  });

  it("round-trips thought signatures: response → our message → the next request", () => {
    const response = parseGeminiChatResponse(JSON.parse(fixture("gemini", "generate-parallel-calls.json")), ctx({ model: "gemini-2.5-pro" }));
    const reply = response.choices[0].message;
    const messages: ChatMessage[] = [
      { role: "user", content: "Weather in Paris and Tokyo?" },
      reply,
      ...reply.tool_calls!.map((call) => ({ role: "tool" as const, tool_call_id: call.id, content: "sunny" })),
    ];
    const parts = body({ messages }, ctx({ model: "gemini-2.5-pro" })).contents[1].parts;
    expect(parts[0]).toEqual({ functionCall: { name: "get_weather", args: { city: "Paris", unit: "celsius" } }, thoughtSignature: expect.stringMatching(/^CtQCAdHt/) });
    expect(parts[1]).toEqual({ functionCall: { name: "get_weather", args: { city: "Tokyo", unit: "celsius" } } });
  });

  it("places signatures without a call id on the first call, text signatures on the last text part", () => {
    const fromDialect: ChatMessage = { role: "assistant", content: null, tool_calls: [{ id: "x", type: "function", function: { name: "f", arguments: "{}" } }], reasoning_details: [{ type: "reasoning.text", signature: "c2lnMQ==", format: "gemini" }] };
    expect(body({ messages: [{ role: "user", content: "go" }, fromDialect] }).contents[1].parts[0].thoughtSignature).toBe("c2lnMQ==");
    const textOnly: ChatMessage = { role: "assistant", content: "Done.", reasoning_details: [{ type: "reasoning.encrypted", signature: "c2lnMg==", format: "gemini" }, { type: "reasoning.text", signature: "anthropic-sig", format: "anthropic" }] };
    expect(body({ messages: [{ role: "user", content: "go" }, textOnly] }).contents[1].parts).toEqual([{ text: "Done.", thoughtSignature: "c2lnMg==" }]);
  });

  it("marks unsigned function calls from another model so Gemini 3 accepts them; Gemini 2.x gets none", () => {
    const foreign: ChatMessage = { role: "assistant", content: null, tool_calls: [{ id: "toolu_01", type: "function", function: { name: "f", arguments: "{}" } }, { id: "toolu_02", type: "function", function: { name: "f", arguments: "{}" } }] };
    const messages: ChatMessage[] = [{ role: "user", content: "go" }, foreign, { role: "tool", tool_call_id: "toolu_01", content: "1" }, { role: "tool", tool_call_id: "toolu_02", content: "2" }];
    const gemini3 = body({ messages }, ctx({ model: "gemini-3-pro-preview" })).contents[1].parts;
    expect(gemini3.map((p: Record<string, unknown>) => p.thoughtSignature)).toEqual([SKIP_SIGNATURE_VALIDATION, undefined]);
    expect(body({ messages }, ctx({ model: "gemini-2.5-flash" })).contents[1].parts[0]).not.toHaveProperty("thoughtSignature");
  });

  it("declares tools with sanitised schemas and maps tool_choice to functionCallingConfig", () => {
    const noArgs = { type: "function" as const, function: { name: "now", parameters: { type: "object", properties: {}, additionalProperties: false } } };
    const converted = body({ messages: [{ role: "user", content: "hi" }], tools: [weather, noArgs], tool_choice: { type: "function", function: { name: "get_weather" } } });
    expect(converted.tools).toEqual([{ functionDeclarations: [
      { name: "get_weather", description: "Current weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
      { name: "now" },
    ] }]);
    expect(converted.toolConfig).toEqual({ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] } });
    expect(body({ messages: [], tools: [weather], tool_choice: "required" }).toolConfig).toEqual({ functionCallingConfig: { mode: "ANY" } });
    expect(body({ messages: [], tools: [weather], tool_choice: "none" }).toolConfig).toEqual({ functionCallingConfig: { mode: "NONE" } });
    expect(body({ messages: [], tools: [weather], tool_choice: "auto" }).toolConfig).toEqual({ functionCallingConfig: { mode: "AUTO" } });
    expect(body({ messages: [], tool_choice: "required" })).not.toHaveProperty("toolConfig");
  });

  it("maps sampling, limits, JSON output and reasoning into generationConfig", () => {
    const converted = body({
      messages: [], max_tokens: 100, max_completion_tokens: 200, temperature: 0.3, top_p: 0.9, top_k: 40, stop: "END", seed: 7,
      presence_penalty: 0.5, frequency_penalty: 0.25, n: 2, reasoning_effort: "low", user: "u-1",
      response_format: { type: "json_schema", json_schema: { name: "r", schema: { type: "object", additionalProperties: false, properties: { b: { type: "string" }, a: { type: "integer" } }, required: ["b", "a"] } } },
    });
    expect(converted.generationConfig).toEqual({
      maxOutputTokens: 200, temperature: 0.3, topP: 0.9, topK: 40, stopSequences: ["END"], seed: 7, candidateCount: 2,
      responseMimeType: "application/json",
      responseSchema: { type: "object", properties: { b: { type: "string" }, a: { type: "integer" } }, required: ["b", "a"], propertyOrdering: ["b", "a"] },
      thinkingConfig: { thinkingBudget: 2048, includeThoughts: true },
    });
    // Gemini 2.5 and later reject penalties (left out above); 2.0 and 1.5 take them.
    const older = body({ messages: [], presence_penalty: 0.5, frequency_penalty: 0.25 }, ctx({ model: "gemini-2.0-flash" }));
    expect(older.generationConfig).toEqual({ presencePenalty: 0.5, frequencyPenalty: 0.25 });
    expect(body({ messages: [], response_format: { type: "json_object" } }).generationConfig).toEqual({ responseMimeType: "application/json" });
    expect(body({ messages: [], reasoning: { max_tokens: 1234, exclude: true } }).generationConfig.thinkingConfig).toEqual({ thinkingBudget: 1234, includeThoughts: false });
    expect(body({ messages: [], reasoning: { enabled: true } }).generationConfig.thinkingConfig).toEqual({ thinkingBudget: -1, includeThoughts: true });
    expect(body({ messages: [{ role: "user", content: "hi" }] })).not.toHaveProperty("generationConfig");
  });
});

describe("model names in Gemini's URL path", () => {
  it("encodes each segment and refuses a name that would walk the path", () => {
    expect(geminiModelPath("gemini-2.5-flash+exp@v1")).toBe("models/gemini-2.5-flash%2Bexp%40v1");
    expect(geminiModelPath("tunedModels/my-model")).toBe("tunedModels/my-model");
    for (const model of ["../../../__probe/x", "tunedModels/../../x", "./gemini-2.5-flash", "gemini\r\n"]) {
      expect(() => geminiModelPath(model), model).toThrow(/Invalid request: 'model'/);
    }
  });
});
