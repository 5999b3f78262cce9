import type { ServerResponse } from "node:http";
import { pieces } from "../conversation";
import { randomId } from "../ids";
import { sseFrame, writeStream } from "../stream-writer";
import type { Body, Exchange } from "../types";
import { geminiStreamError } from "./errors";
import { finishReason, groundedReplyFor, modelOf, partsFor, thinkingOf, usageOf } from "./reply";

/** One GenerateContentResponse per thought, per word and for the calls; usage grows on every chunk. */
function chunks(ex: Exchange): Body[] {
  const { reply, grounding } = groundedReplyFor(ex.body);
  const parts = partsFor(reply, thinkingOf(ex.body).showThoughts);
  const groups: Body[][] = [];
  for (const part of parts.filter((p) => !p.functionCall)) {
    const words = pieces(part.text);
    words.forEach((piece, i) => groups.push([{ ...part, text: piece, thoughtSignature: i === words.length - 1 ? part.thoughtSignature : undefined }]));
  }
  const calls = parts.filter((p) => p.functionCall);
  if (calls.length) groups.push(calls);
  if (groups.length === 0) groups.push([{ text: "" }]);
  const common = { modelVersion: `${modelOf(ex.record.path)}-001`, responseId: randomId("", 22) };
  let written = 0;
  return groups.map((group, i) => {
    written += group.filter((p) => !p.thought && p.text).length;
    const last = i === groups.length - 1;
    // The grounding arrives with the last event, as Google's does.
    const candidate = { content: { parts: group, role: "model" }, ...(last ? { finishReason: finishReason(reply), ...(grounding ? { groundingMetadata: grounding } : {}) } : {}), index: 0 };
    return { candidates: [candidate], usageMetadata: usageOf(reply, last ? reply.completionTokens : written), ...common };
  });
}

/** `:streamGenerateContent?alt=sse` gives `data:` events; without alt, Google streams one JSON array. */
export function streamGenerateContent(res: ServerResponse, ex: Exchange): Promise<void> {
  const events = chunks(ex);
  if (ex.record.query.alt === "sse") {
    return writeStream(res, ex, events.map((e) => sseFrame(e, undefined, "\r\n")), { contentType: "text/event-stream", errorFrame: geminiStreamError });
  }
  const errorFrame = (message = "An internal error has occurred.") => JSON.stringify({ error: { code: 500, message, status: "INTERNAL" } });
  return writeStream(res, ex, events.map((e) => JSON.stringify(e)), { contentType: "application/json; charset=UTF-8", open: "[", separator: "\n,\r\n", close: "]", errorFrame });
}
