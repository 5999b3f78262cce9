import { createParser } from "eventsource-parser";
import { GatewayError, isGatewayError } from "@/lib/errors/gateway-error";
import type { ProviderAdapter, UpstreamContext, UpstreamRequest, WireFamily } from "@/lib/providers/types";
import type { MessageTicket } from "@/lib/quota/admit-message";
import { inStreamError } from "./accounted-stream";
import type { UsageTally } from "./usage-tally";
import type { UpstreamResponse } from "./upstream/call-upstream";

/**
 * A request that arrived in a provider's own dialect and goes to that provider: its body is sent
 * as the client wrote it (only the model id changes), so fields we do not model are not lost.
 */
export interface Passthrough {
  family: WireFamily;
  build(ctx: UpstreamContext): UpstreamRequest;
}

/** The upstream's JSON answer, unchanged; read aside for usage. */
export async function rawJson(response: UpstreamResponse, adapter: ProviderAdapter, ctx: UpstreamContext, tally: UsageTally): Promise<string> {
  const text = await response.text();
  try {
    tally.observeResponse(adapter.parseChatResponse(JSON.parse(text), ctx));
  } catch {
    throw new GatewayError(502, "api_error", `${ctx.provider} returned a response that could not be read`, { metadata: { provider: ctx.provider } });
  }
  return text;
}

/**
 * The upstream's stream, byte for byte and as it arrives, while a copy of its events runs through
 * the adapter so the usage row gets tokens, finish reason and time to first token.
 */
export function rawStream(body: ReadableStream<Uint8Array>, adapter: ProviderAdapter, ctx: UpstreamContext, tally: UsageTally, ticket: MessageTicket): ReadableStream<Uint8Array> {
  const side = adapter.createStreamTransform(ctx);
  const writer = side.writable.getWriter();
  const sideReader = side.readable.getReader();
  let reported: GatewayError | undefined;
  const observed = (async () => {
    for (;;) {
      const { done, value } = await sideReader.read();
      if (done) return;
      // The provider's own error event reaches the client as sent; the record notes the failure.
      if (value.error) reported ??= inStreamError(value.error, ctx.provider);
      else tally.observeChunk(value);
    }
  })().catch((error) => {
    // Adapters that end a stream by throwing (Gemini's error events) report the same way.
    if (isGatewayError(error)) reported ??= error;
  });
  async function finish() {
    if (!reported) return tally.finish({ status: 200 });
    if (!tally.sawOutput()) {
      tally.countedMessage = false;
      await ticket.refund().catch(() => undefined);
    }
    tally.finish({ status: reported.status, error: reported });
  }
  const parser = createParser({ onEvent: (event) => void writer.write({ event: event.event, data: event.data, id: event.id }).catch(() => undefined) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (!done) {
            parser.feed(decoder.decode(value, { stream: true }));
            return controller.enqueue(value);
          }
          await writer.close().catch(() => undefined);
          await observed;
          await finish();
          controller.close();
        } catch (error) {
          if (!tally.sawOutput()) {
            tally.countedMessage = false;
            await ticket.refund().catch(() => undefined);
          }
          const failure = new GatewayError(502, "api_error", `${ctx.provider} stream failed: ${(error as Error)?.message ?? "connection lost"}`);
          tally.finish({ status: 502, error: failure });
          controller.error(failure);
        }
      },
      async cancel(reason) {
        tally.finish({ status: 499, cancelled: true });
        await writer.abort().catch(() => undefined);
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
