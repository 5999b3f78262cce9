import { Readable } from "node:stream";
import type { SseEvent, SyncTransformer } from "@/lib/providers/types";
import { createSseDecoder, MAX_SSE_EVENT_CHARS } from "./parse-sse-stream";

/** What reading a stream takes: the `read` and `cancel` of a ReadableStreamDefaultReader. */
export interface ChunkReader<T> {
  read(): Promise<ReadableStreamReadResult<T>>;
  cancel(reason?: unknown): Promise<void>;
}

type Waiter<T> = { resolve(result: ReadableStreamReadResult<T>): void; reject(reason: unknown): void };

const DONE: ReadableStreamReadResult<never> = { done: true, value: undefined };

/** undici's body is a Node stream already; anything else (a test's generator) is made one. */
const asReadable = (body: AsyncIterable<Uint8Array>): Readable => (body instanceof Readable ? body : Readable.from(body, { objectMode: false }));

/**
 * An upstream's SSE body → events → `transformer`, read as one reader. Each body chunk is decoded
 * and its events transformed as its `data` event fires, and a waiting `read()` is answered from
 * there: no async iterator per stream, and no 'readable' tick and iterator promise per chunk.
 * (Before this, a ReadableStream piped through a TransformStream cost more per stream than the
 * parsing.) Results not yet read pause the body, so nothing piles up beyond one body chunk's
 * worth. A transformer or decoder failure (a malformed or over-long event)
 * releases the body and is handed out after what was converted before it; so is a failure of the
 * body itself.
 */
export function readSseThrough<T>(body: AsyncIterable<Uint8Array>, transformer: SyncTransformer<SseEvent, T>, maxEventChars = MAX_SSE_EVENT_CHARS): ChunkReader<T> {
  const readable = asReadable(body);
  const ready: T[] = [];
  let ended = false;
  let failure: { reason: unknown } | undefined;
  let waiter: Waiter<T> | undefined;
  // Destroying the body before its end makes undici abort the request (the connection is closed).
  const release = () => void readable.destroy();
  const fail = (reason: unknown) => {
    failure ??= { reason };
    release();
  };

  function answer(): void {
    const waiting = waiter;
    if (!waiting) return;
    if (ready.length) waiting.resolve({ done: false, value: ready.shift()! });
    else if (failure) waiting.reject(failure.reason);
    else if (ended) waiting.resolve(DONE);
    else return;
    waiter = undefined;
  }

  const controller: TransformStreamDefaultController<T> = {
    desiredSize: 1,
    enqueue: (chunk) => void ready.push(chunk as T),
    error: fail,
    terminate: () => {
      ended = true;
      release();
    },
  };
  const sse = createSseDecoder((event) => {
    if (!ended && !failure) transformer.transform(event, controller);
  }, maxEventChars);

  readable.on("data", (bytes: Uint8Array) => {
    if (ended || failure) return;
    try {
      sse.feed(bytes);
    } catch (reason) {
      fail(reason);
    }
    answer();
    // What the reader has not taken yet holds the body until it has.
    if (ready.length && !ended && !failure) readable.pause();
  });
  readable.on("end", () => {
    if (ended || failure) return;
    try {
      sse.end();
      transformer.flush?.(controller);
    } catch (reason) {
      failure ??= { reason };
    }
    ended = true;
    answer();
  });
  const broke = (reason: unknown) => {
    if (ended || failure) return;
    failure = { reason };
    answer();
  };
  readable.on("error", broke);
  // Closed with neither an end nor an error: the body was cut short. (An error is built only then.)
  readable.on("close", () => {
    if (!ended && !failure) broke(new Error("The upstream body closed before its end"));
  });

  return {
    read() {
      const result = new Promise<ReadableStreamReadResult<T>>((resolve, reject) => (waiter = { resolve, reject }));
      answer();
      if (waiter && readable.isPaused()) readable.resume();
      return result;
    },
    async cancel() {
      if (!ended) release();
      ended = true;
      ready.length = 0;
      answer();
    },
  };
}
