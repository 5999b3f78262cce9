import { describe, expect, it } from "vitest";
import type { UpstreamContext } from "@/lib/providers/types";
import { fixture, replayFailingStream, replayStream } from "@/test/support/sse-fixture";
import { createCohereStreamTransformer } from "./stream";

const ctx: UpstreamContext = {
  provider: "cohere", baseUrl: "https://api.cohere.com", model: "command-a-03-2025", id: "gen-c0here1", created: 1_750_000_000,
  credential: { secret: "co-fake-key", kind: "api_key" },
};
const replay = (text: string) => replayStream(text, createCohereStreamTransformer(ctx));
const replayFailing = (text: string) => replayFailingStream(text, createCohereStreamTransformer(ctx));

describe("Cohere stream conversion", () => {
  it("streams the role, text deltas, then finish and usage from message-end in the last chunk", async () => {
    const chunks = await replay(fixture("cohere", "stream-text.sse"));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toBe("Large language models predict the next token.");
    const last = chunks.at(-1)!;
    expect(last.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: "stop", native_finish_reason: "COMPLETE" });
    expect(last.usage).toEqual({ prompt_tokens: 71, completion_tokens: 8, total_tokens: 79 });
    expect(chunks.filter((c) => c.usage)).toHaveLength(1);
  });

  it("streams the tool plan as reasoning and tool calls as id+name then argument fragments", async () => {
    const chunks = await replay(fixture("cohere", "stream-tool-calls.sse"));
    const deltas = chunks.map((c) => c.choices[0].delta);
    expect(deltas.map((d) => d.reasoning ?? "").join("")).toBe("I will look up the weather in Paris and Tokyo.");
    const toolDeltas = deltas.flatMap((d) => d.tool_calls ?? []);
    expect(toolDeltas.filter((t) => t.id)).toEqual([
      { index: 0, id: "get_weather_1byjy32y4hvq", type: "function", function: { name: "get_weather", arguments: "" } },
      { index: 1, id: "get_weather_8fhma9kh6qx0", type: "function", function: { name: "get_weather", arguments: "" } },
    ]);
    const args = (index: number) => JSON.parse(toolDeltas.filter((t) => t.index === index).map((t) => t.function?.arguments ?? "").join(""));
    expect([args(0), args(1)]).toEqual([{ city: "Paris" }, { city: "Tokyo" }]);
    expect(chunks.at(-1)!.choices[0]).toMatchObject({ finish_reason: "tool_calls", native_finish_reason: "TOOL_CALL" });
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 1012, completion_tokens: 76 });
  });

  it("fails the stream when message-end reports ERROR, after the text that came before", async () => {
    const { chunks, error } = await replayFailing(fixture("cohere", "stream-error.sse"));
    expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toBe("Partial answer");
    expect(error).toMatchObject({ status: 502, message: "cohere: internal server error, this has been reported to our developers" });
  });

  it("streams thinking deltas as reasoning and ignores a [DONE] terminator", async () => {
    const events = [
      { type: "content-start", index: 0, delta: { message: { content: { type: "thinking", thinking: "" } } } },
      { type: "content-delta", index: 0, delta: { message: { content: { thinking: "Two plus two." } } } },
      { type: "content-delta", index: 1, delta: { message: { content: { text: "4" } } } },
      { type: "message-end", delta: { finish_reason: "COMPLETE", usage: { tokens: { input_tokens: 5, output_tokens: 6 } } } },
    ];
    const text = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("") + "data: [DONE]\n\n";
    const chunks = await replay(text);
    expect(chunks.map((c) => c.choices[0].delta)).toEqual([{ role: "assistant", content: "" }, { reasoning: "Two plus two." }, { content: "4" }, {}]);
    expect(chunks.at(-1)!.usage).toEqual({ prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 });
  });

  it("rejects an event that is not JSON", async () => {
    const { chunks, error } = await replayFailing("event: content-delta\ndata: {oops\n\n");
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ status: 502, message: "cohere sent a malformed stream event" });
  });
});
