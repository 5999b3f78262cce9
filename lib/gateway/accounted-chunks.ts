import { GatewayError } from "@/lib/errors/gateway-error";
import { streamErrorBody } from "@/lib/errors/openrouter-metadata";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import type { ChatChunk } from "@/lib/providers/types";
import type { ChunkReader } from "@/lib/sse/read-sse-through";
import { redactDeep, type Redactor } from "@/lib/security/redact";
import { redactedError, upstreamStreamError } from "./upstream/upstream-error";
import type { UsageTally } from "./usage-tally";

function errorChunk(tally: UsageTally, created: number, error: GatewayError): ChatChunk {
  return {
    id: tally.id,
    object: "chat.completion.chunk",
    created,
    model: tally.modelUsed ?? tally.attempt?.model ?? "",
    provider: tally.attempt?.provider,
    choices: [{ index: 0, delta: {}, finish_reason: "error", native_finish_reason: null }],
    error: streamErrorBody(error),
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

const END: ReadableStreamReadResult<ChatChunk> = { done: true, value: undefined };

/**
 * Passes chunks on as they come, counting them, and ends with a usage chunk when the upstream
 * sent none. An upstream failure after the first byte (the provider's own error event, or a
 * broken connection) ends it with one chunk carrying `error`, and nothing after it, its words
 * masked by `redact` (the credential, echoed); a client cancel is recorded and cancels the
 * upstream. A reader, not a stream: the dialect's encoder reads it inside the one stream of the
 * response (encodedStream).
 */
export function accountedChunks(reader: ChunkReader<ChatChunk>, tally: UsageTally, created: number, redact: Redactor, requestId?: string | null): ChunkReader<ChatChunk> {
  const provider = tally.attempt?.provider ?? "upstream";
  let ended = false;
  async function fail(chunk: ChatChunk, failure: { type: string; message: string; status: number }): Promise<ReadableStreamReadResult<ChatChunk>> {
    await recordStreamFailure(tally, failure, requestId);
    ended = true;
    // The failure is the stream's last word: stop reading and release the upstream connection.
    await reader.cancel().catch(() => undefined);
    return { done: false, value: chunk };
  }
  return {
    async read() {
      if (ended) return END;
      try {
        const { done, value } = await reader.read();
        if (ended || tally.finished()) return END;
        if (done) {
          ended = true;
          // Every stream ends with usage, even when the upstream reported none (then estimated: the
          // end of a stream never waits on the tokenizer, which counts for the usage row later).
          const usage = tally.usage ? undefined : usageChunk(tally, created, tally.estimatedUsage());
          tally.finish({ status: 200 });
          // The stream's last bytes wait for its cost to be on a budget counter, for the next request to see.
          await tally.spent();
          return usage ? { done: false, value: usage } : END;
        }
        value.id = tally.id;
        value.provider = provider;
        if (!value.error) {
          tally.observeChunk(value);
          return { done: false, value };
        }
        const error = redactDeep(value.error, redact);
        const reported = inStreamError(error, provider);
        const chunk = { ...value, error: { ...streamErrorBody(reported, error.code), type: error.type ?? reported.type } };
        return await fail(chunk, { type: error.type ?? reported.type, message: reported.message, status: reported.status });
      } catch (error) {
        if (ended || tally.finished()) return END;
        const failure = redactedError(upstreamStreamError(provider, error), redact);
        return await fail(errorChunk(tally, created, failure), failure);
      }
    },
    async cancel(reason) {
      if (ended) return;
      ended = true;
      tally.finish({ status: 499, cancelled: true });
      await reader.cancel(reason).catch(() => undefined);
    },
  };
}
