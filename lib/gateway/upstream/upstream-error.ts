import { MAX_SSE_EVENT_CHARS } from "@/lib/sse/parse-sse-stream";
import { GatewayError } from "@/lib/errors/gateway-error";
import { PRIVATE_ADDRESS_CODE } from "@/lib/security/public-address";
import { redactDeep, type Redactor } from "@/lib/security/redact";
import { parseJsonOr } from "@/lib/providers/shared/safe-json";

const CREDENTIAL_REASONS = new Set(["API_KEY_INVALID", "API_KEY_EXPIRED"]);

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * An error body as OpenRouter's `metadata.raw` carries it: the JSON the provider sent, else its
 * text. Masked again once decoded: a JSON escape (`\u0073k-…`) can spell a key the raw text hides.
 */
export function rawErrorBody(body: string, redact: Redactor = (text) => text): unknown {
  const text = body.trim();
  return text ? redactDeep(parseJsonOr(text, text), redact) : null;
}

/**
 * An upstream's HTTP failure as our error: request-scoped ones (400, 404, 413, 422) go back to
 * the caller as theirs; credential, credit, rate and server failures are retryable on another
 * credential. `body` is the provider's answer, secrets already masked.
 */
export function upstreamHttpError(
  provider: string,
  status: number,
  headers: Headers,
  parsed: { message: string; code?: string; type?: string },
  body = parsed.message,
  redact?: Redactor,
): GatewayError {
  const metadata = { provider, status, raw: rawErrorBody(body, redact), ...(parsed.type ? { upstream_type: parsed.type } : {}) };
  const message = `${provider} returned ${status}: ${parsed.message}`;
  const common = { metadata, upstreamMessage: parsed.message };
  if (status === 429) {
    return new GatewayError(429, "rate_limit_error", message, { ...common, retryable: true, retryAfterMs: retryAfterMs(headers), code: "upstream_rate_limited" });
  }
  // Google answers a bad key with 400 INVALID_ARGUMENT (reason API_KEY_INVALID), not 401.
  if (status === 401 || status === 403 || CREDENTIAL_REASONS.has(parsed.code ?? "")) {
    // The provider's own code tells a revoked key from a passing refusal (lib/gateway/routing/refusals.ts).
    const authMetadata = parsed.code && parsed.code !== parsed.type ? { ...metadata, upstream_code: parsed.code } : metadata;
    return new GatewayError(502, "api_error", `${message} (check the ${provider} credential in Providers)`, { ...common, metadata: authMetadata, retryable: true, code: "upstream_auth" });
  }
  if (status === 400 || status === 404 || status === 413 || status === 422) {
    return new GatewayError(status === 413 ? 413 : 400, status === 413 ? "request_too_large" : "invalid_request_error", message, { ...common, code: "upstream_rejected" });
  }
  // 402 (out of credit) is the credential's account: another credential may still have some.
  const retryable = status === 402 || status === 408 || status === 409 || status >= 500;
  return new GatewayError(502, "api_error", message, { ...common, retryable, retryAfterMs: retryAfterMs(headers) });
}

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);

function networkCause(error: unknown): { code: string | undefined; timedOut: boolean } {
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  return { code, timedOut: (code !== undefined && TIMEOUT_CODES.has(code)) || (error as Error)?.name === "TimeoutError" };
}

/** A connection failure, reset or timeout talking to the upstream; `during` names what was under way. */
export function upstreamNetworkError(provider: string, error: unknown, during?: string): GatewayError {
  const { code, timedOut } = networkCause(error);
  if (code === PRIVATE_ADDRESS_CODE) {
    const cause = (error as { cause?: Error })?.cause ?? (error as Error);
    return new GatewayError(502, "api_error", `${provider} base URL refused: ${cause.message} (set ALLOW_PRIVATE_UPSTREAMS=true to allow)`, {
      metadata: { provider, code },
      retryable: true,
      code: "upstream_private_address",
    });
  }
  const reason = timedOut
    ? `timed out${during ? ` ${during}` : ""}`
    : during
      ? `dropped the connection ${during} (${code ?? "connection lost"})`
      : `could not be reached (${code ?? "connection error"})`;
  return new GatewayError(timedOut ? 504 : 502, timedOut ? "timeout_error" : "api_error", `${provider} ${reason}`, {
    metadata: { provider, code: code ?? null },
    retryable: true,
  });
}

/** Why a stream broke after it began: our own errors as they are, network failures named. */
export function upstreamStreamError(provider: string, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  // eventsource-parser's ParseError: an event past the limit the stream is read with.
  if ((error as { type?: string })?.type === "max-buffer-size-exceeded") {
    return new GatewayError(502, "api_error", `${provider} stream failed: an event was longer than ${MAX_SSE_EVENT_CHARS} characters`, {
      metadata: { provider, code: "event_too_long" },
    });
  }
  const { code, timedOut } = networkCause(error);
  const reason = timedOut ? "no data within the first-byte timeout" : `connection lost (${code ?? (error as Error)?.message ?? "closed"})`;
  return new GatewayError(timedOut ? 504 : 502, timedOut ? "timeout_error" : "api_error", `${provider} stream failed: ${reason}`, {
    metadata: { provider, code: code ?? null },
  });
}

/** The same error with the upstream's words in it (message, metadata) masked by `redact`. */
export function redactedError(error: GatewayError, redact: Redactor): GatewayError {
  const { status, type, param, code, metadata, retryable, retryAfterMs, headers } = error;
  return new GatewayError(status, type, redact(error.message), { param, code, metadata: metadata && redactDeep(metadata, redact), retryable, retryAfterMs, headers });
}
