import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import type { ChatChunk, SseEvent } from "@/lib/providers/types";
import { emptyNativeAnswer, nativeAnswerReader } from "./native-answer";

const ctx = testContext({ provider: "openai", model: "gpt-4o" });
const usage = { input_tokens: 12, input_tokens_details: { cached_tokens: 4 }, output_tokens: 7, output_tokens_details: { reasoning_tokens: 2 }, total_tokens: 19 };
const fresh = emptyNativeAnswer;

function read(events: Array<Record<string, unknown>>, answer = fresh()): ChatChunk[] {
  const chunks: ChatChunk[] = [];
  const transformer = nativeAnswerReader(answer).createStreamTransformer(ctx);
  const controller = { enqueue: (chunk: ChatChunk) => chunks.push(chunk) } as unknown as TransformStreamDefaultController<ChatChunk>;
  events.forEach((event, sequence_number) => transformer.transform({ event: String(event.type), data: JSON.stringify({ ...event, sequence_number }) } satisfies SseEvent, controller));
  return chunks;
}

describe("nativeAnswerReader (OpenAI's own Responses answer, read aside)", () => {
  it("reads a stream's text, calls and final usage for the usage row, and keeps the final response to store", () => {
    const answer = fresh();
    const completed = { id: "resp_1", status: "completed", model: "gpt-4o-2024-08-06", output: [{ type: "function_call" }], usage };
    const chunks = read([
      { type: "response.created", response: { id: "resp_1", status: "in_progress", output: [] } },
      { type: "response.output_text.delta", delta: "Hi" },
      { type: "response.function_call_arguments.delta", output_index: 1, delta: '{"a":1}' },
      { type: "response.completed", response: completed },
    ], answer);
    expect(chunks.map((c) => c.choices[0].delta)).toEqual([{ content: "Hi" }, { tool_calls: [{ index: 1, function: { arguments: '{"a":1}' } }] }, {}]);
    expect(chunks[2]).toMatchObject({ model: "gpt-4o-2024-08-06", choices: [{ finish_reason: "tool_calls" }], usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 2 } } });
    expect(answer).toEqual({ latest: completed, final: completed, finalEvent: { type: "response.completed", response: completed, sequence_number: 3 }, usage: chunks[2].usage, lastSequence: 3 });
  });

  it("turns response.failed and error events into the failure that ends the stream", () => {
    const [failed] = read([{ type: "response.failed", response: { status: "failed", error: { code: "server_error", message: "boom" }, output: [] } }]);
    expect(failed.error).toMatchObject({ message: "boom", code: "server_error" });
    const [errored] = read([{ type: "error", code: "rate_limit_exceeded", message: "slow down" }]);
    expect(errored.error).toMatchObject({ message: "slow down", code: "rate_limit_exceeded" });
  });

  it("reads a JSON answer's usage and finish, keeps it, and refuses what is not a response", () => {
    const answer = fresh();
    const body = { id: "resp_2", status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, model: "gpt-4o", output: [{ type: "message", content: [{ type: "output_text", text: "Cut" }] }], usage };
    expect(nativeAnswerReader(answer).parseChatResponse(body, ctx)).toMatchObject({ choices: [{ message: { content: "Cut" }, finish_reason: "length" }], usage: { prompt_tokens: 12, completion_tokens: 7 } });
    expect(answer.final).toBe(body);
    expect(() => nativeAnswerReader(fresh()).parseChatResponse({ choices: [] }, ctx)).toThrow(/malformed Responses/);
  });
});
