import { GatewayError } from "@/lib/errors/gateway-error";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import type { ChatChunk } from "@/lib/providers/types";
import type { ChunkReader } from "@/lib/sse/read-sse-through";
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

/** The closing usage chunk OpenAI sends with `include_usage`: no choices, the request's usage. */
function usageChunk(tally: UsageTally, created: number, usage: ChatChunk["usage"]): ChatChunk {
  return { id: tally.id, object: "chat.completion.chunk", created, model: tally.modelUsed ?? tally.attempt?.model ?? "", provider: tally.attempt?.provider, choices: [], usage };
}

/** An error the provider reported inside its stream, for the usage record. */
export function inStreamError(error: NonNullable<ChatChunk["error"]>, provider: string): GatewayError {
  const status = Number(error.code);
  return new GatewayError(status >= 400 && status < 600 ? status : 502, "api_error", error.message, { metadata: { provider, ...error.metadata } });
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
 * Passes chunks through as they come, counting them, and closes with a usage chunk when the
 * upstream sent none. An upstream failure after the first byte (the provider's own error event,
 * or a broken connection) ends it with one chunk carrying `error`, and nothing after it; a client
 * cancel is recorded and cancels the upstream.
 */
export function accountedStream(reader: ChunkReader<ChatChunk>, tally: UsageTally, created: number, requestId?: string | null): ReadableStream<ChatChunk> {
  const provider = tally.attempt?.provider ?? "upstream";
  let ended = false;
  async function fail(controller: ReadableStreamDefaultController<ChatChunk>, chunk: ChatChunk, failure: { type: string; message: string; status: number }) {
    controller.enqueue(chunk);
    await recordStreamFailure(tally, failure, requestId);
    ended = true;
    controller.close();
    // The failure is the stream's last word: stop reading and release the upstream connection.
    await reader.cancel().catch(() => undefined);
  }
  return new ReadableStream<ChatChunk>(
    {
      async pull(controller) {
        if (ended) return;
        try {
          const { done, value } = await reader.read();
          if (ended || tally.finished()) return;
          if (done) {
            // Every stream ends with usage, even when the upstream reported none.
            if (!tally.usage) controller.enqueue(usageChunk(tally, created, await tally.ensureUsage()));
            tally.finish({ status: 200 });
            ended = true;
            return controller.close();
          }
          value.id = tally.id;
          value.provider = provider;
          if (!value.error) {
            tally.observeChunk(value);
            return controller.enqueue(value);
          }
          const reported = inStreamError(value.error, provider);
          const chunk = { ...value, error: { ...value.error, code: value.error.code ?? reported.status } };
          await fail(controller, chunk, { type: value.error.type ?? reported.type, message: reported.message, status: reported.status });
        } catch (error) {
          if (ended || tally.finished()) return;
          const failure = upstreamStreamError(provider, error);
          await fail(controller, errorChunk(tally, created, failure), failure);
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
