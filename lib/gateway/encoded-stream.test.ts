import { describe, expect, it, vi } from "vitest";
import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import type { ChunkReader } from "@/lib/sse/read-sse-through";
import { encodedStream } from "./encoded-stream";
import { directReader, webStream } from "@/lib/http/pull-stream";

const encoder = new TextEncoder();
const chunk = (content: string) => ({ choices: [{ index: 0, delta: { content } }] }) as unknown as ChatChunk;
const text = (chunk: ChatChunk) => chunk.choices[0].delta.content ?? "";

/** Chunks handed out one by one, each after `delayMs`; notes whether the reader was cancelled. */
function slowChunks(contents: string[], delayMs = 0) {
  const state = { cancelled: false };
  const queue = contents.map(chunk);
  const reader: ChunkReader<ChatChunk> = {
    read: async () => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return queue.length && !state.cancelled ? { done: false, value: queue.shift()! } : { done: true, value: undefined };
    },
    cancel: async () => void (state.cancelled = true),
  };
  return { reader, state };
}

// Writes only the chunks that say something, as a dialect does for chunks it has nothing to say about.
const skipping: SyncTransformer<ChatChunk, Uint8Array> = {
  start: (controller) => controller.enqueue(encoder.encode("[")),
  transform: (c, controller) => void (text(c) && controller.enqueue(encoder.encode(text(c)))),
  flush: (controller) => controller.enqueue(encoder.encode("]")),
};

describe("our chunks through a dialect's encoder, as the response's one stream", () => {
  it("writes start, every chunk's bytes and flush, and keeps reading past chunks that write nothing", async () => {
    const { reader } = slowChunks(["a", "", "", "b", ""]);
    expect(await new Response(webStream(encodedStream(reader, skipping))).text()).toBe("[ab]");
  });

  it("sends the keep-alive filler only while the chunks are slow to come", async () => {
    // On a fake clock: the filler's timer and the slow chunks run in their order, whatever the load.
    vi.useFakeTimers();
    try {
      const { reader } = slowChunks(["a", "b"], 700);
      const body = new Response(webStream(encodedStream(reader, skipping, { everyMs: 300, bytes: encoder.encode(".") }))).text();
      await vi.advanceTimersByTimeAsync(3_000);
      expect(await body).toMatch(/^\[\.+a\.+b\.*\]$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("cancels the chunks (and so the upstream) when the client cancels", async () => {
    const { reader, state } = slowChunks(["a", "b", "c"]);
    const stream = webStream(encodedStream(reader, skipping)).getReader();
    expect(new TextDecoder().decode((await stream.read()).value)).toBe("[");
    await stream.cancel();
    expect(state.cancelled).toBe(true);
  });

  it("read directly (the lean server's way), gives the same bytes, the keep-alives between slow chunks included", async () => {
    vi.useFakeTimers();
    try {
      const { reader } = slowChunks(["a", "b"], 700);
      const direct = directReader(encodedStream(reader, skipping, { everyMs: 300, bytes: encoder.encode(".") }));
      const read = (async () => {
        let out = "";
        for (let r = await direct.read(); !r.done; r = await direct.read()) out += new TextDecoder().decode(r.value);
        return out;
      })();
      await vi.advanceTimersByTimeAsync(3_000);
      expect(await read).toMatch(/^\[\.+a\.+b\.*\]$/);
    } finally {
      vi.useRealTimers();
    }
  });
});
