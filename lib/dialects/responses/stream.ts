import type { GatewayError } from "@/lib/errors/gateway-error";
import { streamErrorBody } from "@/lib/errors/openrouter-metadata";
import type { ChatChunk, SyncTransformer } from "@/lib/providers/types";
import { encodeSse } from "@/lib/sse/encode-sse";
import { ResponsesEventWriter } from "./stream-events";
import type { ResponseEnvelope, ResponsesEvent, ResponsesResponse } from "./types";

export interface ResponsesStreamEncoder extends SyncTransformer<ChatChunk, Uint8Array> {
  /** The finished response (completed or incomplete) once the stream has ended; null before or after a failure. */
  finished(): ResponsesResponse | null;
}

/** Our chunks as the bytes of a Responses stream: `event: <type>` and `data:` with a sequence_number from 0. */
export function responsesStreamEncoder(envelope: ResponseEnvelope): ResponsesStreamEncoder {
  const writer = new ResponsesEventWriter(envelope);
  let sequence = 0;
  let failed = false;
  let finished: ResponsesResponse | null = null;
  const send = (events: ResponsesEvent[], controller: TransformStreamDefaultController<Uint8Array>) => {
    for (const event of events) controller.enqueue(encodeSse(JSON.stringify(Object.assign(event, { sequence_number: sequence++ })), event.type));
  };
  return {
    transform(chunk, controller) {
      if (failed) return;
      send(writer.next(chunk), controller);
      failed = Boolean(chunk.error);
    },
    flush(controller) {
      if (failed) return;
      send(writer.end(), controller);
      finished = writer.response();
    },
    finished: () => finished,
  };
}

/** A stream that failed before its first event, ended as a later failure ends it: response.created, .in_progress, then .failed with the error. */
export function responsesStreamFailure(envelope: ResponseEnvelope, error: GatewayError): Uint8Array {
  const parts: Uint8Array[] = [];
  const collect = { enqueue: (bytes: Uint8Array) => void parts.push(bytes) } as TransformStreamDefaultController<Uint8Array>;
  const failure: ChatChunk = { id: envelope.id, object: "chat.completion.chunk", created: envelope.created_at, model: envelope.model, choices: [], error: streamErrorBody(error) };
  responsesStreamEncoder(envelope).transform(failure, collect);
  return Buffer.concat(parts);
}
