import { describe, expect, it } from "vitest";
import { fixture, replayStream } from "@/test/support/sse-fixture";
import { buildAnthropicChatRequest } from "./anthropic/request";
import { parseAnthropicChatResponse } from "./anthropic/response";
import { createAnthropicStreamTransformer } from "./anthropic/stream";
import { buildGeminiChatRequest } from "./gemini/request";
import { parseGeminiChatResponse } from "./gemini/response";
import { createGeminiStreamTransformer } from "./gemini/stream";
import { buildOpenAiChatRequest } from "./openai/request";
import { parseOpenAiChatResponse } from "./openai/response";
import { createOpenAiStreamTransformer } from "./openai/stream";
import { testContext } from "./shared/test-context";
import type { ChatChunk, ChatRequest } from "./types";

const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: "m", messages: [{ role: "user", content: "Any news?" }], ...extra });
const search = { search_context_size: "high" as const, user_location: { type: "approximate" as const, approximate: { country: "GB", city: "London" } }, excluded_domains: ["spam.example"] };
const bodyOf = (request: { body?: string }) => JSON.parse(request.body!);
const annotationsOf = (chunks: ChatChunk[]) => chunks.flatMap((c) => c.choices[0]?.delta.annotations ?? []);
const textOf = (chunks: ChatChunk[]) => chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");

describe("web search, Anthropic", () => {
  const ctx = testContext({ provider: "anthropic", baseUrl: "https://api.anthropic.com", model: "claude-sonnet-4-5" });

  it("asks for Anthropic's web search tool, with the domain filter and location it takes", () => {
    const body = bodyOf(buildAnthropicChatRequest(ask({ web_search_options: search }), ctx));
    expect(body.tools).toEqual([{ type: "web_search_20250305", name: "web_search", blocked_domains: ["spam.example"], user_location: { type: "approximate", country: "GB", city: "London" } }]);
    expect(body.tool_choice).toBeUndefined();
    expect(bodyOf(buildAnthropicChatRequest(ask(), ctx)).tools).toBeUndefined();
  });

  it("returns cited text blocks as url_citation annotations over their place in the answer", () => {
    const message = parseAnthropicChatResponse(JSON.parse(fixture("anthropic", "message-web-search.json")), ctx).choices[0].message;
    const lead = "I'll search for when Claude Shannon was born.Based on the search results, ";
    expect(message.content).toBe(`${lead}Claude Shannon was born on April 30, 1916, in Petoskey, Michigan`);
    expect(message.tool_calls).toBeUndefined();
    expect(message.annotations).toEqual([{
      type: "url_citation",
      url_citation: {
        url: "https://en.wikipedia.org/wiki/Claude_Shannon", title: "Claude Shannon - Wikipedia", start_index: lead.length, end_index: message.content!.length,
        content: expect.stringMatching(/^Claude Elwood Shannon \(April 30, 1916/),
      },
    }]);
  });

  it("streams the citation once its text block ends, and no tool call for the server's search", async () => {
    const chunks = await replayStream(fixture("anthropic", "stream-web-search.sse"), createAnthropicStreamTransformer(ctx));
    const text = textOf(chunks);
    expect(text).toBe("Based on the latest research, error-corrected qubits now outlive physical ones.");
    expect(chunks.some((c) => c.choices[0]?.delta.tool_calls)).toBe(false);
    expect(annotationsOf(chunks)).toEqual([{
      type: "url_citation",
      url_citation: { url: "https://example.com/quantum-2025", title: "Quantum Computing Breakthroughs in 2025", start_index: 30, end_index: text.length, content: expect.stringContaining("logical qubits") },
    }]);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { completion_tokens: 510 } });
  });
});

describe("web search, Gemini", () => {
  const ctx = testContext({ provider: "google", baseUrl: "https://generativelanguage.googleapis.com", model: "gemini-2.5-flash" });
  const first = "Spain won Euro 2024, defeating England 2–1 in the final.";
  const whole = `${first} This victory marks Spain's record fourth European Championship title.`;
  const expected = [
    { type: "url_citation", url_citation: { url: expect.stringContaining("aljazeera"), title: "aljazeera.com", start_index: 0, end_index: first.length } },
    { type: "url_citation", url_citation: { url: expect.stringContaining("aljazeera"), title: "aljazeera.com", start_index: first.length + 1, end_index: whole.length } },
    { type: "url_citation", url_citation: { url: expect.stringContaining("uefa"), title: "uefa.com", start_index: first.length + 1, end_index: whole.length } },
  ];

  it("asks for Google Search grounding beside the function declarations", () => {
    const tool = { type: "function" as const, function: { name: "f", parameters: { type: "object", properties: { a: { type: "string" } } } } };
    const body = bodyOf(buildGeminiChatRequest(ask({ web_search_options: {}, tools: [tool] }), ctx));
    expect(body.tools).toEqual([{ functionDeclarations: [expect.objectContaining({ name: "f" })] }, { google_search: {} }]);
    expect(bodyOf(buildGeminiChatRequest(ask(), ctx)).tools).toBeUndefined();
  });

  it("turns grounding supports into citations, UTF-8 byte offsets read as characters", () => {
    const message = parseGeminiChatResponse(JSON.parse(fixture("gemini", "generate-grounded.json")), ctx).choices[0].message;
    expect(message.content).toBe(whole);
    expect(message.annotations).toEqual(expected);
  });

  it("streams the citations with the event that carries the grounding", async () => {
    const chunks = await replayStream(fixture("gemini", "stream-grounded.sse"), createGeminiStreamTransformer(ctx));
    expect(textOf(chunks)).toBe(whole);
    expect(annotationsOf(chunks)).toEqual(expected);
  });
});

describe("web search, OpenAI", () => {
  const ctx = testContext({ model: "gpt-4o-search-preview" });

  it("sends OpenAI's own web_search_options, without the filters only OpenRouter reads, and no server tool", () => {
    const request = ask({ web_search_options: search, tools: [{ type: "openrouter:web_search" }] });
    const body = bodyOf(buildOpenAiChatRequest(request, ctx));
    expect(body.web_search_options).toEqual({ search_context_size: "high", user_location: search.user_location });
    expect(body.tools).toBeUndefined();
  });

  it("keeps the search model's url_citation annotations", () => {
    const message = parseOpenAiChatResponse(JSON.parse(fixture("openai", "chat-search.json")), ctx).choices[0].message;
    expect(message.annotations).toEqual([{
      type: "url_citation",
      url_citation: { url: "https://www.nytimes.com/2025/04/30/science/positive-news.html?utm_source=openai", title: "Coral restoration shows record survival", start_index: 90, end_index: 186 },
    }]);
    expect(message.content!.slice(90, 186)).toMatch(/^\(\[nytimes\.com\]/);
  });

  it("keeps annotations that arrive in a streamed delta, OpenRouter's content included", async () => {
    const annotation = { type: "url_citation", url_citation: { url: "https://example.com", title: "Example", content: "page text", start_index: 0, end_index: 5 } };
    const sse = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "Hello" } }] })}\n\ndata: ${JSON.stringify({ choices: [{ index: 0, delta: { annotations: [annotation, { type: "file_citation" }] } }] })}\n\ndata: [DONE]\n\n`;
    const chunks = await replayStream(sse, createOpenAiStreamTransformer(testContext({ provider: "openrouter" })));
    expect(annotationsOf(chunks)).toEqual([annotation]);
  });
});
