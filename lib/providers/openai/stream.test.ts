import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import type { ChatChunk } from "@/lib/providers/types";
import { fixture, replayFailingStream, replayStream } from "@/test/support/sse-fixture";
import { createOpenAiStreamTransformer } from "./stream";

const replay = (name: string, provider = "openai") => replayStream(fixture("openai", name), createOpenAiStreamTransformer(testContext({ provider })));
const text = (chunks: ChatChunk[], key: "content" | "reasoning") => chunks.map((c) => c.choices[0]?.delta[key] ?? "").join("");

describe("createOpenAiStreamTransformer", () => {
  it("rewrites ids, passes text deltas, the finish reason and the trailing usage, and ignores [DONE]", async () => {
    const chunks = await replay("stream-text.sse");
    expect(chunks).toHaveLength(12);
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set(["gen-test-1"]));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    expect(text(chunks, "content")).toBe("Hello! How can I help you today?");
    expect(chunks[10].choices[0]).toEqual({ index: 0, delta: {}, finish_reason: "stop", native_finish_reason: "stop" });
    expect(chunks[11]).toMatchObject({ choices: [], model: "gpt-4o-mini-2024-07-18", usage: { prompt_tokens: 1290, completion_tokens: 10, total_tokens: 1300, prompt_tokens_details: { cached_tokens: 1152 } } });
  });

  it("passes parallel tool-call fragments with their indexes", async () => {
    const chunks = await replay("stream-parallel-tools.sse");
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls[0]).toEqual({ index: 0, id: "call_Lm4P9xT2qW7nKc1sVb8Rz3Hy", type: "function", function: { name: "get_weather", arguments: "" } });
    const args = (index: number) => calls.filter((c) => c.index === index).map((c) => c.function?.arguments ?? "").join("");
    expect(JSON.parse(args(0))).toEqual({ location: "Paris, France" });
    expect(JSON.parse(args(1))).toEqual({ location: "Tokyo, Japan" });
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe("tool_calls");
  });

  it("streams DeepSeek's reasoning_content as reasoning, then content, with usage on the last chunk", async () => {
    const chunks = await replay("stream-deepseek-reasoning.sse", "deepseek");
    expect(text(chunks, "reasoning")).toBe("Compare the tenths digit: 1 < 8.");
    expect(text(chunks, "content")).toBe("9.11 is smaller.");
    expect(chunks.every((c) => !("reasoning_content" in c.choices[0].delta))).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { completion_tokens: 96, completion_tokens_details: { reasoning_tokens: 81 }, prompt_tokens_details: { cached_tokens: 0 } } });
  });

  it("ends with an error chunk when the upstream reports an error mid-stream", async () => {
    // OpenRouter's mid-stream error is a chunk of the answer, not a failed stream.
    const chunks = await replay("stream-error-midstream.sse", "openrouter");
    expect(text(chunks, "content")).toBe("The answer is");
    expect(chunks.at(-1)).toMatchObject({
      id: "gen-test-1",
      choices: [{ delta: {}, finish_reason: "error" }],
      error: { message: "Provider disconnected unexpectedly", code: "server_error", metadata: { provider: "openrouter" } },
    });
  });

  it("reads Groq's usage from x_groq", async () => {
    const sse = `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"llama-3.3-70b-versatile","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"x_groq":{"id":"req_01","usage":{"prompt_tokens":40,"completion_tokens":12,"total_tokens":52}}}\n\ndata: [DONE]\n\n`;
    const chunks = await replayStream(sse, createOpenAiStreamTransformer(testContext({ provider: "groq" })));
    expect(chunks).toHaveLength(1);
    expect(chunks[0].usage).toEqual({ prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 });
  });

  it("fails the stream on an event that is not JSON", async () => {
    const { chunks, error } = await replayFailingStream("data: {\"choices\": [oops\n\n", createOpenAiStreamTransformer(testContext()));
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ status: 502, message: "openai sent a malformed stream event" });
  });
});
