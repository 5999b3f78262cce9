import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { ErrorDetail, Exchange } from "../types";
import { finishReason, reasoningField, replyFor, toolCalls, usageOf } from "./reply";
import { streamChatCompletion } from "./stream";

export function validateChat({ body }: Exchange): ErrorDetail | null {
  if (!body.model) return { status: 400, message: "you must provide a model parameter", param: "model" };
  if (body.messages === undefined) return { status: 400, message: "Missing required parameter: 'messages'.", param: "messages", code: "missing_required_parameter" };
  if (!Array.isArray(body.messages) || body.messages.length === 0) return { status: 400 };
  return null;
}

/** POST …/chat/completions: a chat.completion, or chat.completion.chunk events when stream:true. */
export function chatCompletions(res: ServerResponse, ex: Exchange): Promise<void> {
  const { body } = ex;
  const reply = replyFor(body);
  const model = `${body.model}-fake-2025`;
  if (body.stream) return streamChatCompletion(res, ex, reply, model);
  const calls = toolCalls(reply);
  const message = {
    role: "assistant",
    content: calls.length ? null : reply.text,
    refusal: null,
    annotations: [],
    ...(reply.thinking ? { [reasoningField(ex.record.path)]: reply.thinking } : {}),
    ...(calls.length ? { tool_calls: calls } : {}),
  };
  return replyJson(res, ex, {
    id: "chatcmpl-fake", object: "chat.completion", created: 1_750_000_000, model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(reply) }],
    usage: usageOf(reply), service_tier: "default", system_fingerprint: "fp_fake",
  });
}
