import type { GatewayError } from "@/lib/errors/gateway-error";
import { toGatewayError } from "@/lib/errors/render-openai";
import { LeanResponse } from "@/lib/http/lean-response";

const BY_TYPE: Record<string, string> = {
  invalid_request_error: "INVALID_ARGUMENT", request_too_large: "INVALID_ARGUMENT", authentication_error: "UNAUTHENTICATED",
  permission_error: "PERMISSION_DENIED", not_found_error: "NOT_FOUND", rate_limit_error: "RESOURCE_EXHAUSTED",
  api_error: "INTERNAL", overloaded_error: "UNAVAILABLE", service_unavailable: "UNAVAILABLE", timeout_error: "DEADLINE_EXCEEDED",
};
const BY_STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 413: "INVALID_ARGUMENT",
  429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 502: "INTERNAL", 503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED", 529: "UNAVAILABLE",
};

/** Google's status name for our error type, else for the HTTP status. */
export function geminiStatus(type: string | undefined, status: number): string {
  return (type && BY_TYPE[type]) || BY_STATUS[status] || (status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT");
}

/** `{"error":{"code","message","status"}}` as Google sends it. */
export function geminiErrorBody(error: GatewayError) {
  return { error: { code: error.status, message: error.message, status: geminiStatus(error.type, error.status) } };
}

/** Any failure before the first byte, as Google answers it. */
export function geminiErrorResponse(thrown: unknown): Response {
  const error = toGatewayError(thrown);
  const headers: Record<string, string> = { ...error.headers };
  if (error.retryAfterMs) headers["retry-after"] = String(Math.ceil(error.retryAfterMs / 1000));
  return LeanResponse.json(geminiErrorBody(error), { status: error.status, headers });
}
