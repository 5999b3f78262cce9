import type { GatewayError } from "@/lib/errors/gateway-error";
import { streamErrorBody } from "@/lib/errors/openrouter-metadata";
import { openAiErrorBody, type OpenAiErrorShape } from "@/lib/errors/render-openai";
import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import { encodeSse, encodeSseComment } from "@/lib/sse/encode-sse";
import type { KeepAlive } from "../encoded-stream";

const DONE = encodeSse("[DONE]");
export const OPENAI_KEEPALIVE = encodeSseComment("OAUTHROUTER PROCESSING");

/** A comment, which OpenAI SDKs skip, for a stream that has been silent a while. */
export const openAiKeepAlive = (everyMs: number): KeepAlive => ({ everyMs, bytes: OPENAI_KEEPALIVE });

/**
 * A stream that failed before its first chunk: one `data: {"error":…}` event (the SDKs throw it),
 * then `[DONE]`. OpenRouter's clients validate each event as a chunk, so on its paths the failure is
 * the chunk OpenRouter ends a failed stream with: `error` (an integer code) and finish_reason "error".
 */
export function openAiStreamFailure(error: GatewayError, shape: OpenAiErrorShape = "openai", model = ""): Uint8Array {
  if (shape === "openai") return Buffer.concat([encodeSse(JSON.stringify(openAiErrorBody(error))), DONE]);
  const chunk: ChatChunk = {
    id: error.headers["x-generation-id"] ?? "", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model,
    choices: [{ index: 0, delta: {}, finish_reason: "error", native_finish_reason: null }],
    error: streamErrorBody(error),
  };
  return Buffer.concat([encodeSse(JSON.stringify(chunk)), DONE]);
}

/** Our chunks as OpenAI's SSE: each chunk as a `data:` event, `data: [DONE]` at the end. */
export function openAiSseEncoder(): SyncTransformer<ChatChunk, Uint8Array> {
  return {
    transform: (chunk, controller) => controller.enqueue(encodeSse(JSON.stringify(chunk))),
    flush: (controller) => controller.enqueue(DONE),
  };
}
