import { describe, expect, it } from "vitest";
import { GatewayError, badRequest, notFound } from "@/lib/errors/gateway-error";
import type { ChatResponse } from "@/lib/providers/types";
import anthropicThinking from "../fixtures/responses/anthropic-thinking.json";
import geminiCall from "../fixtures/responses/gemini-function-call.json";
import openaiTools from "../fixtures/responses/openai-tools.json";
import { geminiErrorBody, geminiErrorResponse, geminiStatus } from "./errors";
import { chatResponseToGemini } from "./from-chat-response";
import { generateRequestSchema } from "./schema";
import { geminiToChatRequest } from "./to-chat-request";

const GSIG = "CiQB0e2Kb2xV8nQp1n0mZ3hU9y0rK3tC8bE5dW1aF4gH6jL2sN0=";
const response = (fixture: unknown) => structuredClone(fixture) as ChatResponse;

describe("chatResponseToGemini", () => {
  it("puts the thought first and Gemini's signature back on the first function call", () => {
    expect(chatResponseToGemini(response(geminiCall))).toEqual({
      candidates: [{
        content: {
          role: "model",
          parts: [
            { text: "I need the weather tool.", thought: true },
            { functionCall: { id: "call_01JZ9C6F7G_0", name: "get_weather", args: { city: "Paris" } }, thoughtSignature: GSIG },
          ],
        },
        finishReason: "STOP",
        index: 0,
      }],
      usageMetadata: { promptTokenCount: 40, candidatesTokenCount: 18, totalTokenCount: 70, thoughtsTokenCount: 12, cachedContentTokenCount: 8 },
      modelVersion: "gemini-2.5-flash",
      responseId: "gen-01JZ9C6F7G",
    });
  });

  it("turns parallel tool calls into whole functionCall parts after the text", () => {
    expect(chatResponseToGemini(response(openaiTools)).candidates[0].content.parts).toEqual([
      { text: "Checking both." },
      { functionCall: { id: "call_Xa1fPq2", name: "get_weather", args: { city: "Paris" } } },
      { functionCall: { id: "call_Xb2kLm7", name: "get_weather", args: { city: "Tokyo" } } },
    ]);
  });

  it("carries an Anthropic signature on the thought, tagged, so the next turn can hand it back", () => {
    const answer = chatResponseToGemini(response(anthropicThinking));
    expect(answer.candidates[0].content.parts).toEqual([
      { text: "Recall the tool result.", thought: true, thoughtSignature: "anthropic:EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds" },
      { text: "It is 18°C in Paris." },
    ]);
    const next = geminiToChatRequest(generateRequestSchema.parse({ contents: [{ role: "model", parts: answer.candidates[0].content.parts }] }), "anthropic/claude-sonnet-4-5", false);
    expect(next.messages[0].reasoning_details).toEqual([
      { type: "reasoning.text", text: "Recall the tool result.", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds", format: "anthropic" },
    ]);
  });

  it("maps finish reasons, keeps Gemini's own, and answers an empty reply with an empty text part", () => {
    const base = response(openaiTools);
    const one = (finish_reason: ChatResponse["choices"][0]["finish_reason"], native: string | null, content: string | null = "x") =>
      chatResponseToGemini({ ...base, choices: [{ index: 0, message: { role: "assistant", content }, finish_reason, native_finish_reason: native }] }).candidates[0];
    expect(one("length", "length").finishReason).toBe("MAX_TOKENS");
    expect(one("content_filter", "content_filter").finishReason).toBe("SAFETY");
    expect(one("content_filter", "RECITATION").finishReason).toBe("RECITATION");
    expect(one("stop", "end_turn", "").content.parts).toEqual([{ text: "" }]);
  });

  it("answers several choices as several candidates", () => {
    const base = response(openaiTools);
    const two = { ...base, choices: [0, 1].map((index) => ({ index, message: { role: "assistant" as const, content: `answer ${index}` }, finish_reason: "stop" as const })) };
    expect(chatResponseToGemini(two).candidates.map((c) => [c.index, c.content.parts])).toEqual([[0, [{ text: "answer 0" }]], [1, [{ text: "answer 1" }]]]);
  });
});

describe("Gemini errors", () => {
  it("uses Google's status names", () => {
    expect(geminiStatus("invalid_request_error", 400)).toBe("INVALID_ARGUMENT");
    expect(geminiStatus("authentication_error", 401)).toBe("UNAUTHENTICATED");
    expect(geminiStatus("permission_error", 403)).toBe("PERMISSION_DENIED");
    expect(geminiStatus("rate_limit_error", 429)).toBe("RESOURCE_EXHAUSTED");
    expect(geminiStatus("overloaded_error", 529)).toBe("UNAVAILABLE");
    expect(geminiStatus("timeout_error", 504)).toBe("DEADLINE_EXCEEDED");
    expect(geminiStatus(undefined, 418)).toBe("INVALID_ARGUMENT");
  });

  it("renders `{error:{code,message,status}}` with the status and retry-after", async () => {
    expect(geminiErrorBody(notFound("models/nope is not found"))).toEqual({ error: { code: 404, message: "models/nope is not found", status: "NOT_FOUND" } });
    expect(geminiErrorBody(badRequest("bad"))).toEqual({ error: { code: 400, message: "bad", status: "INVALID_ARGUMENT" } });
    const res = geminiErrorResponse(new GatewayError(503, "service_unavailable", "No credential is available", { retryAfterMs: 30_000 }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toEqual({ error: { code: 503, message: "No credential is available", status: "UNAVAILABLE" } });
  });
});
