import type Anthropic from "@anthropic-ai/sdk";
import type { GroundingMetadata } from "@google/genai";
import type OpenAI from "openai";
import type { Body } from "./types";

/**
 * The one web page every fake provider "finds" when asked to search, and the sentence of the
 * answer that cites it. Each family's shapes below are typed by its official SDK.
 */
export const SEARCH_RESULT = { url: "https://example.com/fake-result", title: "Fake search result", snippet: "The fake upstream found one page." };
export const CITED_SENTENCE = "According to example.com, it is so.";

/** The searched answer: the usual echo, then the cited sentence; where the sentence sits in it. */
export function searchedAnswer(echo: string): { text: string; start: number; end: number } {
  const text = `${echo} ${CITED_SENTENCE}`;
  return { text, start: echo.length + 1, end: text.length };
}

/** OpenAI's url_citation annotations (OpenRouter adds the page's `content`). */
export function openAiAnnotations(echo: string, withContent = false): OpenAI.ChatCompletionMessage.Annotation[] {
  const { start, end } = searchedAnswer(echo);
  const citation = { url: SEARCH_RESULT.url, title: SEARCH_RESULT.title, start_index: start, end_index: end };
  return [{ type: "url_citation", url_citation: { ...citation, ...(withContent ? { content: SEARCH_RESULT.snippet } : {}) } }];
}

/** Whether a chat.completions body asks an OpenAI-dialect upstream to search. */
export function openAiWantsSearch(body: Body, openRouter: boolean): boolean {
  if (!openRouter) return /-search-(preview|api)/.test(String(body.model));
  const tools: Body[] = body.tools ?? [];
  const plugins: Body[] = body.plugins ?? [];
  return String(body.model).includes(":online") || plugins.some((p) => p.id === "web") || tools.some((t) => t.type === "openrouter:web_search") || Boolean(body.web_search_options);
}

const caller: Anthropic.DirectCaller = { type: "direct" };
const SERVER_TOOL_ID = "srvtoolu_fake01";

/** Anthropic's blocks for a searched answer: the search call, its results, then text blocks, the second citing the result. */
export function anthropicSearchBlocks(echo: string): Anthropic.ContentBlock[] {
  const search: Anthropic.ServerToolUseBlock = { type: "server_tool_use", id: SERVER_TOOL_ID, name: "web_search", input: { query: echo }, caller };
  const results: Anthropic.WebSearchToolResultBlock = {
    type: "web_search_tool_result", tool_use_id: SERVER_TOOL_ID, caller,
    content: [{ type: "web_search_result", url: SEARCH_RESULT.url, title: SEARCH_RESULT.title, encrypted_content: "EqgfCioIARgBIiQ3fakeEncryptedContent", page_age: "April 30, 2025" }],
  };
  const citation: Anthropic.CitationsWebSearchResultLocation = {
    type: "web_search_result_location", url: SEARCH_RESULT.url, title: SEARCH_RESULT.title, cited_text: SEARCH_RESULT.snippet, encrypted_index: "Eo8BCioIAhgBIiQyfakeIndex",
  };
  return [search, results, { type: "text", text: `${echo} `, citations: null }, { type: "text", text: CITED_SENTENCE, citations: [citation] }];
}

export const anthropicWantsSearch = (body: Body) => ((body.tools ?? []) as Body[]).some((t) => typeof t.type === "string" && t.type.startsWith("web_search_"));

/** Gemini's grounding for a searched answer: UTF-8 byte offsets of the cited sentence. */
export function geminiGrounding(echo: string): GroundingMetadata {
  const { text, start } = searchedAnswer(echo);
  const startIndex = Buffer.byteLength(text.slice(0, start));
  return {
    webSearchQueries: [echo],
    groundingChunks: [{ web: { uri: SEARCH_RESULT.url, title: SEARCH_RESULT.title, domain: "example.com" } }],
    groundingSupports: [{ segment: { startIndex, endIndex: Buffer.byteLength(text), text: CITED_SENTENCE }, groundingChunkIndices: [0], confidenceScores: [0.9] }],
  };
}

export const geminiWantsSearch = (body: Body) => ((body.tools ?? []) as Body[]).some((t) => t.google_search || t.googleSearch);
