import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import { randomId } from "../ids";
import type { ErrorDetail, Exchange } from "../types";
import { contentBlocks, replyFor, stopReason, usageOf } from "./reply";
import { streamMessage } from "./stream";

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
  const message = {
    id: "msg_fake01", type: "message", role: "assistant", model: ex.body.model, content: contentBlocks(reply),
    stop_reason: stopReason(reply), stop_sequence: null, usage: usageOf(reply),
  };
  if (ex.body.stream) return streamMessage(res, ex, message);
  return replyJson(res, ex, message, { "request-id": randomId("req_011C", 20) });
}
