import type { ServerResponse } from "node:http";
import { pieces } from "../conversation";
import { replyJson } from "../http";
import { sseFrame, writeStream } from "../stream-writer";
import type { Body, Exchange } from "../types";
import { responsesReply } from "./responses-reply";

export { validateResponses } from "./responses-reply";

const ERROR_MESSAGE = "The server had an error while processing your request. Sorry about that!";
const errorEvent = (message = ERROR_MESSAGE) => ({ type: "error", sequence_number: 0, code: "server_error", message, param: null });
const FORMAT = { contentType: "text/event-stream; charset=utf-8", errorFrame: (message?: string) => sseFrame(errorEvent(message), "error") };

/** Each output item's events as OpenAI sends them: added, its parts and deltas word by word, done. */
function itemEvents(item: Body, index: number): Body[] {
  const at = { item_id: item.id, output_index: index };
  const events: Body[] = [];
  if (item.type === "message") {
    const text = item.content[0].text as string;
    const part = { type: "output_text", annotations: [], logprobs: [], text: "" };
    events.push({ type: "response.output_item.added", output_index: index, item: { ...item, status: "in_progress", content: [] } });
    events.push({ type: "response.content_part.added", ...at, content_index: 0, part });
    for (const piece of pieces(text)) events.push({ type: "response.output_text.delta", ...at, content_index: 0, delta: piece, logprobs: [] });
    events.push({ type: "response.output_text.done", ...at, content_index: 0, text, logprobs: [] });
    events.push({ type: "response.content_part.done", ...at, content_index: 0, part: { ...part, text } });
  } else if (item.type === "function_call") {
    events.push({ type: "response.output_item.added", output_index: index, item: { ...item, status: "in_progress", arguments: "" } });
    const args = item.arguments as string;
    for (const delta of [args.slice(0, 5), args.slice(5)]) events.push({ type: "response.function_call_arguments.delta", ...at, delta });
    events.push({ type: "response.function_call_arguments.done", ...at, arguments: args });
  } else {
    events.push({ type: "response.output_item.added", output_index: index, item: { ...item, summary: [] } });
    for (const [summary_index, summary] of (item.summary as Body[]).entries()) {
      events.push({ type: "response.reasoning_summary_part.added", ...at, summary_index, part: { type: "summary_text", text: "" } });
      for (const delta of pieces(summary.text)) events.push({ type: "response.reasoning_summary_text.delta", ...at, summary_index, delta });
      events.push({ type: "response.reasoning_summary_text.done", ...at, summary_index, text: summary.text });
      events.push({ type: "response.reasoning_summary_part.done", ...at, summary_index, part: summary });
    }
  }
  events.push({ type: "response.output_item.done", output_index: index, item });
  return events;
}

/** POST …/responses: a response object, or with stream:true OpenAI's event sequence with sequence numbers. */
export function responses(res: ServerResponse, ex: Exchange): Promise<void> {
  const { response } = responsesReply(ex.body);
  if (!ex.body.stream) return replyJson(res, ex, response);
  const opening = { ...response, status: "in_progress", output: [], usage: null, incomplete_details: null };
  const events: Body[] = [
    { type: "response.created", response: opening },
    { type: "response.in_progress", response: opening },
    ...response.output.flatMap(itemEvents),
    { type: response.status === "incomplete" ? "response.incomplete" : "response.completed", response },
  ];
  const frames = events.map((event, sequence_number) => sseFrame({ type: event.type, sequence_number, ...event }, event.type));
  return writeStream(res, ex, frames, FORMAT);
}
