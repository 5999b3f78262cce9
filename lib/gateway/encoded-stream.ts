import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import type { ChunkReader } from "@/lib/sse/read-sse-through";

export interface KeepAlive {
  /** Sent whenever nothing else has been for this long. */
  everyMs: number;
  bytes: Uint8Array;
}

/**
 * Our chunks in a dialect's bytes, as the one stream of the response: each chunk is read, run
 * through the dialect's encoder and handed on at once. (A TransformStream per request, piped to,
 * cost more CPU than the encoding.) With `keepAlive`, a filler goes out during long silences
 * (slow models, idle proxies). Cancelling the stream cancels the chunks, and so the upstream.
 * `beforeClose` runs after the encoder's last bytes are out and before the stream ends.
 */
export function encodedStream(
  chunks: ChunkReader<ChatChunk>,
  encoder: SyncTransformer<ChatChunk, Uint8Array>,
  keepAlive?: KeepAlive,
  beforeClose?: () => Promise<void>,
): ReadableStream<Uint8Array> {
  let lastSent = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let out: TransformStreamDefaultController<Uint8Array>;
  let enqueued = 0;
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        out = {
          get desiredSize() {
            return controller.desiredSize;
          },
          enqueue: (bytes) => {
            enqueued += 1;
            controller.enqueue(bytes);
          },
          error: (reason) => controller.error(reason),
          // No encoder of ours ends a stream early; if one did, the rest would not be read.
          terminate: () => {
            ended = true;
            clearInterval(timer);
            controller.close();
            void chunks.cancel().catch(() => undefined);
          },
        };
        encoder.start?.(out);
        if (!keepAlive) return;
        timer = setInterval(() => {
          if (Date.now() - lastSent < keepAlive.everyMs) return;
          lastSent = Date.now();
          controller.enqueue(keepAlive.bytes);
        }, Math.max(250, Math.floor(keepAlive.everyMs / 2)));
        timer.unref();
      },
      // Reads until the encoder has put something out: a pull that enqueues nothing is not repeated.
      async pull(controller) {
        try {
          const before = enqueued;
          while (enqueued === before && !ended) {
            const { done, value } = await chunks.read();
            lastSent = Date.now();
            if (!done) {
              encoder.transform(value, out);
              continue;
            }
            clearInterval(timer);
            encoder.flush?.(out);
            await beforeClose?.();
            return controller.close();
          }
        } catch (error) {
          clearInterval(timer);
          throw error;
        }
      },
      async cancel(reason) {
        clearInterval(timer);
        await chunks.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
