import { randomId } from "../ids";
import { sseFrame } from "../stream-writer";
import type { ErrorDetail, RenderedError } from "../types";

const RATE_LIMITED =
  "Number of request tokens has exceeded your per-minute rate limit (https://docs.claude.com/en/api/rate-limits); see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.";

function shape(detail: ErrorDetail, viaApiKeyHeader: boolean): { type: string; message: string } {
  const oauth = (detail.credential ?? "").startsWith("sk-ant-oat");
  switch (detail.status) {
    case 400:
      return { type: "invalid_request_error", message: "messages: at least one message is required" };
    case 401:
      if (detail.reason === "missing-key") return { type: "authentication_error", message: "x-api-key header is required" };
      return { type: "authentication_error", message: viaApiKeyHeader ? "invalid x-api-key" : "Invalid bearer token" };
    case 403:
      if (oauth) return { type: "permission_error", message: "OAuth authentication is currently not allowed for this organization." };
      return { type: "permission_error", message: "Your API key does not have permission to use the specified resource." };
    case 404:
      return { type: "not_found_error", message: detail.path ? "Not Found" : `model: ${detail.model ?? "unknown"}` };
    case 413:
      return { type: "request_too_large", message: "Request exceeds the maximum allowed number of bytes." };
    case 429:
      return { type: "rate_limit_error", message: RATE_LIMITED };
    case 503:
    case 529:
      return { type: "overloaded_error", message: "Overloaded" };
    default:
      return { type: "api_error", message: "Internal server error" };
  }
}

function rateLimitHeaders(wait: number): Record<string, string> {
  const reset = new Date(Date.now() + wait * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  const headers: Record<string, string> = { "retry-after": String(wait) };
  for (const [kind, limit] of [["requests", "50"], ["tokens", "40000"], ["input-tokens", "30000"], ["output-tokens", "8000"]]) {
    headers[`anthropic-ratelimit-${kind}-limit`] = limit;
    headers[`anthropic-ratelimit-${kind}-remaining`] = kind === "output-tokens" ? limit : "0";
    headers[`anthropic-ratelimit-${kind}-reset`] = reset;
  }
  return headers;
}

/** `{"type":"error","error":{type,message},"request_id"}` with a matching request-id header. */
export function renderAnthropicError(detail: ErrorDetail, viaApiKeyHeader = true): RenderedError {
  const error = shape(detail, viaApiKeyHeader);
  if (detail.message) error.message = detail.message;
  const requestId = randomId("req_011C", 20);
  const headers: Record<string, string> = { "request-id": requestId, ...(detail.status === 429 ? rateLimitHeaders(detail.retryAfterSeconds ?? 1) : {}) };
  return { status: detail.status, body: { type: "error", error, request_id: requestId }, headers };
}

/** Anthropic reports a failure after the first byte as an `event: error`. */
export const anthropicStreamError = (message = "Overloaded") => sseFrame({ type: "error", error: { type: "overloaded_error", message } }, "error");
