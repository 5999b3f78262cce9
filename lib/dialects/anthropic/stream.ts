import type { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import { encodeSse } from "@/lib/sse/encode-sse";
import { anthropicErrorType } from "./errors";
import { AnthropicEventWriter, type AnthropicStreamEvent, type AnthropicStreamOptions } from "./stream-events";

/** One event as Anthropic frames it: `event: <type>` then `data: <json>`. */
export function encodeAnthropicEvent(event: AnthropicStreamEvent): Uint8Array {
  return encodeSse(JSON.stringify(event), event.type);
}

/** Anthropic's own keep-alive, which its SDKs skip: `event: ping`. */
export const ANTHROPIC_PING = encodeAnthropicEvent({ type: "ping" });

/** A stream's failure as its last event: `event: error` (the SDKs throw it). */
export function anthropicStreamFailure(error: GatewayError): Uint8Array {
  return encodeAnthropicEvent({ type: "error", error: { type: anthropicErrorType(error.type, error.status), message: error.message } });
}

/** Our chunks as the bytes of an Anthropic Messages stream; an error chunk ends it with `event: error`. */
export function anthropicStreamEncoder(options: AnthropicStreamOptions = {}): SyncTransformer<ChatChunk, Uint8Array> {
  const writer = new AnthropicEventWriter(options);
  let failed = false;
  return {
    transform(chunk, controller) {
      if (failed) return;
      for (const event of writer.next(chunk)) controller.enqueue(encodeAnthropicEvent(event));
      failed = Boolean(chunk.error);
    },
    flush(controller) {
      if (!failed) for (const event of writer.end()) controller.enqueue(encodeAnthropicEvent(event));
    },
  };
}
