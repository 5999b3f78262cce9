import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/providers/shared/test-context";
import type { ChatChunk } from "@/lib/providers/types";
import { fixture, replayFailingStream, replayStream } from "@/test/support/sse-fixture";
import { JSON_TOOL } from "./request";
import { createAnthropicStreamTransformer } from "./stream";

const ctx = testContext({ provider: "anthropic", baseUrl: "https://api.anthropic.com", model: "claude-sonnet-4-5" });
const replay = (name: string) => replayStream(fixture("anthropic", name), createAnthropicStreamTransformer(ctx));
const deltas = (chunks: ChatChunk[]) => chunks.map((c) => c.choices[0].delta);
const joined = (chunks: ChatChunk[], key: "content" | "reasoning") => deltas(chunks).map((d) => d[key] ?? "").join("");

describe("createAnthropicStreamTransformer", () => {
  it("streams text: a role chunk first, text deltas, then finish and usage with cache writes", async () => {
    const chunks = await replay("stream-text.sse");
    expect(deltas(chunks)).toEqual([{ role: "assistant", content: "" }, { content: "Hello" }, { content: "! How can I" }, { content: " help you today?" }, {}]);
    expect(chunks.every((c) => c.id === "gen-test-1" && c.model === "claude-haiku-4-5-20251001")).toBe(true);
    expect(chunks.at(-1)).toMatchObject({
      choices: [{ finish_reason: "stop", native_finish_reason: "end_turn" }],
      usage: { prompt_tokens: 1554, completion_tokens: 12, total_tokens: 1566, prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 1536 } },
    });
  });

  it("streams thinking with its signature, text, and a tool call in fragments", async () => {
    const chunks = await replay("stream-thinking-tool.sse");
    expect(joined(chunks, "reasoning")).toBe("The user wants the weather. I should call the tool.");
    expect(deltas(chunks).flatMap((d) => d.reasoning_details ?? []).filter((r) => r.signature)).toEqual([
      { type: "reasoning.text", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds", format: "anthropic" },
    ]);
    expect(joined(chunks, "content")).toBe("Let me check that for you.");
    const calls = deltas(chunks).flatMap((d) => d.tool_calls ?? []);
    expect(calls[0]).toEqual({ index: 0, id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", type: "function", function: { name: "get_weather", arguments: "" } });
    expect(calls.slice(1)).toEqual([{ index: 0, function: { arguments: "{\"location\": \"San Fra" } }, { index: 0, function: { arguments: "ncisco, CA\"}" } }]);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "tool_calls", native_finish_reason: "tool_use" }], usage: { prompt_tokens: 572, completion_tokens: 89, prompt_tokens_details: { cached_tokens: 100 } } });
  });

  it("counts tool-call indexes among tool calls only, for parallel calls after text", async () => {
    const chunks = await replay("stream-parallel-tools.sse");
    const calls = deltas(chunks).flatMap((d) => d.tool_calls ?? []);
    expect(calls.filter((c) => c.id).map((c) => [c.index, c.id])).toEqual([[0, "toolu_01D7FLrfh4GYq7yT1ULFeyMV"], [1, "toolu_01GpKz4Wm8NvXq2Ty6RcLsHe"]]);
    const args = (index: number) => calls.filter((c) => c.index === index).map((c) => c.function?.arguments ?? "").join("");
    expect(JSON.parse(args(0))).toEqual({ location: "Paris, France" });
    expect(JSON.parse(args(1))).toEqual({ location: "Tokyo, Japan" });
  });

  it("ends with an error chunk on Anthropic's error event, after what came before", async () => {
    // Anthropic's error event ends the answer with an error chunk rather than failing the stream.
    const chunks = await replay("stream-overloaded.sse");
    expect(joined(chunks, "content")).toBe("Partial");
    expect(chunks.at(-1)).toMatchObject({
      id: "gen-test-1",
      choices: [{ delta: {}, finish_reason: "error" }],
      error: { message: "Overloaded", type: "overloaded_error", code: 529, metadata: { provider: "anthropic" } },
    });
  });

  it("streams the forced JSON tool's input as content and finishes with stop", async () => {
    const events = [
      { type: "message_start", message: { model: "claude-sonnet-4-20250514", usage: { input_tokens: 5, output_tokens: 1 } } },
      { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "toolu_j", name: JSON_TOOL, input: {} } },
      { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: "{\"a\":" } },
      { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: "1}" } },
      { type: "message_delta", delta: { stop_reason: "tool_use" }, usage: { output_tokens: 9 } },
      { type: "message_stop" },
    ];
    const sse = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("");
    const chunks = await replayStream(sse, createAnthropicStreamTransformer(ctx));
    expect(joined(chunks, "content")).toBe("{\"a\":1}");
    expect(deltas(chunks).some((d) => d.tool_calls)).toBe(false);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe("stop");
  });

  it("fails a stream cut before the message finished", async () => {
    const cut = fixture("anthropic", "stream-text.sse").split("event: content_block_stop")[0];
    const { chunks, error } = await replayFailingStream(cut, createAnthropicStreamTransformer(ctx));
    expect(joined(chunks, "content")).toBe("Hello! How can I help you today?");
    expect(error).toMatchObject({ status: 502, message: "anthropic stream ended before the message was complete" });
  });
});
