import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import type { ChunkReader } from "@/lib/sse/read-sse-through";
import type { ByteSource } from "@/lib/http/pull-stream";
import { watchQuiet, type QuietWatch } from "./keep-alive-sweep";

export interface KeepAlive {
  /** Sent whenever nothing else has been for this long. */
  everyMs: number;
  bytes: Uint8Array;
}

/**
 * Our chunks in a dialect's bytes, as the source of the response's one stream (a LeanResponse's
 * body): each chunk is read, run through the dialect's encoder and handed on at once. (A
 * TransformStream per request, piped to, cost more CPU than the encoding.) With `keepAlive`, a
 * filler goes out during long silences (slow models, idle proxies). Cancelling the stream cancels
 * the chunks, and so the upstream. `beforeClose` runs after the encoder's last bytes are out and
 * before the stream ends.
 */
export function encodedStream(
  chunks: ChunkReader<ChatChunk>,
  encoder: SyncTransformer<ChatChunk, Uint8Array>,
  keepAlive?: KeepAlive,
  beforeClose?: () => Promise<void>,
): ByteSource {
  let quiet: QuietWatch | undefined;
  let unwatch: () => void = () => undefined;
  let out: TransformStreamDefaultController<Uint8Array>;
  let enqueued = 0;
  let ended = false;
  return {
    start(sink) {
      out = {
        desiredSize: 1,
        enqueue: (bytes) => {
          enqueued += 1;
          sink.enqueue(bytes!);
        },
        error: (reason) => sink.error(reason),
        // No encoder of ours ends a stream early; if one did, the rest would not be read.
        terminate: () => {
          ended = true;
          unwatch();
          sink.close();
          void chunks.cancel().catch(() => undefined);
        },
      };
      encoder.start?.(out);
      if (!keepAlive) return;
      quiet = { everyMs: keepAlive.everyMs, lastSent: Date.now(), send: () => sink.enqueue(keepAlive.bytes) };
      unwatch = watchQuiet(quiet);
    },
    // Reads until the encoder has put something out: a pull that enqueues nothing is not repeated.
    async pull(sink) {
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
          return sink.close();
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
  };
}
