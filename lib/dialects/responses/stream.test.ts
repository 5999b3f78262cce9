import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import anthropicThinking from "../fixtures/chunks/anthropic-thinking-tool.json";
import errorMidStream from "../fixtures/chunks/error-mid-stream.json";
import geminiThought from "../fixtures/chunks/gemini-thought-call.json";
import openaiParallel from "../fixtures/chunks/openai-parallel-tools.json";
import { encodeChunks, parseSse, replayServer } from "../fixtures/stream-helpers";
import { decodeReasoning } from "./reasoning-state";
import { responsesStreamEncoder } from "./stream";
import { testEnvelope } from "./test-envelope";
import type { ResponsesResponse } from "./types";

type Event = Record<string, any> & { type: string; sequence_number: number };

async function events(chunks: unknown[], envelope = testEnvelope()): Promise<Event[]> {
  const frames = parseSse(await encodeChunks(chunks, responsesStreamEncoder(envelope)));
  for (const frame of frames) expect(frame.event).toBe((frame.data as Event).type);
  const sequence = frames.map((f) => f.data as Event);
  expect(sequence.map((e) => e.sequence_number)).toEqual(sequence.map((_, i) => i));
  return sequence;
}

/** Our bytes served by a local server and read back by the official SDK's Responses stream helper. */
async function throughSdk(chunks: unknown[]) {
  const server = await replayServer(await encodeChunks(chunks, responsesStreamEncoder(testEnvelope())), "text/event-stream");
  try {
    const client = new OpenAI({ apiKey: "x", baseURL: server.url, maxRetries: 0 });
    const stream = client.responses.stream({ model: "any/model", input: "hi" });
    const seen: string[] = [];
    stream.on("event", (event) => seen.push(event.type));
    return { response: await stream.finalResponse(), seen };
  } finally {
    await server.close();
  }
}

const brief = (e: Event) => [e.type, e.output_index ?? null, e.delta ?? e.text ?? e.arguments ?? null];

