import type { GatewayError } from "@/lib/errors/gateway-error";
import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import { geminiErrorBody } from "./errors";
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

const KEEPALIVE: Record<GeminiStreamFormat, Uint8Array> = {
  // Framed like Google's own events, so a client splitting on CRLF CRLF skips it whole.
  sse: encoder.encode(": OAUTHROUTER PROCESSING\r\n\r\n"),
  // Whitespace is valid anywhere between a JSON array's tokens, before its `[` included.
  "json-array": encoder.encode("\n"),
};

/** What a silent stream gets meanwhile: an SSE comment, or whitespace in the JSON array. */
export const geminiKeepAlive = (format: GeminiStreamFormat) => KEEPALIVE[format];

/** A stream that failed before its first response: Google's `{"error":…}`, in an array of its own in JSON-array mode. */
export function geminiStreamFailure(format: GeminiStreamFormat, error: GatewayError): Uint8Array {
  const body = geminiErrorBody(error);
  return format === "sse" ? encodeGeminiSse(body) : encoder.encode(`[${JSON.stringify(body)}]`);
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
