import type { GatewayError } from "@/lib/errors/gateway-error";
import { openAiErrorBody } from "@/lib/errors/render-openai";
import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import { encodeSse, encodeSseComment } from "@/lib/sse/encode-sse";
import type { KeepAlive } from "../encoded-stream";

const DONE = encodeSse("[DONE]");
export const OPENAI_KEEPALIVE = encodeSseComment("OAUTHROUTER PROCESSING");

/** A comment, which OpenAI SDKs skip, for a stream that has been silent a while. */
export const openAiKeepAlive = (everyMs: number): KeepAlive => ({ everyMs, bytes: OPENAI_KEEPALIVE });

/** A stream that failed before its first chunk: one `data: {"error":…}` event (the SDKs throw it), then `[DONE]`. */
export function openAiStreamFailure(error: GatewayError): Uint8Array {
  return Buffer.concat([encodeSse(JSON.stringify(openAiErrorBody(error))), DONE]);
}

/** Our chunks as OpenAI's SSE: each chunk as a `data:` event, `data: [DONE]` at the end. */
export function openAiSseEncoder(): SyncTransformer<ChatChunk, Uint8Array> {
  return {
    transform: (chunk, controller) => controller.enqueue(encodeSse(JSON.stringify(chunk))),
    flush: (controller) => controller.enqueue(DONE),
  };
}
