import { describe, expect, it } from "vitest";
import type { ChatRequest, UpstreamContext } from "@/lib/providers/types";
import { buildCohereChatRequest } from "./request";

const ctx: UpstreamContext = {
  provider: "cohere", baseUrl: "https://api.cohere.com", model: "command-a-03-2025", id: "gen-c0here1", created: 1_750_000_000,
  credential: { secret: "co-fake-key", kind: "api_key" },
};
const body = (request: Partial<ChatRequest>) => JSON.parse(buildCohereChatRequest({ model: "x", messages: [], ...request }, ctx).body!);
const weather = { type: "function" as const, function: { name: "get_weather", description: "Current weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };
const clock = { type: "function" as const, function: { name: "now" } };

describe("Cohere request conversion", () => {
  it("posts to /v2/chat with Bearer auth, asking for SSE when streaming", () => {
    const plain = buildCohereChatRequest({ model: "x", messages: [{ role: "user", content: "hi" }] }, ctx);
    expect(plain).toMatchObject({ url: "https://api.cohere.com/v2/chat", method: "POST", headers: { authorization: "Bearer co-fake-key", accept: "application/json" } });
    expect(JSON.parse(plain.body!)).toEqual({ model: "command-a-03-2025", messages: [{ role: "user", content: "hi" }] });
    const streamed = buildCohereChatRequest({ model: "x", stream: true, messages: [{ role: "user", content: "hi" }] }, ctx);
    expect(streamed.headers.accept).toBe("text/event-stream");
    expect(JSON.parse(streamed.body!).stream).toBe(true);
  });

  it("maps messages nearly one to one: developer → system, tool plans and tool results kept", () => {
    const converted = body({ messages: [
      { role: "developer", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "low" } }] },
      { role: "assistant", content: null, reasoning: "I will look up the weather.", tool_calls: [{ id: "get_weather_1", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Paris\"}" } }] },
      { role: "tool", tool_call_id: "get_weather_1", content: "18C" },
      { role: "assistant", content: "" },
      { role: "assistant", content: [{ type: "text", text: "It is 18C." }] },
    ] });
    expect(converted.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "low" } }] },
      { role: "assistant", tool_calls: [{ id: "get_weather_1", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Paris\"}" } }], tool_plan: "I will look up the weather." },
      { role: "tool", tool_call_id: "get_weather_1", content: "18C" },
      { role: "assistant", content: [{ type: "text", text: "It is 18C." }] },
    ]);
    expect(() => body({ messages: [{ role: "user", content: [{ type: "file", file: { file_data: "data:application/pdf;base64,JVBE" } }] }] })).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("sends tools in the OpenAI shape and maps tool_choice to REQUIRED/NONE", () => {
    const converted = body({ messages: [], tools: [weather, clock], tool_choice: "required" });
    expect(converted.tools).toEqual([
      { type: "function", function: { name: "get_weather", description: "Current weather", parameters: weather.function.parameters } },
      { type: "function", function: { name: "now", parameters: { type: "object", properties: {} } } },
    ]);
    expect(converted.tool_choice).toBe("REQUIRED");
    expect(converted).not.toHaveProperty("strict_tools");
    expect(body({ messages: [], tools: [weather], tool_choice: "none" }).tool_choice).toBe("NONE");
    expect(body({ messages: [], tools: [weather], tool_choice: "auto" })).not.toHaveProperty("tool_choice");
    const forced = body({ messages: [], tools: [weather, clock], tool_choice: { type: "function", function: { name: "now" } } });
    expect(forced.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(["now"]);
    expect(forced.tool_choice).toBe("REQUIRED");
    const strict = { ...weather, function: { ...weather.function, strict: true } };
    expect(body({ messages: [], tools: [strict] }).strict_tools).toBe(true);
  });

  it("maps sampling and limits, clamped to Cohere's ranges, plus JSON output and thinking", () => {
    const converted = body({
      messages: [], max_tokens: 100, max_completion_tokens: 300, temperature: 0.4, top_p: 1, top_k: 900, stop: ["END"], seed: 3,
      frequency_penalty: 1.5, presence_penalty: -0.5, user: "u-1", logit_bias: { "1": 2 },
      response_format: { type: "json_schema", json_schema: { name: "r", schema: { type: "object", properties: { a: { type: "string" } } } } },
      reasoning: { max_tokens: 2000 },
    });
    expect(converted).toEqual({
      model: "command-a-03-2025", messages: [], max_tokens: 300, temperature: 0.4, p: 0.99, k: 500, stop_sequences: ["END"], seed: 3,
      frequency_penalty: 1, presence_penalty: 0,
      response_format: { type: "json_object", json_schema: { type: "object", properties: { a: { type: "string" } } } },
      thinking: { type: "enabled", token_budget: 2000 },
    });
    expect(body({ messages: [], response_format: { type: "json_object" } }).response_format).toEqual({ type: "json_object" });
    expect(body({ messages: [], reasoning: { enabled: false } }).thinking).toEqual({ type: "disabled" });
    expect(body({ messages: [], reasoning_effort: "high" }).thinking).toEqual({ type: "enabled" });
  });
});
