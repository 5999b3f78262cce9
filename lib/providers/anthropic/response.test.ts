import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import { fixture } from "@/test/support/sse-fixture";
import { JSON_TOOL } from "./request";
import { parseAnthropicChatResponse } from "./response";

const ctx = testContext({ provider: "anthropic", baseUrl: "https://api.anthropic.com", model: "claude-sonnet-4-5" });
const recorded = (name: string) => JSON.parse(fixture("anthropic", name));

describe("parseAnthropicChatResponse", () => {
  it("turns a text message into our completion, counting cache reads in prompt tokens", () => {
    expect(parseAnthropicChatResponse(recorded("message-text.json"), ctx)).toEqual({
      id: "gen-test-1",
      object: "chat.completion",
      created: 1_753_800_000,
      model: "claude-haiku-4-5-20251001",
      provider: "anthropic",
      choices: [{ index: 0, message: { role: "assistant", content: "Paris is the capital of France." }, finish_reason: "stop", native_finish_reason: "end_turn" }],
      usage: { prompt_tokens: 2060, completion_tokens: 11, total_tokens: 2071, prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 0 } },
    });
  });

  it("turns thinking, text and parallel tool uses into our message, with cache reads and writes", () => {
    const response = parseAnthropicChatResponse(recorded("message-tool-use.json"), ctx);
    const choice = response.choices[0];
    expect(choice).toMatchObject({ finish_reason: "tool_calls", native_finish_reason: "tool_use" });
    expect(choice.message.content).toBe("I'll check both cities.");
    expect(choice.message.reasoning).toBe("I need the weather tool.");
    expect(choice.message.reasoning_details).toEqual([{ type: "reasoning.text", text: "I need the weather tool.", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds", format: "anthropic" }]);
    expect(choice.message.tool_calls).toEqual([
      { id: "toolu_01A09q90qw90lq917835lq9", type: "function", function: { name: "get_weather", arguments: "{\"location\":\"Paris\"}" } },
      { id: "toolu_01B19q90qw90lq917835lq9", type: "function", function: { name: "get_weather", arguments: "{\"location\":\"Tokyo\"}" } },
    ]);
    expect(response.usage).toEqual({ prompt_tokens: 1400, completion_tokens: 96, total_tokens: 1496, prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 20 } });
  });

  it("keeps redacted thinking as an encrypted detail", () => {
    const message = parseAnthropicChatResponse(recorded("message-redacted-thinking.json"), ctx).choices[0].message;
    expect(message.content).toBe("27 + 15 = 42.");
    expect(message.reasoning).toBe("Let me add the numbers: 27 + 15 = 42.");
    expect(message.reasoning_details?.map((d) => d.type)).toEqual(["reasoning.text", "reasoning.encrypted"]);
    expect(message.reasoning_details?.[1]).toEqual({ type: "reasoning.encrypted", data: expect.stringMatching(/^EmwKAhgB/), format: "anthropic" });
  });

  it("maps stop reasons, keeping the native one", () => {
    const finish = (stop_reason: string) => parseAnthropicChatResponse({ content: [{ type: "text", text: "x" }], stop_reason, usage: {} }, ctx).choices[0];
    expect(finish("max_tokens")).toMatchObject({ finish_reason: "length", native_finish_reason: "max_tokens" });
    expect(finish("stop_sequence")).toMatchObject({ finish_reason: "stop" });
    expect(finish("refusal")).toMatchObject({ finish_reason: "content_filter", native_finish_reason: "refusal" });
  });

  it("reads the forced JSON tool's input back as the text answer", () => {
    const response = parseAnthropicChatResponse({ model: "claude-sonnet-4-20250514", content: [{ type: "tool_use", id: "t", name: JSON_TOOL, input: { a: 1 } }], stop_reason: "tool_use", usage: { input_tokens: 1, output_tokens: 2 } }, ctx);
    expect(response.choices[0]).toMatchObject({ message: { content: "{\"a\":1}" }, finish_reason: "stop" });
    expect(response.choices[0].message).not.toHaveProperty("tool_calls");
  });

  it("fails as a 502 on a body it cannot read", () => {
    expect(() => parseAnthropicChatResponse({ content: "nope" }, ctx)).toThrow(expect.objectContaining({ status: 502 }));
  });
});
