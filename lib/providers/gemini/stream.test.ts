import { describe, expect, it } from "vitest";
import type { UpstreamContext } from "@/lib/providers/types";
import { fixture, replayFailingStream, replayStream } from "@/test/support/sse-fixture";
import { createGeminiStreamTransformer } from "./stream";

const ctx: UpstreamContext = {
  provider: "google", baseUrl: "https://generativelanguage.googleapis.com", model: "gemini-2.5-flash", id: "gen-mf3k2a9QxYz", created: 1_750_000_000,
  credential: { secret: "AIzaSyFakeKey", kind: "api_key" },
};
const replay = (text: string) => replayStream(text, createGeminiStreamTransformer(ctx));
const replayFailing = (text: string) => replayFailingStream(text, createGeminiStreamTransformer(ctx));

describe("Gemini stream conversion", () => {
  it("streams a role chunk, thought summary, text, then finish and cached usage in the last chunk", async () => {
    const chunks = await replay(fixture("gemini", "stream-text.sse"));
    const deltas = chunks.map((c) => c.choices[0].delta);
    expect(deltas[0]).toEqual({ role: "assistant", content: "" });
    expect(deltas.map((d) => d.reasoning ?? "").join("")).toMatch(/^\*\*Recalling the poem's opening\*\*[\s\S]*quote it directly\.\n$/);
    expect(deltas.map((d) => d.content ?? "").join("")).toBe("The first line reads: “Shall I compare thee to a summer’s day?”");
    const last = chunks.at(-1)!;
    expect(last.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: "stop", native_finish_reason: "STOP" });
    expect(last.usage).toEqual({ prompt_tokens: 1290, completion_tokens: 133, total_tokens: 1423, prompt_tokens_details: { cached_tokens: 1024 }, completion_tokens_details: { reasoning_tokens: 112 } });
    expect(chunks.slice(0, -1).every((c) => c.usage === undefined && c.choices[0].finish_reason === null)).toBe(true);
  });

  it("streams parallel function calls whole, with ids, the signature tagged to its call, and a tool_calls finish", async () => {
    const chunks = await replay(fixture("gemini", "stream-function-calls.sse"));
    const deltas = chunks.map((c) => c.choices[0].delta);
    expect(deltas.map((d) => d.content ?? "").join("")).toBe("I'll check both cities.");
    expect(deltas.flatMap((d) => d.tool_calls ?? [])).toEqual([
      { index: 0, id: "call_mf3k2a9QxYz_0", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Paris\"}" } },
      { index: 1, id: "call_mf3k2a9QxYz_1", type: "function", function: { name: "get_weather", arguments: "{\"city\":\"Tokyo\"}" } },
    ]);
    expect(deltas.flatMap((d) => d.reasoning_details ?? [])).toEqual([{ type: "reasoning.encrypted", signature: expect.stringMatching(/^EsgD/), format: "gemini", id: "call_mf3k2a9QxYz_0" }]);
    const last = chunks.at(-1)!;
    expect(last.choices[0]).toMatchObject({ finish_reason: "tool_calls", native_finish_reason: "STOP" });
    expect(last.model).toBe("gemini-3-pro-preview");
    expect(last.usage).toMatchObject({ prompt_tokens: 96, completion_tokens: 152, completion_tokens_details: { reasoning_tokens: 118 } });
  });

  it("fails the stream on Gemini's error event, after the text that came before", async () => {
    const { chunks, error } = await replayFailing(fixture("gemini", "stream-overloaded.sse"));
    expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toBe("Once upon a time, in a quiet village");
    expect(error).toMatchObject({ status: 502, message: "google: The model is overloaded. Please try again later.", metadata: { upstream_type: "UNAVAILABLE" } });
  });

  it("ends a blocked prompt with content_filter and the block reason", async () => {
    const event = { promptFeedback: { blockReason: "SAFETY" }, usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 }, modelVersion: "gemini-2.5-flash" };
    const chunks = await replay(`data: ${JSON.stringify(event)}\r\n\r\n`);
    expect(chunks.map((c) => c.choices[0])).toEqual([
      { index: 0, delta: { role: "assistant", content: "" }, finish_reason: null, native_finish_reason: null },
      { index: 0, delta: {}, finish_reason: "content_filter", native_finish_reason: "SAFETY" },
    ]);
    expect(chunks[1].usage).toMatchObject({ prompt_tokens: 8 });
  });

  it("rejects an event that is not JSON", async () => {
    const { chunks, error } = await replayFailing("data: {broken\n\n");
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ status: 502, message: "google sent a malformed stream event" });
  });
});
