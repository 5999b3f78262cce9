import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import { fixture } from "@/test/support/sse-fixture";
import { parseOpenAiChatResponse } from "./response";

const recorded = (name: string) => JSON.parse(fixture("openai", name));

describe("parseOpenAiChatResponse", () => {
  it("keeps the upstream model and answer under our id, with cached tokens in usage", () => {
    const response = parseOpenAiChatResponse(recorded("chat-text.json"), testContext());
    expect(response).toEqual({
      id: "gen-test-1",
      object: "chat.completion",
      created: 1_753_800_000,
      model: "gpt-4o-2024-08-06",
      provider: "openai",
      choices: [{ index: 0, message: { role: "assistant", content: "Paris is the capital of France." }, finish_reason: "stop", native_finish_reason: "stop" }],
      usage: { prompt_tokens: 1342, completion_tokens: 8, total_tokens: 1350, prompt_tokens_details: { cached_tokens: 1280 }, completion_tokens_details: { reasoning_tokens: 0 } },
      system_fingerprint: "fp_07871e2ad8",
    });
  });

  it("returns parallel tool calls with null content", () => {
    const choice = parseOpenAiChatResponse(recorded("chat-parallel-tools.json"), testContext()).choices[0];
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      { id: "call_Qx3M8fY2bN7kLpT1wR9sVd4Z", type: "function", function: { name: "get_weather", arguments: "{\"location\":\"Paris, France\"}" } },
      { id: "call_Hn5J2cW8tK1mPqS6vB3xZr7Y", type: "function", function: { name: "get_weather", arguments: "{\"location\":\"Tokyo, Japan\"}" } },
    ]);
  });

  it("turns DeepSeek's reasoning_content into reasoning and counts reasoning tokens", () => {
    const response = parseOpenAiChatResponse(recorded("deepseek-reasoner.json"), testContext({ provider: "deepseek", model: "deepseek-reasoner" }));
    expect(response.choices[0].message).toEqual({ role: "assistant", content: "9.11 is smaller than 9.8.", reasoning: "Compare the tenths digit: 1 is less than 8, so 9.11 < 9.8." });
    expect(response.usage.completion_tokens_details).toEqual({ reasoning_tokens: 81 });
    expect(response.provider).toBe("deepseek");
  });

  it("reads Mistral's typed content parts, thinking included", () => {
    const body = {
      model: "magistral-medium-2507",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: [{ type: "thinking", thinking: [{ type: "text", text: "Two plus two." }] }, { type: "text", text: "4" }] } }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    };
    expect(parseOpenAiChatResponse(body, testContext({ provider: "mistral" })).choices[0].message).toEqual({ role: "assistant", content: "4", reasoning: "Two plus two." });
  });

  it("maps finish reasons and keeps the native one", () => {
    const answer = (finish: string) => parseOpenAiChatResponse({ choices: [{ message: { content: "x" }, finish_reason: finish }] }, testContext()).choices[0];
    expect(answer("length")).toMatchObject({ finish_reason: "length", native_finish_reason: "length" });
    expect(answer("content_filter")).toMatchObject({ finish_reason: "content_filter" });
    expect(answer("function_call")).toMatchObject({ finish_reason: "tool_calls" });
    expect(answer("eos")).toMatchObject({ finish_reason: "stop", native_finish_reason: "eos" });
  });

  it("fails as a 502 on an error body or a shape it cannot read", () => {
    expect(() => parseOpenAiChatResponse({ error: { message: "Provider returned error", code: 502 } }, testContext({ provider: "openrouter" }))).toThrow(/openrouter: Provider returned error/);
    expect(() => parseOpenAiChatResponse("nope", testContext())).toThrow(expect.objectContaining({ status: 502 }));
  });
});
