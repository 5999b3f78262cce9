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

/**
 * An upstream body's chunks → SSE events, in one stream read straight from the body (an undici
 * body is a Node stream): no Web byte stream and no TransformStream in between, which per chunk
 * cost more than the parsing. One parser for every provider (Gemini is asked for `?alt=sse`).
 * Cancelling the events, or an over-long event, releases the body (and its upstream connection).
 */
export function sseEventStream(body: AsyncIterable<Uint8Array>, maxEventChars = MAX_SSE_EVENT_CHARS): ReadableStream<SseEvent> {
  const chunks = body[Symbol.asyncIterator]();
  const release = () => chunks.return?.().catch(() => undefined);
  let sse: SseDecoder;
  let produced = 0;
  return new ReadableStream<SseEvent>(
    {
      start(controller) {
        const onEvent = (event: SseEvent) => {
          produced += 1;
          controller.enqueue(event);
        };
        sse = createSseDecoder(onEvent, maxEventChars);
      },
      // Reads until at least one event is out: a chunk can hold a part of one, or several.
      async pull(controller) {
        const before = produced;
        while (produced === before) {
          const { done, value } = await chunks.next();
          if (done) {
            sse.end();
            return controller.close();
          }
          try {
            sse.feed(value);
          } catch (overLong) {
            await release();
            throw overLong;
          }
        }
      },
      async cancel() {
        await release();
      },
    },
    { highWaterMark: 0 },
  );
}
