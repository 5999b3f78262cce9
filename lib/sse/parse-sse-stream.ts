import { EventSourceParserStream } from "eventsource-parser/stream";
import type { SseEvent } from "@/lib/providers/types";

/** bytes → text → SSE events. One parser for every provider (Gemini is asked for `?alt=sse`). */
export function sseEventStream(body: ReadableStream<Uint8Array>): ReadableStream<SseEvent> {
  return body
    .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
    .pipeThrough(new EventSourceParserStream())
    .pipeThrough(
      new TransformStream({
        transform(message, controller) {
          controller.enqueue({ event: message.event, data: message.data, id: message.id });
        },
      }),
    );
}
