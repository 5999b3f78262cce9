import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import { randomId } from "../ids";
import type { ErrorDetail, Exchange } from "../types";
import { finishReason, replyFor, TOOL_PLAN, toolCalls, usageOf } from "./reply";
import { streamChat } from "./stream";

export function validateChat({ body }: Exchange): ErrorDetail | null {
  if (!body.model) return { status: 400, message: "invalid request: model must be specified" };
  if (!Array.isArray(body.messages) || body.messages.length === 0) return { status: 400, message: "invalid request: messages must be specified" };
  return null;
}

/** POST /v2/chat: a chat response, or its event stream when stream:true. */
export function chat(res: ServerResponse, ex: Exchange): Promise<void> {
  const reply = replyFor(ex.body);
  if (ex.body.stream) return streamChat(res, ex, reply);
  const calls = toolCalls(reply);
  const message = {
    role: "assistant",
    ...(calls.length ? { tool_plan: TOOL_PLAN, tool_calls: calls } : { content: [{ type: "text", text: reply.text }] }),
  };
  return replyJson(res, ex, { id: randomId("", 32), message, finish_reason: finishReason(reply), usage: usageOf(reply) });
}
