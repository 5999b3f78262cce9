import { createParser, type EventSourceParser } from "eventsource-parser";
import type { SseEvent } from "@/lib/providers/types";

/**
 * bytes → SSE events in one TransformStream (decoding, eventsource-parser, our event shape), so a
 * chunk crosses one stream here, not three. One parser for every provider (Gemini is asked for `?alt=sse`).
 */
export function sseEventStream(body: ReadableStream<Uint8Array>): ReadableStream<SseEvent> {
  const decoder = new TextDecoder();
  let parser: EventSourceParser;
  return body.pipeThrough(
    new TransformStream<Uint8Array, SseEvent>({
      start(controller) {
        parser = createParser({
          onEvent: (message) => controller.enqueue({ event: message.event, data: message.data, id: message.id }),
          // An over-long line leaves the parser unusable: end the stream with that error. Others are skipped.
          onError: (error) => {
            if (error.type === "max-buffer-size-exceeded") controller.error(error);
          },
        });
      },
      transform(chunk) {
        parser.feed(decoder.decode(chunk, { stream: true }));
      },
      flush() {
        const rest = decoder.decode();
        if (rest) parser.feed(rest);
      },
    }),
  );
}
