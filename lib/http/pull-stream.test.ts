import { describe, expect, it } from "vitest";
import { directReader, webStream, type ByteSink, type ByteSource } from "./pull-stream";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);

/** A source of words, one per pull after a turn, with a hook to enqueue from outside (a timer's keep-alive). */
function words(list: string[], log: string[] = []): ByteSource & { sink?: ByteSink; gate?: () => void } {
  const source: ByteSource & { sink?: ByteSink; gate?: () => void } = {
    start(sink) {
      source.sink = sink;
      log.push("start");
    },
    async pull(sink) {
      await new Promise<void>((resolve) => (source.gate = resolve));
      const next = list.shift();
      if (next === undefined) return sink.close();
      if (next === "!") throw new Error("upstream broke");
      sink.enqueue(bytes(next));
    },
    async cancel(reason) {
      log.push(`cancel:${String(reason)}`);
    },
  };
  return source;
}

async function drain(read: () => Promise<ReadableStreamReadResult<Uint8Array>>, source: { gate?: () => void }): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const pending = read();
    await new Promise((resolve) => setImmediate(resolve));
    source.gate?.();
    const { done, value } = await pending;
    if (done) return out;
    out.push(text(value));
  }
}

describe("a byte source, read directly or as a Web stream", () => {
  it("gives the same bytes read directly as read the Web way", async () => {
    const direct = words(["a", "b", "c"]);
    const reader = directReader(direct);
    expect(await drain(() => reader.read(), direct)).toEqual(["a", "b", "c"]);

    const web = words(["a", "b", "c"]);
    const webReader = webStream(web).getReader();
    expect(await drain(() => webReader.read(), web)).toEqual(["a", "b", "c"]);
  });

  it("answers a waiting read with bytes enqueued from outside while a pull is still waiting", async () => {
    const source = words(["late"]);
    const reader = directReader(source);
    const first = reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    source.sink!.enqueue(bytes(": keep-alive"));
    expect(text((await first).value)).toBe(": keep-alive");
    // The pull in flight delivers to the next read, without a second pull.
    const second = reader.read();
    source.gate!();
    expect(text((await second).value)).toBe("late");
  });

  it("rejects reads once the source fails, and cancels the source when the reader cancels", async () => {
    const failing = words(["a", "!"]);
    const reader = directReader(failing);
    await expect(drain(() => reader.read(), failing)).rejects.toThrow("upstream broke");
    await expect(reader.read()).rejects.toThrow("upstream broke");

    const log: string[] = [];
    const cancelled = directReader(words(["a", "b"], log));
    const waiting = cancelled.read();
    await cancelled.cancel("client left");
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(log).toEqual(["start", "cancel:client left"]);
    expect(await cancelled.read()).toEqual({ done: true, value: undefined });
  });
});
