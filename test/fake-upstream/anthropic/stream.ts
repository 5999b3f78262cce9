import type { ServerResponse } from "node:http";
import { pieces } from "../conversation";
import { randomId } from "../ids";
import { sseFrame, writeStream } from "../stream-writer";
import type { Body, Exchange } from "../types";
import { anthropicStreamError } from "./errors";

const FORMAT = { contentType: "text/event-stream; charset=utf-8", errorFrame: anthropicStreamError };
const frame = (data: Body) => sseFrame(data, data.type);

function blockFrames(index: number, block: Body): string[] {
  const start = block.type === "text" ? { type: "text", text: "" }
    : block.type === "thinking" ? { type: "thinking", thinking: "", signature: "" }
    : block.type === "web_search_tool_result" ? block
    : { ...block, input: {} };
  const frames = [frame({ type: "content_block_start", index, content_block: start })];
  const delta = (d: Body) => frames.push(frame({ type: "content_block_delta", index, delta: d }));
  // A cited text block sends its citations ahead of its text.
  if (block.type === "text") for (const citation of block.citations ?? []) delta({ type: "citations_delta", citation });
  if (block.type === "text") for (const p of pieces(block.text)) delta({ type: "text_delta", text: p });
  if (block.type === "thinking") {
    for (const p of pieces(block.thinking)) delta({ type: "thinking_delta", thinking: p });
    delta({ type: "signature_delta", signature: block.signature });
  }
  if (block.type === "tool_use" || block.type === "server_tool_use") {
    const json = JSON.stringify(block.input);
    for (const part of [json.slice(0, 4), json.slice(4)]) delta({ type: "input_json_delta", partial_json: part });
  }
  frames.push(frame({ type: "content_block_stop", index }));
  return frames;
}

/**
 * message_start, content_block_start, ping, the blocks' deltas (citations_delta + text_delta,
 * thinking_delta + signature_delta, input_json_delta), content_block_stop, message_delta (stop
 * reason, usage), message_stop.
 */
export function streamMessage(res: ServerResponse, ex: Exchange, message: Body): Promise<void> {
  const { usage } = message;
  const frames = [frame({ type: "message_start", message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } })];
  (message.content as Body[]).forEach((block, index) => frames.push(...blockFrames(index, block)));
  // The real API pings right after the first content_block_start.
  frames.splice(Math.min(2, frames.length), 0, frame({ type: "ping" }));
  const { input_tokens, cache_creation_input_tokens, cache_read_input_tokens, output_tokens, server_tool_use } = usage;
  const final = { input_tokens, cache_creation_input_tokens, cache_read_input_tokens, output_tokens, ...(server_tool_use ? { server_tool_use } : {}) };
  frames.push(frame({ type: "message_delta", delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: final }));
  frames.push(frame({ type: "message_stop" }));
  return writeStream(res, ex, frames, FORMAT, { "request-id": randomId("req_011C", 20) });
}
