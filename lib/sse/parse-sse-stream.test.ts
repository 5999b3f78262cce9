import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { SseEvent } from "@/lib/providers/types";
import { sseEventStream } from "./parse-sse-stream";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A body as undici hands it over (a Node stream), noting whether it was released. */
function nodeBody(pieces: Uint8Array[]) {
  const body = Readable.from(pieces, { objectMode: false });
  return { body, released: () => body.destroyed };
}

async function readAll(events: ReadableStream<SseEvent>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  const reader = events.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

describe("SSE events read straight from an upstream body", () => {
  it("parses events split across chunks, several in one chunk, multi-byte characters cut in two, and a last event without its blank line", async () => {
    const euro = bytes("€");
    const pieces = [
      bytes("event: ping\ndata: {\"a\""),
      bytes(":1}\n\ndata: one\n\ndata: two\n\n"),
      new Uint8Array([...bytes("data: "), euro[0]]),
      new Uint8Array([...euro.slice(1), ...bytes("\n\n: comment\n\nid: 7\ndata: last\n\n")]),
    ];
    const { body, released } = nodeBody(pieces);
    expect(await readAll(sseEventStream(body))).toEqual([
      { event: "ping", data: '{"a":1}', id: undefined },
      { event: undefined, data: "one", id: undefined },
      { event: undefined, data: "two", id: undefined },
      { event: undefined, data: "€", id: undefined },
      { event: undefined, data: "last", id: "7" },
    ]);
    expect(released()).toBe(true);
  });

  it("hands out each event as soon as its chunk arrives, without waiting for the next", async () => {
    let sendSecond = () => {};
    const secondSent = new Promise<void>((resolve) => (sendSecond = resolve));
    async function* body() {
      yield bytes("data: first\n\n");
      await secondSent;
      yield bytes("data: second\n\n");
    }
    const reader = sseEventStream(body()).getReader();
    expect((await reader.read()).value?.data).toBe("first");
    sendSecond();
    expect((await reader.read()).value?.data).toBe("second");
    expect((await reader.read()).done).toBe(true);
  });

  it("releases the body when the reader cancels", async () => {
    const { body, released } = nodeBody([bytes("data: 1\n\n"), bytes("data: 2\n\n"), bytes("data: 3\n\n")]);
    const reader = sseEventStream(body).getReader();
    expect((await reader.read()).value?.data).toBe("1");
    await reader.cancel();
    expect(released()).toBe(true);
  });

  it("fails on an event longer than the limit, and releases the body", async () => {
    const { body, released } = nodeBody([bytes("data: ok\n\n"), bytes(`data: ${"x".repeat(600)}`), bytes("x".repeat(600)), bytes("\n\n")]);
    const reader = sseEventStream(body, 1_000).getReader();
    expect((await reader.read()).value?.data).toBe("ok");
    await expect(reader.read()).rejects.toThrow("Buffered data exceeded max buffer size of 1000 characters");
    expect(released()).toBe(true);
  });

  it("passes on the body's own failure", async () => {
    async function* body() {
      yield bytes("data: 1\n\n");
      throw new Error("socket hang up");
    }
    const reader = sseEventStream(body()).getReader();
    expect((await reader.read()).value?.data).toBe("1");
    await expect(reader.read()).rejects.toThrow("socket hang up");
  });
});
