import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import anthropicThinking from "../fixtures/chunks/anthropic-thinking-tool.json";
import errorMidStream from "../fixtures/chunks/error-mid-stream.json";
import geminiThought from "../fixtures/chunks/gemini-thought-call.json";
import openaiParallel from "../fixtures/chunks/openai-parallel-tools.json";
import anthropicResponse from "../fixtures/responses/anthropic-thinking.json";
import { encodeChunks, parseSse, replayServer } from "../fixtures/stream-helpers";
import type { ChatResponse } from "@/lib/providers/types";
import { chatResponseToAnthropic } from "./from-chat-response";
import { anthropicStreamEncoder } from "./stream";

const SIG = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds";
const THINKING_START = { type: "thinking", thinking: "", signature: "" };

async function events(chunks: unknown[]) {
  const text = await encodeChunks(chunks, anthropicStreamEncoder());
  const frames = parseSse(text);
  for (const frame of frames) expect(frame.event).toBe((frame.data as { type: string }).type);
  return frames.map((f) => f.data);
}

/** Our bytes served by a local server and read back by the official SDK's stream machinery. */
async function throughSdk(chunks: unknown[]) {
  const server = await replayServer(await encodeChunks(chunks, anthropicStreamEncoder()), "text/event-stream");
  try {
    const client = new Anthropic({ apiKey: "x", baseURL: server.url, maxRetries: 0 });
    return await client.messages.stream({ model: "any", max_tokens: 1024, messages: [{ role: "user", content: "hi" }] }).finalMessage();
  } finally {
    await server.close();
  }
}

describe("anthropicStreamEncoder", () => {
  it("streams thinking with its signature, text and a tool call as Anthropic's event sequence", async () => {
    expect(await events(anthropicThinking)).toEqual([
      { type: "message_start", message: { id: "msg_01JZ8R0C2D", type: "message", role: "assistant", model: "claude-sonnet-4-5-20250929", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } } },
      { type: "ping" },
      { type: "content_block_start", index: 0, content_block: THINKING_START },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "The user wants the weather. " } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "I should call the tool." } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: SIG } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Let me check " } },
      { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "that for you." } },
      { type: "content_block_stop", index: 1 },
      { type: "content_block_start", index: 2, content_block: { type: "tool_use", id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", input: {} } },
      { type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: '{"city": ' } },
      { type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: '"Paris"}' } },
      { type: "content_block_stop", index: 2 },
      { type: "message_delta", delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { input_tokens: 472, output_tokens: 89, cache_read_input_tokens: 100, cache_creation_input_tokens: 0 } },
      { type: "message_stop" },
    ]);
  });

  it("gives each parallel tool call its own block, closing the previous one first", async () => {
    const sequence = (await events(openaiParallel)) as Array<{ type: string; index?: number; delta?: unknown; content_block?: unknown }>;
    expect(sequence.slice(2).map((e) => [e.type, e.index ?? null, e.content_block ?? e.delta ?? null])).toEqual([
      ["content_block_start", 0, { type: "text", text: "" }],
      ["content_block_delta", 0, { type: "text_delta", text: "Let me check " }],
      ["content_block_delta", 0, { type: "text_delta", text: "both cities." }],
      ["content_block_stop", 0, null],
      ["content_block_start", 1, { type: "tool_use", id: "call_Xa1fPq2", name: "get_weather", input: {} }],
      ["content_block_delta", 1, { type: "input_json_delta", partial_json: '{"city":' }],
      ["content_block_delta", 1, { type: "input_json_delta", partial_json: ' "Paris"}' }],
      ["content_block_stop", 1, null],
      ["content_block_start", 2, { type: "tool_use", id: "call_Xb2kLm7", name: "get_weather", input: {} }],
      ["content_block_delta", 2, { type: "input_json_delta", partial_json: '{"city": "Tokyo"}' }],
      ["content_block_stop", 2, null],
      ["message_delta", null, { stop_reason: "tool_use", stop_sequence: null }],
      ["message_stop", null, null],
    ]);
    expect(sequence.at(-2)).toMatchObject({ usage: { input_tokens: 100, output_tokens: 45, cache_read_input_tokens: 20 } });
  });

  it("ends with an error event, and nothing after it, when the upstream fails mid-stream", async () => {
    expect((await events(errorMidStream)).slice(2)).toEqual([
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Partial ans" } },
      { type: "content_block_stop", index: 0 },
      { type: "error", error: { type: "api_error", message: "openai stream failed: terminated" } },
    ]);
  });

  it("frames events exactly as Anthropic does", async () => {
    const text = await encodeChunks(errorMidStream.slice(0, 1), anthropicStreamEncoder());
    expect(text.split("\n\n")[1]).toBe('event: ping\ndata: {"type":"ping"}');
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
  });

  it("still sends a whole message when no chunk arrived, with the input tokens counted beforehand", async () => {
    const text = await encodeChunks([], anthropicStreamEncoder({ id: "gen-x1", model: "gpt-4o", inputTokens: 12 }));
    expect(parseSse(text).map((f) => f.data)).toEqual([
      expect.objectContaining({ type: "message_start", message: expect.objectContaining({ id: "msg_x1", model: "gpt-4o", usage: expect.objectContaining({ input_tokens: 12 }) }) }),
      { type: "ping" },
      { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 0 } },
      { type: "message_stop" },
    ]);
  });

  it("puts redacted thinking in its own block and tags a Gemini signature", async () => {
    const chunk = (delta: unknown) => ({ ...geminiThought[0], choices: [{ index: 0, delta, finish_reason: null }] });
    const sequence = await events([chunk({ reasoning_details: [{ type: "reasoning.encrypted", data: "EmwKAhgB", format: "anthropic" }] }), ...geminiThought]);
    expect(sequence.slice(2, 4)).toEqual([
      { type: "content_block_start", index: 0, content_block: { type: "redacted_thinking", data: "EmwKAhgB" } },
      { type: "content_block_stop", index: 0 },
    ]);
    expect(sequence).toContainEqual({ type: "content_block_delta", index: 3, delta: { type: "signature_delta", signature: "gemini:CiQB0e2Kb2xV8nQp1n0mZ3hU9y0rK3tC8bE5dW1aF4gH6jL2sN0=" } });
  });
});

