import type { ServerResponse } from "node:http";
import { pieces, type Reply } from "../conversation";
import { randomId } from "../ids";
import { sseFrame, writeStream } from "../stream-writer";
import type { Body, Exchange } from "../types";
import { cohereStreamError } from "./errors";
import { finishReason, TOOL_PLAN, toolCalls, usageOf } from "./reply";

const FORMAT = { contentType: "text/event-stream", errorFrame: cohereStreamError };
const frame = (data: Body) => sseFrame(data, data.type);

/**
 * message-start; content-start / content-delta per word / content-end; or tool-plan-delta per word
 * and tool-call-start / tool-call-delta / tool-call-end per call; message-end with usage.
 */
export function streamChat(res: ServerResponse, ex: Exchange, reply: Reply): Promise<void> {
  const frames = [frame({ id: randomId("", 32), type: "message-start", delta: { message: { role: "assistant", content: [], tool_plan: "", tool_calls: [], citations: [] } } })];
  const calls = toolCalls(reply);
  if (!calls.length) {
    frames.push(frame({ type: "content-start", index: 0, delta: { message: { content: { type: "text", text: "" } } } }));
    for (const p of pieces(reply.text)) frames.push(frame({ type: "content-delta", index: 0, delta: { message: { content: { text: p } } } }));
    frames.push(frame({ type: "content-end", index: 0 }));
  } else {
    for (const p of pieces(TOOL_PLAN)) frames.push(frame({ type: "tool-plan-delta", delta: { message: { tool_plan: p } } }));
  }
  calls.forEach((call, index) => {
    frames.push(frame({ type: "tool-call-start", index, delta: { message: { tool_calls: { ...call, function: { name: call.function.name, arguments: "" } } } } }));
    const args = call.function.arguments;
    for (const part of [args.slice(0, 5), args.slice(5)]) frames.push(frame({ type: "tool-call-delta", index, delta: { message: { tool_calls: { function: { arguments: part } } } } }));
    frames.push(frame({ type: "tool-call-end", index }));
  });
  frames.push(frame({ type: "message-end", delta: { finish_reason: finishReason(reply), usage: usageOf(reply) } }));
  return writeStream(res, ex, frames, FORMAT);
}
