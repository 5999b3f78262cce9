import { describe, expect, it } from "vitest";
import type { UpstreamContext } from "@/lib/providers/types";
import { fixture } from "@/test/support/sse-fixture";
import { mapGeminiFinishReason } from "./finish-reason";
import { parseGeminiChatResponse } from "./response";

const ctx: UpstreamContext = {
  provider: "google", baseUrl: "https://generativelanguage.googleapis.com", model: "gemini-2.5-flash", id: "gen-mf3k2a9QxYz", created: 1_750_000_000,
  credential: { secret: "AIzaSyFakeKey", kind: "api_key" },
};
const parse = (name: string) => parseGeminiChatResponse(JSON.parse(fixture("gemini", name)), ctx);

describe("Gemini response conversion", () => {
  it("turns a text answer into our completion, counting thoughts as reasoning output", () => {
    const response = parse("generate-text.json");
    expect(response).toMatchObject({ id: "gen-mf3k2a9QxYz", object: "chat.completion", created: 1_750_000_000, model: "gemini-2.5-flash", provider: "google" });
    expect(response.choices).toEqual([{ index: 0, message: { role: "assistant", content: "The capital of France is **Paris**." }, finish_reason: "stop", native_finish_reason: "STOP" }]);
    expect(response.usage).toEqual({ prompt_tokens: 9, completion_tokens: 611, total_tokens: 620, completion_tokens_details: { reasoning_tokens: 603 } });
  });

  it("turns parallel function calls into tool calls with stable ids, thought summary and signature", () => {
    const response = parse("generate-parallel-calls.json");
    const choice = response.choices[0];
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.native_finish_reason).toBe("STOP");
    expect(choice.message.content).toBeNull();
    expect(choice.message.reasoning).toMatch(/^\*\*Checking the weather in two cities\*\*/);
    expect(choice.message.tool_calls).toEqual([
      { id: "call_mf3k2a9QxYz_0", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Paris\",\"unit\":\"celsius\"}" } },
      { id: "call_mf3k2a9QxYz_1", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Tokyo\",\"unit\":\"celsius\"}" } },
    ]);
    expect(choice.message.reasoning_details).toEqual([{ type: "reasoning.encrypted", signature: expect.stringMatching(/^CtQCAdHt/), format: "gemini", id: "call_mf3k2a9QxYz_0" }]);
    expect(response.usage).toEqual({ prompt_tokens: 118, completion_tokens: 183, total_tokens: 301, prompt_tokens_details: { cached_tokens: 64 }, completion_tokens_details: { reasoning_tokens: 147 } });
    expect(response.model).toBe("gemini-2.5-pro");
  });

  it("reports a prompt blocked before any candidate as content_filter with the block reason", () => {
    const response = parse("generate-prompt-blocked.json");
    expect(response.choices).toEqual([{ index: 0, message: { role: "assistant", content: "" }, finish_reason: "content_filter", native_finish_reason: "PROHIBITED_CONTENT" }]);
    expect(response.usage).toMatchObject({ prompt_tokens: 17, completion_tokens: 0 });
  });

  it("reports a candidate stopped for safety as content_filter", () => {
    const choice = parse("generate-candidate-safety.json").choices[0];
    expect(choice).toMatchObject({ finish_reason: "content_filter", native_finish_reason: "SAFETY", message: { content: "" } });
  });

  it("maps every finish reason, keeping abnormal stops distinguishable from complete turns", () => {
    const cases: Array<[string | undefined, boolean, string]> = [
      ["STOP", false, "stop"], ["STOP", true, "tool_calls"], [undefined, false, "stop"], ["MAX_TOKENS", true, "length"],
      ["SAFETY", false, "content_filter"], ["RECITATION", false, "content_filter"], ["BLOCKLIST", false, "content_filter"],
      ["PROHIBITED_CONTENT", false, "content_filter"], ["SPII", false, "content_filter"], ["IMAGE_SAFETY", false, "content_filter"],
      ["MALFORMED_FUNCTION_CALL", false, "error"], ["OTHER", false, "error"], ["LANGUAGE", false, "error"], ["SOMETHING_NEW", false, "error"],
    ];
    for (const [raw, tools, expected] of cases) expect([raw, mapGeminiFinishReason(raw, tools)]).toEqual([raw, expected]);
  });

  it("rejects a body that is not a GenerateContentResponse", () => {
    expect(() => parseGeminiChatResponse({ candidates: "nope" }, ctx)).toThrow(expect.objectContaining({ status: 502 }));
  });
});
