import { GatewayError } from "@/lib/errors/gateway-error";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";
import type { UpstreamContext } from "@/lib/providers/types";
import { googleErrorSchema, type GoogleWireError } from "./wire-schema";

/** `{"error":{"code","message","status","details"}}` (an array of those from a non-SSE stream), or text. */
export function parseGeminiErrorBody(status: number, body: string): { message: string; code?: string; type?: string } {
  const parsed = parseJsonOr(body, null);
  const root = Array.isArray(parsed) ? parsed[0] : parsed;
  const error = googleErrorSchema.safeParse((root as { error?: unknown } | null)?.error);
  if (error.success && error.data.message) {
    // ErrorInfo.reason (API_KEY_INVALID, …) is the most specific code Google gives.
    const reason = error.data.details?.find((detail) => detail.reason)?.reason;
    return { message: error.data.message, code: reason ?? undefined, type: error.data.status ?? undefined };
  }
  return { message: body.trim().slice(0, 500) || `HTTP ${status}` };
}

/** An `error` event inside a stream: after the first byte, so it ends the stream rather than retrying. */
export function geminiStreamError(ctx: UpstreamContext, error: GoogleWireError): GatewayError {
  const message = error.message ?? "stream error";
  const details = { metadata: { provider: ctx.provider, raw: { error }, ...(error.status ? { upstream_type: error.status } : {}) }, upstreamMessage: message };
  if (error.code === 429) return new GatewayError(429, "rate_limit_error", `${ctx.provider}: ${message}`, details);
  if (error.code === 400) return new GatewayError(400, "invalid_request_error", `${ctx.provider}: ${message}`, details);
  return new GatewayError(502, "api_error", `${ctx.provider}: ${message}`, details);
}
