import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import { encodeSse, encodeSseComment } from "@/lib/sse/encode-sse";
import type { KeepAlive } from "../encoded-stream";

const DONE = encodeSse("[DONE]");
const KEEPALIVE = encodeSseComment("OAUTHROUTER PROCESSING");

/** A comment, which OpenAI SDKs skip, for a stream that has been silent a while. */
export const openAiKeepAlive = (everyMs: number): KeepAlive => ({ everyMs, bytes: KEEPALIVE });

/** Our chunks as OpenAI's SSE: each chunk as a `data:` event, `data: [DONE]` at the end. */
export function openAiSseEncoder(): SyncTransformer<ChatChunk, Uint8Array> {
  return {
    transform: (chunk, controller) => controller.enqueue(encodeSse(JSON.stringify(chunk))),
    flush: (controller) => controller.enqueue(DONE),
  };
}
