import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import type { ChatRequest, UpstreamContext } from "@/lib/providers/types";
import { buildAnthropicChatRequest, JSON_TOOL } from "./request";

const ctx = (overrides: Partial<UpstreamContext> = {}) =>
  testContext({ provider: "anthropic", baseUrl: "https://api.anthropic.com", model: "claude-sonnet-4-5", credential: { secret: "sk-ant-api03-key", kind: "api_key" }, ...overrides });
const bodyOf = (request: Partial<ChatRequest> & Pick<ChatRequest, "messages">, context = ctx()) => JSON.parse(buildAnthropicChatRequest({ model: "anthropic/x", ...request }, context).body!);
const hi = [{ role: "user" as const, content: "hi" }];
const weatherTool = { type: "function" as const, function: { name: "get_weather", description: "Current weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };

describe("buildAnthropicChatRequest", () => {
  it("posts to {base}/v1/messages with the upstream model and a default max_tokens", () => {
    const request = buildAnthropicChatRequest({ model: "anthropic/claude-sonnet-4-5", messages: hi }, ctx());
    expect(request.url).toBe("https://api.anthropic.com/v1/messages");
    expect(JSON.parse(request.body!)).toEqual({ model: "claude-sonnet-4-5", max_tokens: 8192, messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }] });
  });

  it("moves system and developer messages to `system`, keeping cache_control", () => {
    const body = bodyOf({
      messages: [
        { role: "system", content: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }] },
        { role: "developer", content: "Answer in French." },
        ...hi,
      ],
    });
    expect(body.system).toEqual([{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }, { type: "text", text: "Answer in French." }]);
    expect(body.messages).toEqual([{ role: "user", content: [{ type: "text", text: "hi" }] }]);
  });

  it("merges consecutive turns, turns tool calls into tool_use and tool results into one user turn", () => {
    const body = bodyOf({
      messages: [
        { role: "user", content: "Weather in Paris" },
        { role: "user", content: [{ type: "text", text: "and Tokyo?" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }, { type: "image_url", image_url: { url: "https://example.com/map.jpg" } }] },
        {
          role: "assistant", content: "Checking.", reasoning: "Two cities, two calls.",
          reasoning_details: [{ type: "reasoning.text", text: "Two cities, two calls.", signature: "sig-1", format: "anthropic" }],
          tool_calls: [
            { id: "toolu_1", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Paris\"}" } },
            { id: "toolu_2", type: "function", function: { name: "get_weather", arguments: "not json" } },
          ],
        },
        { role: "tool", tool_call_id: "toolu_1", content: "18C" },
        { role: "tool", tool_call_id: "toolu_2", content: [{ type: "text", text: "24C" }] },
        { role: "user", content: "Thanks" },
      ],
    });
    expect(body.messages).toEqual([
      { role: "user", content: [
        { type: "text", text: "Weather in Paris" },
        { type: "text", text: "and Tokyo?" },
        { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
        { type: "image", source: { type: "url", url: "https://example.com/map.jpg" } },
      ] },
      { role: "assistant", content: [
        { type: "thinking", thinking: "Two cities, two calls.", signature: "sig-1" },
        { type: "text", text: "Checking." },
        { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
        { type: "tool_use", id: "toolu_2", name: "get_weather", input: {} },
      ] },
      { role: "user", content: [
        { type: "tool_result", tool_use_id: "toolu_1", content: "18C" },
        { type: "tool_result", tool_use_id: "toolu_2", content: [{ type: "text", text: "24C" }] },
        { type: "text", text: "Thanks" },
      ] },
    ]);
  });

  it("hands back streamed reasoning (signature-only detail) and redacted thinking, first in the turn", () => {
    const body = bodyOf({
      messages: [
        ...hi,
        {
          role: "assistant", content: "42", reasoning: "27 + 15 = 42.",
          reasoning_details: [
            { type: "reasoning.text", text: "27 + 15", format: "anthropic" },
            { type: "reasoning.text", signature: "sig-2", format: "anthropic" },
            { type: "reasoning.encrypted", data: "EmwKAhgB", format: "anthropic" },
            { type: "reasoning.text", text: "gemini thought", signature: "g-sig", format: "gemini" },
          ],
        },
      ],
    });
    expect(body.messages[1].content).toEqual([
      { type: "thinking", thinking: "27 + 15 = 42.", signature: "sig-2" },
      { type: "redacted_thinking", data: "EmwKAhgB" },
      { type: "text", text: "42" },
    ]);
  });

  it("maps tools, tool_choice, stop, sampling and user", () => {
    const body = bodyOf({ messages: hi, tools: [weatherTool], tool_choice: "required", parallel_tool_calls: false, stop: "END", temperature: 1.5, top_k: 5, user: "u-1" });
    expect(body).toMatchObject({
      tools: [{ name: "get_weather", description: "Current weather", input_schema: weatherTool.function.parameters }],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
      stop_sequences: ["END"], temperature: 1, top_k: 5, metadata: { user_id: "u-1" },
    });
    const choice = (tool_choice: ChatRequest["tool_choice"], parallel?: boolean) => bodyOf({ messages: hi, tools: [weatherTool], tool_choice, parallel_tool_calls: parallel }).tool_choice;
    expect(choice("auto")).toEqual({ type: "auto" });
    expect(choice("none")).toEqual({ type: "none" });
    expect(choice({ type: "function", function: { name: "get_weather" } })).toEqual({ type: "tool", name: "get_weather" });
    expect(choice(undefined, false)).toEqual({ type: "auto", disable_parallel_tool_use: true });
    expect(choice(undefined)).toBeUndefined();
    expect(bodyOf({ messages: hi, tool_choice: "auto" })).not.toHaveProperty("tool_choice");
  });

  it("sends temperature rather than both temperature and top_p", () => {
    expect(bodyOf({ messages: hi, temperature: 0.3, top_p: 0.9 })).toMatchObject({ temperature: 0.3 });
    expect(bodyOf({ messages: hi, temperature: 0.3, top_p: 0.9 })).not.toHaveProperty("top_p");
    expect(bodyOf({ messages: hi, top_p: 0.9 })).toMatchObject({ top_p: 0.9 });
  });

  it("turns reasoning effort into a thinking budget below max_tokens, dropping temperature and top_k", () => {
    const high = bodyOf({ messages: hi, reasoning_effort: "high", temperature: 0.2, top_k: 3 });
    expect(high.thinking).toEqual({ type: "enabled", budget_tokens: 16384 });
    expect(high.max_tokens).toBe(16384 + 8192);
    expect(high).not.toHaveProperty("temperature");
    expect(high).not.toHaveProperty("top_k");
    expect(bodyOf({ messages: hi, reasoning: { effort: "low" }, max_tokens: 20000 })).toMatchObject({ thinking: { budget_tokens: 4096 }, max_tokens: 20000 });
    expect(bodyOf({ messages: hi, reasoning: { max_tokens: 3000 }, max_completion_tokens: 1000 })).toMatchObject({ thinking: { budget_tokens: 3000 }, max_tokens: 4000 });
    expect(bodyOf({ messages: hi, reasoning: { max_tokens: 100 } }).thinking.budget_tokens).toBe(1024);
    expect(bodyOf({ messages: hi, reasoning: { effort: "high", enabled: false } })).not.toHaveProperty("thinking");
  });

  it("leaves thinking off when tool use is forced, which Anthropic rejects", () => {
    const body = bodyOf({ messages: hi, tools: [weatherTool], tool_choice: "required", reasoning_effort: "medium" });
    expect(body).not.toHaveProperty("thinking");
    expect(body.max_tokens).toBe(8192);
  });

  it("asks 4.5+ models for native structured output, with the schema made acceptable", () => {
    const schema = { type: "object", properties: { name: { type: "string", maxLength: 20 }, tags: { type: "array", items: { type: "string" } } }, required: ["name"] };
    const body = bodyOf({ messages: hi, reasoning_effort: "low", response_format: { type: "json_schema", json_schema: { name: "person", schema } } });
    expect(body.output_config).toEqual({
      format: { type: "json_schema", schema: { type: "object", additionalProperties: false, required: ["name"], properties: { name: { type: "string", description: "{\"maxLength\":20}" }, tags: { type: "array", items: { type: "string" } } } } },
    });
    expect(body).not.toHaveProperty("tools");
    expect(body.thinking).toEqual({ type: "enabled", budget_tokens: 4096 });
  });

  it("falls back to a forced JSON tool for older models and for json_object", () => {
    const format = { type: "json_schema" as const, json_schema: { name: "r", schema: { type: "object", properties: { a: { type: "number" } } } } };
    const older = bodyOf({ messages: hi, response_format: format, reasoning_effort: "high" }, ctx({ model: "claude-sonnet-4-20250514" }));
    expect(older.tools).toEqual([{ name: JSON_TOOL, description: "Respond with the answer as this tool's input.", input_schema: format.json_schema.schema }]);
    expect(older.tool_choice).toEqual({ type: "tool", name: JSON_TOOL });
    expect(older).not.toHaveProperty("thinking");
    expect(older).not.toHaveProperty("output_config");
    expect(bodyOf({ messages: hi, response_format: { type: "json_object" } }).tools[0]).toMatchObject({ name: JSON_TOOL, input_schema: { type: "object" } });
  });
});
