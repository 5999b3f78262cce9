import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import { randomId } from "../ids";
import type { ErrorDetail, Exchange } from "../types";
import { finishReason, groundedReplyFor, modelOf, partsFor, thinkingOf, usageOf } from "./reply";

export function validateGenerate({ body }: Exchange): ErrorDetail | null {
  if (!Array.isArray(body.contents) || body.contents.length === 0) return { status: 400, message: "* GenerateContentRequest.contents: contents is not specified\n" };
  return null;
}

/** POST /v1beta/models/{model}:generateContent: one GenerateContentResponse. */
export function generateContent(res: ServerResponse, ex: Exchange): Promise<void> {
  const { reply, grounding } = groundedReplyFor(ex.body);
  return replyJson(res, ex, {
    candidates: [{ content: { parts: partsFor(reply, thinkingOf(ex.body).showThoughts), role: "model" }, finishReason: finishReason(reply), index: 0, ...(grounding ? { groundingMetadata: grounding } : {}) }],
    usageMetadata: usageOf(reply),
    modelVersion: `${modelOf(ex.record.path)}-001`,
    responseId: randomId("", 22),
  });
}
