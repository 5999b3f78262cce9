import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { SseEvent, SyncTransformer } from "@/lib/providers/types";
import { readSseThrough, type ChunkReader } from "./read-sse-through";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A body as undici hands it over (a Node stream), noting whether it was released. */
function nodeBody(pieces: Uint8Array[]) {
  const body = Readable.from(pieces, { objectMode: false });
  return { body, released: () => body.destroyed };
}

const asIs: SyncTransformer<SseEvent, SseEvent> = { transform: (event, controller) => controller.enqueue(event) };

async function readAll<T>(reader: ChunkReader<T>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

describe("SSE events read from an upstream body through a transformer", () => {
  it("parses events split across chunks, several in one chunk, multi-byte characters cut in two, comments and ids", async () => {
    const euro = bytes("€");
    const pieces = [
      bytes("event: ping\ndata: {\"a\""),
      bytes(":1}\n\ndata: one\n\ndata: two\n\n"),
      new Uint8Array([...bytes("data: "), euro[0]]),
      new Uint8Array([...euro.slice(1), ...bytes("\n\n: comment\n\nid: 7\ndata: last\n\n")]),
    ];
    const { body, released } = nodeBody(pieces);
    expect(await readAll(readSseThrough(body, asIs))).toEqual([
      { event: "ping", data: '{"a":1}', id: undefined },
      { event: undefined, data: "one", id: undefined },
      { event: undefined, data: "two", id: undefined },
      { event: undefined, data: "€", id: undefined },
      { event: undefined, data: "last", id: "7" },
    ]);
    expect(released()).toBe(true);
  });

  it("hands out each result as soon as its chunk arrives, without waiting for the next", async () => {
    let sendSecond = () => {};
    const secondSent = new Promise<void>((resolve) => (sendSecond = resolve));
    async function* body() {
      yield bytes("data: first\n\n");
      await secondSent;
      yield bytes("data: second\n\n");
    }
    const reader = readSseThrough(body(), asIs);
    expect((await reader.read()).value?.data).toBe("first");
    sendSecond();
    expect((await reader.read()).value?.data).toBe("second");
    expect((await reader.read()).done).toBe(true);
  });

  it("gives the transformer every event, then its flush at the end of the body", async () => {
    let count = 0;
    const counting: SyncTransformer<SseEvent, string> = {
      transform: (event, controller) => {
        count += 1;
        if (event.data !== "skip") controller.enqueue(event.data.toUpperCase());
      },
      flush: (controller) => controller.enqueue(`end after ${count}`),
    };
    const { body } = nodeBody([bytes("data: a\n\ndata: skip\n\ndata: b\n\n")]);
    expect(await readAll(readSseThrough(body, counting))).toEqual(["A", "B", "end after 3"]);
  });

  it("hands out what was converted before a malformed event, then its error, and releases the body", async () => {
    const strict: SyncTransformer<SseEvent, unknown> = { transform: (event, controller) => controller.enqueue(JSON.parse(event.data)) };
    const { body, released } = nodeBody([bytes('data: {"n":1}\n\ndata: {"n":2}\n\ndata: {oops\n\n'), bytes('data: {"n":4}\n\n')]);
    const reader = readSseThrough(body, strict);
    expect(await reader.read()).toEqual({ done: false, value: { n: 1 } });
    expect(await reader.read()).toEqual({ done: false, value: { n: 2 } });
    await expect(reader.read()).rejects.toThrow(SyntaxError);
    await expect(reader.read()).rejects.toThrow(SyntaxError);
    expect(released()).toBe(true);
  });

  it("stops where the transformer terminates, and releases the body", async () => {
    const untilStop: SyncTransformer<SseEvent, string> = {
      transform: (event, controller) => (event.data === "stop" ? controller.terminate() : controller.enqueue(event.data)),
      flush: (controller) => controller.enqueue("flushed"),
    };
    const { body, released } = nodeBody([bytes("data: 1\n\ndata: stop\n\ndata: 2\n\n"), bytes("data: 3\n\n")]);
    expect(await readAll(readSseThrough(body, untilStop))).toEqual(["1"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(released()).toBe(true);
  });

  it("releases the body when the reader cancels", async () => {
    const { body, released } = nodeBody([bytes("data: 1\n\n"), bytes("data: 2\n\n"), bytes("data: 3\n\n")]);
    const reader = readSseThrough(body, asIs);
    expect((await reader.read()).value?.data).toBe("1");
    await reader.cancel();
    expect(released()).toBe(true);
    expect((await reader.read()).done).toBe(true);
  });

  it("fails on an event longer than the limit, and releases the body", async () => {
    const { body, released } = nodeBody([bytes("data: ok\n\n"), bytes(`data: ${"x".repeat(600)}`), bytes("x".repeat(600)), bytes("\n\n")]);
    const reader = readSseThrough(body, asIs, 1_000);
    expect((await reader.read()).value?.data).toBe("ok");
    await expect(reader.read()).rejects.toThrow("Buffered data exceeded max buffer size of 1000 characters");
    expect(released()).toBe(true);
  });

  it("passes on the body's own failure", async () => {
    async function* body() {
      yield bytes("data: 1\n\n");
      throw new Error("socket hang up");
    }
    const reader = readSseThrough(body(), asIs);
    expect((await reader.read()).value?.data).toBe("1");
    await expect(reader.read()).rejects.toThrow("socket hang up");
  });

  it("holds the body while converted results wait to be read, and reads on once they are", async () => {
    const { body } = nodeBody([bytes("data: 1\n\ndata: 2\n\ndata: 3\n\n"), bytes("data: 4\n\n")]);
    const reader = readSseThrough(body, asIs);
    expect((await reader.read()).value?.data).toBe("1");
    expect(body.isPaused()).toBe(true);
    expect((await readAll(reader)).map((event) => event.data)).toEqual(["2", "3", "4"]);
  });

  it("fails when the body closes before its end without an error of its own", async () => {
    const body = new Readable({ read() {} });
    const reader = readSseThrough(body, asIs);
    body.push(bytes("data: 1\n\n"));
    expect((await reader.read()).value?.data).toBe("1");
    const next = reader.read();
    body.destroy();
    await expect(next).rejects.toThrow("closed before its end");
  });
});
