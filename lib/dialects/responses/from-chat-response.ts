import type { ChatChunk, ChatResponse } from "@/lib/providers/types";
import { ResponsesEventWriter } from "./stream-events";
import type { ResponseEnvelope, ResponsesResponse } from "./types";

/**
 * Our completion as a Responses `response`: the same writer as the stream, fed the whole message
 * as one chunk, so a streamed and a non-streamed answer have the same output items.
 */
export function chatResponseToResponses(response: ChatResponse, envelope: ResponseEnvelope): ResponsesResponse {
  const choice = response.choices[0];
  const message = choice?.message;
  const chunk: ChatChunk = {
    id: response.id,
    object: "chat.completion.chunk",
    created: response.created,
    model: response.model,
    choices: [{
      index: 0,
      delta: {
        content: message?.content || message?.refusal || null,
        reasoning: message?.reasoning,
        reasoning_details: message?.reasoning_details,
        tool_calls: message?.tool_calls?.map((call, index) => ({ index, ...call })),
        ...(message?.annotations ? { annotations: message.annotations } : {}),
      },
      finish_reason: choice?.finish_reason ?? "stop",
    }],
    usage: response.usage,
  };
  const writer = new ResponsesEventWriter(envelope);
  writer.next(chunk);
  writer.end();
  return writer.response();
}