describe("responsesStreamEncoder", () => {
  it("streams thinking as a reasoning summary, then the text, then a function call, numbered from 0", async () => {
    const sequence = await events(anthropicThinking);
    expect(sequence.map(brief)).toEqual([
      ["response.created", null, null],
      ["response.in_progress", null, null],
      ["response.output_item.added", 0, null],
      ["response.reasoning_summary_part.added", 0, null],
      ["response.reasoning_summary_text.delta", 0, "The user wants the weather. "],
      ["response.reasoning_summary_text.delta", 0, "I should call the tool."],
      ["response.reasoning_summary_text.done", 0, "The user wants the weather. I should call the tool."],
      ["response.reasoning_summary_part.done", 0, null],
      ["response.output_item.done", 0, null],
      ["response.output_item.added", 1, null],
      ["response.content_part.added", 1, null],
      ["response.output_text.delta", 1, "Let me check "],
      ["response.output_text.delta", 1, "that for you."],
      ["response.output_text.done", 1, "Let me check that for you."],
      ["response.content_part.done", 1, null],
      ["response.output_item.done", 1, null],
      ["response.output_item.added", 2, null],
      ["response.function_call_arguments.delta", 2, '{"city": '],
      ["response.function_call_arguments.delta", 2, '"Paris"}'],
      ["response.function_call_arguments.done", 2, '{"city": "Paris"}'],
      ["response.output_item.done", 2, null],
      ["response.completed", null, null],
    ]);
    expect(sequence[0].response).toMatchObject({ id: "resp_test1", object: "response", status: "in_progress", model: "claude-sonnet-4-5-20250929", output: [], usage: null });
    const [reasoning, message, call] = sequence.filter((e) => e.type === "response.output_item.added").map((e) => e.item.id as string);
    expect([reasoning, message, call].map((id) => id.split("_")[0])).toEqual(["rs", "msg", "fc"]);
    for (const event of sequence.filter((e) => e.item_id)) expect([reasoning, message, call][event.output_index]).toBe(event.item_id);
    const completed = sequence.at(-1)!.response as ResponsesResponse;
    expect(completed.output).toEqual([
      { id: reasoning, type: "reasoning", summary: [{ type: "summary_text", text: "The user wants the weather. I should call the tool." }], encrypted_content: expect.stringMatching(/^oauthrouter\.v1\./) },
      { id: message, type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Let me check that for you.", annotations: [], logprobs: [] }] },
      { id: call, type: "function_call", status: "completed", call_id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", arguments: '{"city": "Paris"}' },
    ]);
    // The thinking comes back, signed, when the item is sent again.
    expect(decodeReasoning((completed.output[0] as { encrypted_content: string }).encrypted_content)).toEqual([
      { type: "reasoning.text", text: "The user wants the weather. I should call the tool.", format: "anthropic", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds" },
    ]);
    expect(completed).toMatchObject({ status: "completed", error: null, incomplete_details: null });
    expect(completed.usage).toEqual({ input_tokens: 572, input_tokens_details: { cached_tokens: 100, cache_write_tokens: 0 }, output_tokens: 89, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 661 });
  });

  it("gives each parallel tool call its own function_call item, done before the next is added", async () => {
    const sequence = await events(openaiParallel);
    expect(sequence.slice(2).filter((e) => !e.type.startsWith("response.output_text") && !e.type.startsWith("response.content_part")).map(brief)).toEqual([
      ["response.output_item.added", 0, null],
      ["response.output_item.done", 0, null],
      ["response.output_item.added", 1, null],
      ["response.function_call_arguments.delta", 1, '{"city":'],
      ["response.function_call_arguments.delta", 1, ' "Paris"}'],
      ["response.function_call_arguments.done", 1, '{"city": "Paris"}'],
      ["response.output_item.done", 1, null],
      ["response.output_item.added", 2, null],
      ["response.function_call_arguments.delta", 2, '{"city": "Tokyo"}'],
      ["response.function_call_arguments.done", 2, '{"city": "Tokyo"}'],
      ["response.output_item.done", 2, null],
      ["response.completed", null, null],
    ]);
    const calls = (sequence.at(-1)!.response as ResponsesResponse).output.filter((item) => item.type === "function_call");
    expect(calls.map((c) => [c.call_id, c.name])).toEqual([["call_Xa1fPq2", "get_weather"], ["call_Xb2kLm7", "get_weather"]]);
  });

  it("keeps a Gemini thought signature that arrives with the call in a reasoning item of its own", async () => {
    const output = ((await events(geminiThought)).at(-1)!.response as ResponsesResponse).output;
    expect(output.map((item) => item.type)).toEqual(["reasoning", "message", "reasoning", "function_call"]);
    const signed = decodeReasoning((output[2] as { encrypted_content: string }).encrypted_content)!;
    expect(signed).toEqual([expect.objectContaining({ format: "gemini", signature: expect.stringMatching(/^CiQB/) })]);
  });

  it("ends with response.failed carrying the error, and nothing after it, when the upstream fails mid-stream", async () => {
    const sequence = await events(errorMidStream);
    expect(sequence.map((e) => e.type)).toEqual([
      "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added", "response.output_text.delta", "response.failed",
    ]);
    expect(sequence.at(-1)!.response).toMatchObject({
      status: "failed",
      error: { code: "server_error", message: "openai stream failed: terminated" },
      output: [{ type: "message", status: "incomplete", content: [{ type: "output_text", text: "Partial ans" }] }],
    });
  });

  it("answers response.incomplete with the reason when the token limit cut the answer", async () => {
    const chunks = [{ ...errorMidStream[1] }, { ...errorMidStream[1], choices: [{ index: 0, delta: {}, finish_reason: "length" }] }];
    const last = (await events(chunks)).at(-1)!;
    expect(last.type).toBe("response.incomplete");
    expect(last.response).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, output: [{ type: "message", status: "incomplete" }] });
  });

  it("adds a web search citation to the text with its own event", async () => {
    const cite = { type: "url_citation", url_citation: { url: "https://example.com/a", title: "A", start_index: 0, end_index: 5 } };
    const chunk = { ...errorMidStream[1], choices: [{ index: 0, delta: { content: "Hello", annotations: [cite] }, finish_reason: "stop" }] };
    const sequence = await events([chunk]);
    expect(sequence.find((e) => e.type === "response.output_text.annotation.added")).toMatchObject({
      output_index: 0, content_index: 0, annotation_index: 0, annotation: { type: "url_citation", url: "https://example.com/a", title: "A", start_index: 0, end_index: 5 },
    });
    expect((sequence.at(-1)!.response as ResponsesResponse).output[0]).toMatchObject({ content: [{ annotations: [{ url: "https://example.com/a" }] }] });
  });

  it("still sends a whole, empty response when no chunk arrived", async () => {
    expect((await events([])).map((e) => [e.type, e.response?.status])).toEqual([
      ["response.created", "in_progress"], ["response.in_progress", "in_progress"], ["response.completed", "completed"],
    ]);
  });

  it("is read by the openai SDK's stream helper into the same response it ends with", async () => {
    const { response, seen } = await throughSdk(anthropicThinking);
    const ours = (await events(anthropicThinking)).at(-1)!.response as ResponsesResponse;
    expect(seen).toEqual((await events(anthropicThinking)).map((e) => e.type));
    expect(response.output_text).toBe("Let me check that for you.");
    expect(response.output.map((item) => item.type)).toEqual(ours.output.map((item) => item.type));
    expect(response.output[2]).toMatchObject({ type: "function_call", arguments: '{"city": "Paris"}', call_id: "toolu_01A09q90qw90lq917835lq9" });
    expect(response.usage).toEqual(ours.usage);
  });
});
