import { createParser, type EventSourceParser } from "eventsource-parser";
import type { SseEvent } from "@/lib/providers/types";

/** Bytes in, SSE events out through `onEvent`: a UTF-8 decoder in front of eventsource-parser. */
export interface SseDecoder {
  feed(bytes: Uint8Array): void;
  /** The end of the body: whatever the decoder still holds. */
  end(): void;
}

/**
 * One decoder for every SSE body we read. An over-long line leaves eventsource-parser unusable,
 * so it goes to `onFatal`; other parse errors skip the line, as browsers' EventSource does.
 */
export function createSseDecoder(onEvent: (event: SseEvent) => void, onFatal: (error: Error) => void): SseDecoder {
  const decoder = new TextDecoder();
  const parser: EventSourceParser = createParser({
    onEvent: (message) => onEvent({ event: message.event, data: message.data, id: message.id }),
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") onFatal(error);
    },
  });
  return {
    feed: (bytes) => parser.feed(decoder.decode(bytes, { stream: true })),
    end: () => {
      const rest = decoder.decode();
      if (rest) parser.feed(rest);
    },
  };
}

/**
 * bytes → SSE events in one TransformStream, so a chunk crosses one stream here, not three.
 * One parser for every provider (Gemini is asked for `?alt=sse`).
 */
export function sseEventStream(body: ReadableStream<Uint8Array>): ReadableStream<SseEvent> {
  let sse: SseDecoder;
  return body.pipeThrough(
    new TransformStream<Uint8Array, SseEvent>({
      start(controller) {
        sse = createSseDecoder((event) => controller.enqueue(event), (error) => controller.error(error));
      },
      transform(chunk) {
        sse.feed(chunk);
      },
      flush() {
        sse.end();
      },
    }),
  );
}
