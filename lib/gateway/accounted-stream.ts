import type { GatewayError } from "@/lib/errors/gateway-error";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import type { ChatChunk } from "@/lib/providers/types";
import { upstreamStreamError } from "./upstream/upstream-error";
import type { UsageTally } from "./usage-tally";

function errorChunk(tally: UsageTally, created: number, error: GatewayError): ChatChunk {
  return {
    id: tally.id,
    object: "chat.completion.chunk",
    created,
    model: tally.modelUsed ?? tally.attempt?.model ?? "",
    provider: tally.attempt?.provider,
    choices: [{ index: 0, delta: {}, finish_reason: "error", native_finish_reason: null }],
    error: { message: error.message, code: error.status, type: error.type, metadata: error.metadata },
  };
}

/**
 * A stream's failure after it began, whether the upstream said so (its error event) or broke: the
 * message goes back when nothing was produced yet, and the failure is logged and counted.
 */
export async function recordStreamFailure(tally: UsageTally, failure: { type: string; message: string; status?: number }, requestId?: string | null): Promise<void> {
  const provider = tally.attempt?.provider ?? "upstream";
  const beforeOutput = !tally.sawOutput();
  if (beforeOutput) await tally.giveBack();
  metrics().upstreamError(provider, failure.type);
  log.warn("upstream stream failed", { requestId, generationId: tally.id, provider, type: failure.type, error: failure.message, beforeOutput });
  tally.finish({ status: failure.status ?? 502, error: tally.streamFailure ?? failure });
}

/**
 * Passes chunks through as they come, counting them. An upstream failure after the first byte
 * (an error event or a broken connection) becomes a final chunk carrying `error` and ends the
 * stream; a client cancel is recorded and cancels the upstream.
 */
export function accountedStream(source: ReadableStream<ChatChunk>, tally: UsageTally, created: number, requestId?: string | null): ReadableStream<ChatChunk> {
  const reader = source.getReader();
  const provider = tally.attempt?.provider ?? "upstream";
  let ended = false;
  const end = (controller: ReadableStreamDefaultController<ChatChunk>) => {
    ended = true;
    controller.close();
  };
  return new ReadableStream<ChatChunk>(
    {
      async pull(controller) {
        if (ended) return;
        try {
          const { done, value } = await reader.read();
          if (ended || tally.finished()) return;
          if (done) {
            tally.finish({ status: 200 });
            return end(controller);
          }
          value.id = tally.id;
          value.provider = provider;
          tally.observeChunk(value);
          controller.enqueue(value);
          if (!value.error) return;
          // The upstream's own error event is its last word: stop reading and release the connection.
          await recordStreamFailure(tally, { type: value.error.type ?? "api_error", message: value.error.message }, requestId);
          end(controller);
          await reader.cancel().catch(() => undefined);
        } catch (error) {
          if (ended || tally.finished()) return;
          const failure = upstreamStreamError(provider, error);
          controller.enqueue(errorChunk(tally, created, failure));
          await recordStreamFailure(tally, { type: failure.type, message: failure.message, status: failure.status }, requestId);
          end(controller);
          await reader.cancel().catch(() => undefined);
        }
      },
      async cancel(reason) {
        ended = true;
        tally.finish({ status: 499, cancelled: true });
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
