import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import { GeminiResponseWriter, type GeminiStreamOptions } from "./stream-responses";

export type GeminiStreamFormat = "sse" | "json-array";

const encoder = new TextEncoder();

/** One response as Google frames it with `?alt=sse`. */
export const encodeGeminiSse = (value: unknown) => encoder.encode(`data: ${JSON.stringify(value)}\r\n\r\n`);

/** Google's streamed JSON array: `[` at once, then objects separated by `,`, then `]`. */
export function jsonArrayFramer() {
  let count = 0;
  return {
    open: () => encoder.encode("["),
    item: (value: unknown) => encoder.encode(`${count++ ? "," : ""}${JSON.stringify(value)}\n`),
    close: () => encoder.encode("]"),
  };
}

/**
 * Our chunks as the bytes of streamGenerateContent, SSE or JSON array. An error chunk becomes
 * Google's `{"error":{…}}` object and ends the stream.
 */
export function geminiStreamEncoder(format: GeminiStreamFormat, options: GeminiStreamOptions = {}): SyncTransformer<ChatChunk, Uint8Array> {
  const writer = new GeminiResponseWriter(options);
  const array = jsonArrayFramer();
  const frame = (value: unknown) => (format === "sse" ? encodeGeminiSse(value) : array.item(value));
  let failed = false;
  return {
    start(controller) {
      if (format === "json-array") controller.enqueue(array.open());
    },
    transform(chunk, controller) {
      if (failed) return;
      for (const response of writer.next(chunk)) controller.enqueue(frame(response));
      failed = Boolean(chunk.error);
    },
    flush(controller) {
      if (!failed) controller.enqueue(frame(writer.end()));
      if (format === "json-array") controller.enqueue(array.close());
    },
  };
}
