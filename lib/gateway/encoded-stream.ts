import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import type { ChunkReader } from "@/lib/sse/read-sse-through";
import { watchQuiet, type QuietWatch } from "./keep-alive-sweep";

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
  let quiet: QuietWatch | undefined;
  let unwatch: () => void = () => undefined;
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
            unwatch();
            controller.close();
            void chunks.cancel().catch(() => undefined);
          },
        };
        encoder.start?.(out);
        if (!keepAlive) return;
        quiet = { everyMs: keepAlive.everyMs, lastSent: Date.now(), send: () => controller.enqueue(keepAlive.bytes) };
        unwatch = watchQuiet(quiet);
      },
      // Reads until the encoder has put something out: a pull that enqueues nothing is not repeated.
      async pull(controller) {
        try {
          const before = enqueued;
          while (enqueued === before && !ended) {
            const { done, value } = await chunks.read();
            if (quiet) quiet.lastSent = Date.now();
            if (!done) {
              encoder.transform(value, out);
              continue;
            }
            unwatch();
            encoder.flush?.(out);
            await beforeClose?.();
            return controller.close();
          }
        } catch (error) {
          unwatch();
          throw error;
        }
      },
      async cancel(reason) {
        unwatch();
        await chunks.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
