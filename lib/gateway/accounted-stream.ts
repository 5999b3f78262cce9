import { GatewayError, isGatewayError } from "@/lib/errors/gateway-error";
import type { ChatChunk } from "@/lib/providers/types";
import type { MessageTicket } from "@/lib/quota/admit-message";
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

function asStreamError(error: unknown, provider: string): GatewayError {
  if (isGatewayError(error)) return error;
  return new GatewayError(502, "api_error", `${provider} stream failed: ${(error as Error)?.message ?? "connection lost"}`, {
    metadata: { provider },
  });
}

/**
 * Passes chunks through as they come, counting them, and closes with a usage chunk when the
 * upstream sent none. An upstream failure after the first byte (thrown, or an error the provider
 * put in its stream) ends it with one chunk carrying `error`; a client cancel is recorded and
 * cancels the upstream. A failure before any output gives the message back.
 */
export function accountedStream(source: ReadableStream<ChatChunk>, tally: UsageTally, ticket: MessageTicket, created: number): ReadableStream<ChatChunk> {
  const reader = source.getReader();
  const provider = tally.attempt?.provider ?? "upstream";
  async function fail(controller: ReadableStreamDefaultController<ChatChunk>, failure: GatewayError, chunk: ChatChunk) {
    if (!tally.sawOutput()) {
      tally.countedMessage = false;
      await ticket.refund().catch(() => undefined);
    }
    controller.enqueue(chunk);
    tally.finish({ status: failure.status, error: failure });
    controller.close();
    await reader.cancel().catch(() => undefined);
  }
  return new ReadableStream<ChatChunk>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            // Every stream ends with usage, even when the upstream reported none.
            if (!tally.usage) controller.enqueue(usageChunk(tally, created, await tally.ensureUsage()));
            tally.finish({ status: 200 });
            controller.close();
            return;
          }
          value.id = tally.id;
          value.provider = provider;
          if (value.error) return await fail(controller, inStreamError(value.error, provider), { ...value, error: { ...value.error, code: value.error.code ?? 502 } });
          tally.observeChunk(value);
          controller.enqueue(value);
        } catch (error) {
          const failure = asStreamError(error, provider);
          await fail(controller, failure, errorChunk(tally, created, failure));
        }
      },
      async cancel(reason) {
        tally.finish({ status: 499, cancelled: true });
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
