import { describe, expect, it } from "vitest";
import type { UpstreamContext } from "@/lib/providers/types";
import { fixture } from "@/test/support/sse-fixture";
import { mapCohereFinishReason } from "./finish-reason";
import { parseCohereChatResponse } from "./response";

const ctx: UpstreamContext = {
  provider: "cohere", baseUrl: "https://api.cohere.com", model: "command-a-03-2025", id: "gen-c0here1", created: 1_750_000_000,
  credential: { secret: "co-fake-key", kind: "api_key" },
};
const parse = (name: string) => parseCohereChatResponse(JSON.parse(fixture("cohere", name)), ctx);

describe("Cohere response conversion", () => {
  it("turns a text answer into our completion with token usage and cached tokens", () => {
    const response = parse("chat-text.json");
    expect(response).toMatchObject({ id: "gen-c0here1", object: "chat.completion", model: "command-a-03-2025", provider: "cohere" });
    expect(response.choices).toEqual([{
      index: 0, finish_reason: "stop", native_finish_reason: "COMPLETE",
      message: { role: "assistant", content: "Large language models are neural networks trained on vast amounts of text to predict the next token." },
    }]);
    expect(response.usage).toEqual({ prompt_tokens: 71, completion_tokens: 19, total_tokens: 90, prompt_tokens_details: { cached_tokens: 64 } });
  });

  it("turns parallel tool calls and the tool plan into tool_calls and reasoning", () => {
    const choice = parse("chat-tool-calls.json").choices[0];
    expect(choice).toMatchObject({ finish_reason: "tool_calls", native_finish_reason: "TOOL_CALL" });
    expect(choice.message).toEqual({
      role: "assistant", content: null, reasoning: "I will look up the weather in Paris and in Tokyo, then compare them.",
      tool_calls: [
        { id: "get_weather_1byjy32y4hvq", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Paris\"}" } },
        { id: "get_weather_8fhma9kh6qx0", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Tokyo\"}" } },
      ],
    });
  });

  it("turns a reasoning model's thinking content into reasoning", () => {
    const message = parse("chat-thinking.json").choices[0].message;
    expect(message.content).toBe("17 × 23 = 391.");
    expect(message.reasoning).toMatch(/^The user asks for 17 times 23/);
  });

  it("uses billed units when token counts are missing", () => {
    const response = parseCohereChatResponse({ message: { content: [{ type: "text", text: "ok" }] }, finish_reason: "MAX_TOKENS", usage: { billed_units: { input_tokens: 3, output_tokens: 1 } } }, ctx);
    expect(response.choices[0]).toMatchObject({ finish_reason: "length", native_finish_reason: "MAX_TOKENS" });
    expect(response.usage).toEqual({ prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 });
  });

  it("maps every finish reason", () => {
    const cases: Array<[string | undefined, boolean, string]> = [
      ["COMPLETE", false, "stop"], ["COMPLETE", true, "tool_calls"], ["STOP_SEQUENCE", false, "stop"], ["MAX_TOKENS", false, "length"],
      ["TOOL_CALL", true, "tool_calls"], ["ERROR", false, "error"], ["TIMEOUT", false, "error"], ["ERROR_TOXIC", false, "content_filter"], [undefined, false, "stop"],
    ];
    for (const [raw, tools, expected] of cases) expect([raw, mapCohereFinishReason(raw, tools)]).toEqual([raw, expected]);
  });
});
