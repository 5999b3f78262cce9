import { getProvider } from "@/lib/providers/registry";
import type { ErrorMetadata, GatewayError } from "./gateway-error";

/**
 * Metadata as rendered: OpenRouter's clients read the provider from `provider_name` (its display
 * name) and the upstream's answer from `raw`; `provider` stays for our own documented shape.
 */
export function publicMetadata(metadata: ErrorMetadata | undefined): ErrorMetadata | undefined {
  if (!metadata?.provider || metadata.provider_name) return metadata;
  return { ...metadata, provider_name: getProvider(metadata.provider)?.name ?? metadata.provider };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request", 401: "authentication", 402: "payment_required", 403: "permission_denied", 404: "not_found",
  413: "payload_too_large", 422: "unprocessable", 429: "rate_limit_exceeded", 503: "provider_unavailable", 504: "timeout", 529: "provider_overloaded",
};

/** OpenRouter's `error_type` for a failure (its stream error chunks require one). */
export function openRouterErrorType(type: string | undefined, status: number): string {
  if (type === "timeout_error") return "timeout";
  if (type === "overloaded_error") return "provider_overloaded";
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? "server" : "unmapped");
}

/**
 * The `error` of a stream's final chunk as OpenRouter sends it: an integer `code` (the status),
 * and metadata with `error_type` (plus the provider's own code, when it gave one that is not a number).
 */
export function streamErrorBody(error: GatewayError, providerCode?: string | number) {
  const ownCode = providerCode !== undefined && !Number.isInteger(Number(providerCode)) ? { provider_code: String(providerCode) } : {};
  return {
    message: error.message,
    code: error.status,
    type: error.type,
    metadata: { ...publicMetadata(error.metadata), error_type: openRouterErrorType(error.type, error.status), ...ownCode },
  };
}
