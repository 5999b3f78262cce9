import { createParser, type EventSourceParser } from "eventsource-parser";
import type { SseEvent } from "@/lib/providers/types";

/** Bytes in, SSE events out through `onEvent`: a UTF-8 decoder in front of eventsource-parser. */
export interface SseDecoder {
  /** Throws once an event is over the limit (eventsource-parser's ParseError, `max-buffer-size-exceeded`). */
  feed(bytes: Uint8Array): void;
  /** The end of the body: whatever the decoder still holds. */
  end(): void;
}

/**
 * The most one event may hold while it is read (characters). The largest real events are whole
 * images in base64 (a few MB); an upstream that never ends its line must not grow memory forever.
 */
export const MAX_SSE_EVENT_CHARS = 32 * 1024 * 1024;

/**
 * One decoder for every SSE body we read. An event over `maxEventChars` leaves eventsource-parser
 * unusable, so feed() throws it to the reader; other parse errors skip the line, as browsers'
 * EventSource does.
 */
export function createSseDecoder(onEvent: (event: SseEvent) => void, maxEventChars = MAX_SSE_EVENT_CHARS): SseDecoder {
  const decoder = new TextDecoder();
  let overLong: Error | undefined;
  const parser: EventSourceParser = createParser({
    maxBufferSize: maxEventChars,
    onEvent: (message) => onEvent({ event: message.event, data: message.data, id: message.id }),
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") overLong = error;
    },
  });
  const feedText = (text: string) => {
    parser.feed(text);
    if (overLong) throw overLong;
  };
  return {
    feed: (bytes) => feedText(decoder.decode(bytes, { stream: true })),
    end: () => {
      const rest = decoder.decode();
      if (rest) feedText(rest);
    },
  };
}