describe("the Anthropic SDK reading our stream", () => {
  it("assembles thinking, signature, text and tool input", async () => {
    const message = await throughSdk(anthropicThinking);
    expect(message.content).toEqual([
      { type: "thinking", thinking: "The user wants the weather. I should call the tool.", signature: SIG },
      { type: "text", text: "Let me check that for you." },
      { type: "tool_use", id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", input: { city: "Paris" } },
    ]);
    expect(message).toMatchObject({ id: "msg_01JZ8R0C2D", stop_reason: "tool_use", usage: { input_tokens: 472, output_tokens: 89, cache_read_input_tokens: 100 } });
  });

  it("assembles parallel tool calls", async () => {
    const message = await throughSdk(openaiParallel);
    expect(message.content.filter((b) => b.type === "tool_use").map((b) => (b as Anthropic.ToolUseBlock).input)).toEqual([{ city: "Paris" }, { city: "Tokyo" }]);
  });

  it("raises the error event as an API error", async () => {
    const failure = await throughSdk(errorMidStream).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect((failure as InstanceType<typeof Anthropic.APIError>).error).toEqual({ type: "error", error: { type: "api_error", message: "openai stream failed: terminated" } });
  });

  it("reads a non-streamed message", async () => {
    const server = await replayServer(JSON.stringify(chatResponseToAnthropic(structuredClone(anthropicResponse) as ChatResponse)), "application/json");
    try {
      const client = new Anthropic({ apiKey: "x", baseURL: server.url, maxRetries: 0 });
      const message = await client.messages.create({ model: "any", max_tokens: 64, messages: [{ role: "user", content: "hi" }] });
      expect(message.content.map((b) => b.type)).toEqual(["thinking", "redacted_thinking", "text"]);
      expect(message).toMatchObject({ stop_reason: "end_turn", usage: { input_tokens: 45, cache_read_input_tokens: 2000 } });
      expect(server.requests[0]).toMatchObject({ method: "POST", url: "/v1/messages" });
    } finally {
      await server.close();
    }
  });
});
