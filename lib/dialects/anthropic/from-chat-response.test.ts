import { describe, expect, it, vi } from "vitest";
import { GatewayError, badRequest } from "@/lib/errors/gateway-error";
import type { ChatResponse } from "@/lib/providers/types";
import anthropicThinking from "../fixtures/responses/anthropic-thinking.json";
import geminiCall from "../fixtures/responses/gemini-function-call.json";
import openaiTools from "../fixtures/responses/openai-tools.json";
import { toCountTokensResult } from "./count-tokens";
import { anthropicErrorBody, anthropicErrorResponse, anthropicErrorType } from "./errors";
import { chatResponseToAnthropic } from "./from-chat-response";
import { messagesRequestSchema } from "./schema";
import { anthropicToChatRequest } from "./to-chat-request";

const response = (fixture: unknown) => structuredClone(fixture) as ChatResponse;

describe("chatResponseToAnthropic", () => {
  it("turns parallel tool calls into tool_use blocks with parsed input", () => {
    expect(chatResponseToAnthropic(response(openaiTools))).toEqual({
      id: "msg_01JZ9A2B3C",
      type: "message",
      role: "assistant",
      model: "gpt-4o-2024-08-06",
      content: [
        { type: "text", text: "Checking both." },
        { type: "tool_use", id: "call_Xa1fPq2", name: "get_weather", input: { city: "Paris" } },
        { type: "tool_use", id: "call_Xb2kLm7", name: "get_weather", input: { city: "Tokyo" } },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 100, output_tokens: 45, cache_read_input_tokens: 20, cache_creation_input_tokens: 0 },
    });
  });

  it("puts thinking with its signature and redacted thinking first, and splits cached input out", () => {
    const message = chatResponseToAnthropic(response(anthropicThinking));
    expect(message.content).toEqual([
      { type: "thinking", thinking: "Recall the tool result.", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds" },
      { type: "redacted_thinking", data: "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP" },
      { type: "text", text: "It is 18°C in Paris." },
    ]);
    expect(message.stop_reason).toBe("end_turn");
    expect(message.usage).toEqual({ input_tokens: 45, output_tokens: 503, cache_read_input_tokens: 2000, cache_creation_input_tokens: 50 });
  });

  it("carries a Gemini thought signature in a tagged thinking block that comes back as Gemini's", () => {
    const message = chatResponseToAnthropic(response(geminiCall));
    expect(message.content).toEqual([
      { type: "thinking", thinking: "I need the weather tool.", signature: "gemini:CiQB0e2Kb2xV8nQp1n0mZ3hU9y0rK3tC8bE5dW1aF4gH6jL2sN0=" },
      { type: "tool_use", id: "call_01JZ9C6F7G_0", name: "get_weather", input: { city: "Paris" } },
    ]);
    const next = anthropicToChatRequest(messagesRequestSchema.parse({ model: "google/gemini-2.5-flash", max_tokens: 10, messages: [{ role: "assistant", content: message.content }] }));
    expect(next.messages[0].reasoning_details).toEqual([
      { type: "reasoning.text", text: "I need the weather tool.", signature: "CiQB0e2Kb2xV8nQp1n0mZ3hU9y0rK3tC8bE5dW1aF4gH6jL2sN0=", format: "gemini" },
    ]);
  });

  it("maps finish reasons, keeping Anthropic's own when it is known", () => {
    const base = response(openaiTools);
    const withFinish = (finish_reason: ChatResponse["choices"][0]["finish_reason"], native: string | null) =>
      chatResponseToAnthropic({ ...base, choices: [{ ...base.choices[0], finish_reason, native_finish_reason: native }] }).stop_reason;
    expect(withFinish("length", "length")).toBe("max_tokens");
    expect(withFinish("stop", "stop_sequence")).toBe("stop_sequence");
    expect(withFinish("content_filter", "content_filter")).toBe("refusal");
    expect(withFinish("stop", "STOP")).toBe("end_turn");
    const refused = { ...base, choices: [{ index: 0, message: { role: "assistant" as const, content: null, refusal: "I can't help with that." }, finish_reason: "stop" as const }] };
    expect(chatResponseToAnthropic(refused)).toMatchObject({ content: [{ type: "text", text: "I can't help with that." }], stop_reason: "refusal" });
  });

  it("gives an empty answer no content blocks and malformed tool arguments an empty input", () => {
    const base = response(openaiTools);
    const odd = { ...base, choices: [{ index: 0, message: { role: "assistant" as const, content: "", tool_calls: [{ id: "", type: "function" as const, function: { name: "f", arguments: "{oops" } }] }, finish_reason: "tool_calls" as const }] };
    expect(chatResponseToAnthropic(odd).content).toEqual([{ type: "tool_use", id: "toolu_0", name: "f", input: {} }]);
  });
});

describe("Anthropic errors", () => {
  it("names error types as Anthropic does", () => {
    expect(anthropicErrorType("rate_limit_error", 429)).toBe("rate_limit_error");
    expect(anthropicErrorType("service_unavailable", 503)).toBe("overloaded_error");
    expect(anthropicErrorType("timeout_error", 504)).toBe("timeout_error");
    expect(anthropicErrorType(undefined, 529)).toBe("overloaded_error");
    expect(anthropicErrorType("something_new", 418)).toBe("api_error");
  });

  it("renders the body, status and retry-after", async () => {
    expect(anthropicErrorBody(badRequest("max_tokens: Field required"))).toEqual({ type: "error", error: { type: "invalid_request_error", message: "max_tokens: Field required" } });
    const limited = new GatewayError(429, "rate_limit_error", "Slow down", { retryAfterMs: 1500, metadata: { provider: "openai", status: 429 } });
    const res = anthropicErrorResponse(limited);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toEqual({ type: "error", error: { type: "rate_limit_error", message: "Slow down", metadata: { provider: "openai", provider_name: "OpenAI", status: 429 } } });
  });

  it("never leaks an unexpected error's message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = anthropicErrorResponse(new Error("connect ECONNREFUSED 10.0.0.5:5432"));
    log.mockRestore();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ type: "error", error: { type: "api_error", message: "Internal error; the request was not completed" } });
  });
});

describe("toCountTokensResult", () => {
  it("is Anthropic's count_tokens body", () => {
    expect(toCountTokensResult(11)).toEqual({ input_tokens: 11 });
    expect(toCountTokensResult(-3)).toEqual({ input_tokens: 0 });
    expect(toCountTokensResult(Number.NaN)).toEqual({ input_tokens: 0 });
  });
});
