import { EventSourceParserStream } from "eventsource-parser/stream";

/** The SSE events of a fetch response, parsed by a spec-following parser (test helper). */
export async function readSse(response: Response): Promise<Array<{ event?: string; data: string }>> {
  const events: Array<{ event?: string; data: string }> = [];
  const stream = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const { event, data } of stream as unknown as AsyncIterable<{ event?: string; data: string }>) events.push({ event, data });
  return events;
}
