import { sseFrame } from "../stream-writer";
import type { Body, ErrorDetail, RenderedError } from "../types";

const SERVICE = "generativelanguage.googleapis.com";
const errorInfo = (reason: string) => ({ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason, domain: "googleapis.com", metadata: { service: SERVICE } });

function shape(detail: ErrorDetail): { code: number; status: string; message: string; details?: Body[] } {
  const { status } = detail;
  if (detail.reason === "missing-key") {
    // Google answers a request without any credential with 403, not 401.
    return { code: 403, status: "PERMISSION_DENIED", message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API." };
  }
  if (detail.reason === "invalid-key" && detail.providerStatus) {
    const message = "API key not valid. Please pass a valid API key.";
    return { code: 400, status: "INVALID_ARGUMENT", message, details: [errorInfo("API_KEY_INVALID"), { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message }] };
  }
  switch (status) {
    case 400:
      return { code: 400, status: "INVALID_ARGUMENT", message: "Request contains an invalid argument." };
    case 401:
      return { code: 401, status: "UNAUTHENTICATED", message: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.", details: [errorInfo("ACCESS_TOKEN_TYPE_UNSUPPORTED")] };
    case 403:
      return { code: 403, status: "PERMISSION_DENIED", message: "The caller does not have permission" };
    case 404:
      return { code: 404, status: "NOT_FOUND", message: `models/${detail.model ?? "unknown"} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.` };
    case 429:
      return {
        code: 429, status: "RESOURCE_EXHAUSTED",
        message: "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
        details: [
          { "@type": "type.googleapis.com/google.rpc.QuotaFailure", violations: [{ quotaMetric: `${SERVICE}/generate_content_free_tier_requests`, quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", quotaValue: "10" }] },
          { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${detail.retryAfterSeconds ?? 1}s` },
        ],
      };
    case 503:
      return { code: 503, status: "UNAVAILABLE", message: "The model is overloaded. Please try again later." };
    case 504:
      return { code: 504, status: "DEADLINE_EXCEEDED", message: "Deadline expired before operation could complete." };
    default:
      return { code: status, status: "INTERNAL", message: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting" };
  }
}

/** `{"error":{code,message,status,details?}}`; a 429 also says when to retry (RetryInfo and Retry-After). */
export function renderGeminiError(detail: ErrorDetail): RenderedError {
  const error = shape(detail);
  if (detail.message) error.message = detail.message;
  const headers: Record<string, string> = detail.status === 429 ? { "retry-after": String(detail.retryAfterSeconds ?? 1) } : {};
  return { status: error.code, body: { error }, headers };
}

export const geminiStreamError = (message = "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting") =>
  sseFrame({ error: { code: 500, message, status: "INTERNAL" } }, undefined, "\r\n");
