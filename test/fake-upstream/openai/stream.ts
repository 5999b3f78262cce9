import type { ServerResponse } from "node:http";
import { pieces } from "../conversation";
import { sseFrame, writeStream } from "../stream-writer";
import type { Body, Exchange } from "../types";
import { finishReason, reasoningField, toolCalls, usageOf, type SearchedReply } from "./reply";
import { openAiStreamError } from "./errors";

const FORMAT = { contentType: "text/event-stream; charset=utf-8", errorFrame: openAiStreamError };

/**
 * `data: {chat.completion.chunk}` events: role, reasoning, one chunk per word, annotations, tool calls (name,
 * then arguments in two parts), the finish reason, a usage chunk when asked for, `[DONE]`.
 */
export function streamChatCompletion(res: ServerResponse, ex: Exchange, reply: SearchedReply, model: string): Promise<void> {
  const includeUsage = Boolean(ex.body.stream_options?.include_usage);
  // With include_usage every chunk carries `usage: null` until the last one.
  const base = { id: "chatcmpl-fake", object: "chat.completion.chunk", created: 1_750_000_000, model, service_tier: "default", system_fingerprint: "fp_fake", ...(includeUsage ? { usage: null } : {}) };
  const chunk = (delta: Body, finish: string | null = null) => sseFrame({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  const frames = [chunk({ role: "assistant", content: "", refusal: null })];
  const reasoning = reasoningField(ex.record.path);
  for (const piece of pieces(reply.thinking ?? "")) frames.push(chunk({ [reasoning]: piece }));
  for (const piece of pieces(reply.text)) frames.push(chunk({ content: piece }));
  // A search model sends its citations once the text is out.
  if (reply.annotations.length) frames.push(chunk({ annotations: reply.annotations }));
  for (const [index, call] of toolCalls(reply).entries()) {
    frames.push(chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }));
    const args = call.function.arguments;
    for (const part of [args.slice(0, 5), args.slice(5)]) frames.push(chunk({ tool_calls: [{ index, function: { arguments: part } }] }));
  }
  frames.push(chunk({}, finishReason(reply)));
  if (includeUsage) frames.push(sseFrame({ ...base, choices: [], usage: usageOf(reply) }));
  frames.push("data: [DONE]\n\n");
  return writeStream(res, ex, frames, FORMAT);
}
