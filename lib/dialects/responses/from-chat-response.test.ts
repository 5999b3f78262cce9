import type OpenAI from "openai";
import { describe, expect, it } from "vitest";
import type { ChatResponse } from "@/lib/providers/types";
import anthropicThinking from "../fixtures/responses/anthropic-thinking.json";
import geminiCall from "../fixtures/responses/gemini-function-call.json";
import openaiTools from "../fixtures/responses/openai-tools.json";
import { chatResponseToResponses } from "./from-chat-response";
import { normalizeInput } from "./input-items";
import { decodeReasoning } from "./reasoning-state";
import { responsesRequestSchema } from "./schema";
import { testEnvelope } from "./test-envelope";
import { itemsToChatMessages } from "./to-chat-messages";
import type { ResponsesResponse } from "./types";

const response = (fixture: unknown) => structuredClone(fixture) as ChatResponse;

// Compile-time: what we answer is what the openai SDK's types describe (fields echoing the request aside).
type Echoed = "output_text" | "tools" | "tool_choice" | "text" | "reasoning" | "user";
export const sdkShaped = (ours: ResponsesResponse): Omit<OpenAI.Responses.Response, Echoed> => ({ ...ours, usage: ours.usage ?? undefined });

describe("chatResponseToResponses", () => {
  it("answers text and parallel calls as a message item and one function_call item per call", () => {
    const answer = chatResponseToResponses(response(openaiTools), testEnvelope({ tools: [{ type: "function", name: "get_weather", parameters: {} }] }));
    expect(answer).toMatchObject({
      id: "resp_test1", object: "response", created_at: 1_760_000_000, status: "completed", error: null, incomplete_details: null,
      model: "gpt-4o-2024-08-06", store: true, parallel_tool_calls: true, tool_choice: "auto", truncation: "disabled",
      tools: [{ type: "function", name: "get_weather", parameters: {}, description: null, strict: null }],
    });
    expect(answer.output).toEqual([
      { id: expect.stringMatching(/^msg_[0-9a-f]{32}$/), type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Checking both.", annotations: [], logprobs: [] }] },
      { id: expect.stringMatching(/^fc_/), type: "function_call", status: "completed", call_id: "call_Xa1fPq2", name: "get_weather", arguments: '{"city":"Paris"}' },
      { id: expect.stringMatching(/^fc_/), type: "function_call", status: "completed", call_id: "call_Xb2kLm7", name: "get_weather", arguments: '{"city":"Tokyo"}' },
    ]);
    expect(answer.usage).toEqual({ input_tokens: 120, input_tokens_details: { cached_tokens: 20, cache_write_tokens: 0 }, output_tokens: 45, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 165 });
  });

  it("puts signed thinking and redacted thinking in one reasoning item that hands them back unchanged", () => {
    const answer = chatResponseToResponses(response(anthropicThinking), testEnvelope());
    const [reasoning, message] = answer.output;
    expect(reasoning).toMatchObject({ type: "reasoning", summary: [{ type: "summary_text", text: "Recall the tool result." }] });
    expect(message).toMatchObject({ type: "message", content: [{ text: "It is 18°C in Paris." }] });
    const items = normalizeInput(responsesRequestSchema.parse({ model: "m", input: answer.output }).input, []).items;
    expect(itemsToChatMessages(items).messages).toEqual([{ role: "assistant", content: "It is 18°C in Paris.", reasoning: "Recall the tool result.", reasoning_details: anthropicThinking.choices[0].message.reasoning_details }]);
  });

  it("keeps a Gemini thought signature with the call it came with", () => {
    const answer = chatResponseToResponses(response(geminiCall), testEnvelope());
    expect(answer.output.map((item) => item.type)).toEqual(["reasoning", "function_call"]);
    expect(decodeReasoning((answer.output[0] as { encrypted_content: string }).encrypted_content)).toEqual([
      { type: "reasoning.text", text: "", format: "gemini", signature: "CiQB0e2Kb2xV8nQp1n0mZ3hU9y0rK3tC8bE5dW1aF4gH6jL2sN0=" },
    ]);
    expect(answer.usage).toMatchObject({ input_tokens_details: { cached_tokens: 8 }, output_tokens_details: { reasoning_tokens: 12 } });
  });

  it("is incomplete, with the reason, when the token limit cut the answer", () => {
    const cut = response(openaiTools);
    cut.choices[0] = { ...cut.choices[0], message: { role: "assistant", content: "Half an ans" }, finish_reason: "length" };
    expect(chatResponseToResponses(cut, testEnvelope({ max_output_tokens: 3 }))).toMatchObject({
      status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, max_output_tokens: 3, output: [{ type: "message", status: "incomplete" }],
    });
  });
});
