import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import { randomId } from "../ids";
import type { ErrorDetail, Exchange } from "../types";
import { contentBlocks, replyFor, stopReason, usageOf } from "./reply";
import { streamMessage } from "./stream";
import { anthropicSearchBlocks, anthropicWantsSearch } from "../web-search";

/** Anthropic's answers for what a Messages request must carry. */
export function validateMessages({ body, record }: Exchange): ErrorDetail | null {
  if (!record.headers["anthropic-version"]) return { status: 400, message: "anthropic-version: header is required" };
  for (const field of ["model", "messages", ...(record.path.endsWith("/count_tokens") ? [] : ["max_tokens"])]) {
    if (body[field] === undefined) return { status: 400, message: `${field}: Field required` };
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) return { status: 400 };
  return null;
}

/** POST /v1/messages: a message, or its event stream when stream:true. */
export function messages(res: ServerResponse, ex: Exchange): Promise<void> {
  const reply = replyFor(ex.body);
  // With the web search tool offered, Claude searches once and cites what it found.
  const searched = anthropicWantsSearch(ex.body) && !reply.toolCalls.length;
  const content = searched ? [...contentBlocks({ ...reply, text: "" }), ...anthropicSearchBlocks(reply.text)] : contentBlocks(reply);
  const usage = { ...usageOf(reply), ...(searched ? { server_tool_use: { web_search_requests: 1, web_fetch_requests: 0 } } : {}) };
  const message = {
    id: "msg_fake01", type: "message", role: "assistant", model: ex.body.model, content,
    stop_reason: stopReason(reply), stop_sequence: null, usage,
  };
  if (ex.body.stream) return streamMessage(res, ex, message);
  return replyJson(res, ex, message, { "request-id": randomId("req_011C", 20) });
}
