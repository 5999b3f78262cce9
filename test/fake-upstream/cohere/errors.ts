import { randomUUID } from "node:crypto";
import { sseFrame } from "../stream-writer";
import type { ErrorDetail, RenderedError } from "../types";

function message(detail: ErrorDetail): string {
  switch (detail.status) {
    case 400:
      return "invalid request: message must be at least 1 token long or tool results must be specified.";
    case 401:
      return detail.reason === "missing-key" ? "no api key supplied" : "invalid api token";
    case 403:
      return "Forbidden: this API key cannot access this resource.";
    case 404:
      return `model '${detail.model ?? "unknown"}' not found, make sure the correct model ID was used and that you have access to the model.`;
    case 429:
      return "You are using a Trial key, which is limited to 20 API calls / minute. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at 'https://dashboard.cohere.com/api-keys'. Contact us on 'https://discord.gg/XW44jPfYJu' or email us at support@cohere.com with any questions";
    case 503:
      return "service unavailable";
    default:
      return "internal server error, this has been reported to our developers";
  }
}

/** Cohere errors are `{"id","message"}`. */
export function renderCohereError(detail: ErrorDetail): RenderedError {
  const headers: Record<string, string> = detail.status === 429 ? { "retry-after": String(detail.retryAfterSeconds ?? 1) } : {};
  return { status: detail.status, body: { id: randomUUID(), message: detail.message ?? message(detail) }, headers };
}

export const cohereStreamError = (message = "internal server error, this has been reported to our developers") =>
  sseFrame({ type: "message-end", delta: { error: message, finish_reason: "ERROR" } }, "message-end");
