import type { ChunkReader } from "@/lib/sse/read-sse-through";

/** Where a source puts its bytes: a Web stream's controller, or the lean server's direct reader. */
export interface ByteSink {
  enqueue(bytes: Uint8Array): void;
  close(): void;
  error(reason: unknown): void;
}

/** A pull source with a Web stream's contract (highWaterMark 0): `pull` runs when a read finds nothing queued. */
export interface ByteSource {
  start?(sink: ByteSink): void;
  pull(sink: ByteSink): Promise<void>;
  cancel(reason?: unknown): Promise<void>;
}

/** The source as a Web stream (highWaterMark 0): what a LeanResponse's body is to a Web reader. */
export function webStream(source: ByteSource): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start: (controller) => source.start?.(controller),
      pull: (controller) => source.pull(controller),
      cancel: (reason) => source.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

type Waiter = { resolve(result: ReadableStreamReadResult<Uint8Array>): void; reject(reason: unknown): void };

/**
 * The source read without a Web stream's queue and its promise hops on every event of every open
 * stream (the lean server's way). What a Web stream with highWaterMark 0 does, and no more: a read
 * is answered from the queue, else it waits while the source pulls; bytes enqueued at any time (a
 * keep-alive from a timer) answer a waiting read at once.
 */
export function directReader(source: ByteSource): ChunkReader<Uint8Array> {
  const queue: Uint8Array[] = [];
  let closed = false;
  let failure: { reason: unknown } | undefined;
  let pulling = false;
  let waiter: Waiter | undefined;

  function answer(): void {
    const waiting = waiter;
    if (!waiting) return;
    if (queue.length) waiting.resolve({ done: false, value: queue.shift()! });
    else if (failure) waiting.reject(failure.reason);
    else if (closed) waiting.resolve({ done: true, value: undefined });
    else return;
    waiter = undefined;
  }
  const sink: ByteSink = {
    enqueue(bytes) {
      if (closed || failure) throw new TypeError("Invalid state: the stream is closed");
      queue.push(bytes);
      answer();
    },
    close() {
      closed = true;
      answer();
    },
    error(reason) {
      failure ??= { reason };
      queue.length = 0;
      answer();
    },
  };
  async function pull(): Promise<void> {
    pulling = true;
    try {
      await source.pull(sink);
    } catch (reason) {
      sink.error(reason);
    }
    pulling = false;
    // A pull that put nothing out is repeated while a read waits, as a Web stream does.
    if (waiter && !closed && !failure) void pull();
  }
  source.start?.(sink);
  return {
    read() {
      const result = new Promise<ReadableStreamReadResult<Uint8Array>>((resolve, reject) => (waiter = { resolve, reject }));
      answer();
      if (waiter && !pulling) void pull();
      return result;
    },
    async cancel(reason) {
      if (closed || failure) return;
      closed = true;
      queue.length = 0;
      answer();
      await source.cancel(reason);
    },
  };
}
