import type { GatewayError } from "@/lib/errors/gateway-error";
import { toGatewayError } from "@/lib/errors/render-openai";
import { publicMetadata } from "@/lib/errors/openrouter-metadata";
import { LeanResponse } from "@/lib/http/lean-response";

export type AnthropicErrorType =
  | "invalid_request_error" | "authentication_error" | "billing_error" | "permission_error" | "not_found_error"
  | "request_too_large" | "rate_limit_error" | "api_error" | "timeout_error" | "overloaded_error";

const SAME = new Set<string>([
  "invalid_request_error", "authentication_error", "billing_error", "permission_error", "not_found_error",
  "request_too_large", "rate_limit_error", "api_error", "timeout_error", "overloaded_error",
]);
const BY_STATUS: Record<number, AnthropicErrorType> = {
  400: "invalid_request_error", 401: "authentication_error", 402: "billing_error", 403: "permission_error", 404: "not_found_error",
  413: "request_too_large", 429: "rate_limit_error", 503: "overloaded_error", 504: "timeout_error", 529: "overloaded_error",
};

/** Our error type (or an upstream's) as Anthropic names it; unknown ones by status. */
export function anthropicErrorType(type: string | undefined, status?: number): AnthropicErrorType {
  if (type === "service_unavailable") return "overloaded_error";
  if (type && SAME.has(type)) return type as AnthropicErrorType;
  return (status && BY_STATUS[status]) || "api_error";
}

/** `{"type":"error","error":{"type","message"}}`, with our metadata (provider, upstream status) beside. */
export function anthropicErrorBody(error: GatewayError) {
  return {
    type: "error" as const,
    error: { type: anthropicErrorType(error.type, error.status), message: error.message, ...(error.metadata ? { metadata: publicMetadata(error.metadata) } : {}) },
  };
}

/** Any failure before the first byte, as Anthropic answers it. */
export function anthropicErrorResponse(thrown: unknown): Response {
  const error = toGatewayError(thrown);
  const headers: Record<string, string> = { ...error.headers };
  if (error.retryAfterMs) headers["retry-after"] = String(Math.ceil(error.retryAfterMs / 1000));
  return LeanResponse.json(anthropicErrorBody(error), { status: error.status, headers });
}
