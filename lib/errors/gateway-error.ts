/**
 * The one error family of the product. Every failure on the request path becomes a GatewayError,
 * and each API dialect (OpenAI, Anthropic, Gemini) renders it once, in lib/errors/render-*.ts.
 */
export const ERROR_TYPES = [
  "invalid_request_error",
  "authentication_error",
  "permission_error",
  "not_found_error",
  "request_too_large",
  "rate_limit_error",
  "api_error",
  "overloaded_error",
  "service_unavailable",
  "timeout_error",
] as const;

export type ErrorType = (typeof ERROR_TYPES)[number];

export interface ErrorMetadata {
  provider?: string;
  /** The provider's display name, as OpenRouter's clients read it (added when rendered). */
  provider_name?: string;
  /** The upstream's HTTP status, when the error came from a provider. */
  status?: number;
  /** What the upstream answered (its JSON error body, or its text), secrets masked; never our stack. */
  raw?: unknown;
  [key: string]: unknown;
}

export interface GatewayErrorOptions {
  param?: string;
  code?: string;
  metadata?: ErrorMetadata;
  /** Whether another credential or model may succeed where this one failed. */
  retryable?: boolean;
  /** Milliseconds the upstream asked us to wait (Retry-After). */
  retryAfterMs?: number;
  headers?: Record<string, string>;
  /** The provider's own message, for Providers and the logs (not rendered). */
  upstreamMessage?: string;
}

export class GatewayError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly param?: string;
  readonly code?: string;
  readonly metadata?: ErrorMetadata;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly headers: Record<string, string>;
  readonly upstreamMessage?: string;

  constructor(status: number, type: ErrorType, message: string, options: GatewayErrorOptions = {}) {
    super(message);
    this.name = "GatewayError";
    this.status = status;
    this.type = type;
    this.param = options.param;
    this.code = options.code;
    this.metadata = options.metadata;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.headers = { ...options.headers };
    this.upstreamMessage = options.upstreamMessage;
  }
}

export const badRequest = (message: string, param?: string) =>
  new GatewayError(400, "invalid_request_error", message, { param });

export const unauthorized = (message = "Invalid or disabled token") =>
  new GatewayError(401, "authentication_error", message);

export const forbidden = (message: string) => new GatewayError(403, "permission_error", message);

export const notFound = (message: string) => new GatewayError(404, "not_found_error", message);

/** The provider's own words for a failure when it gave some, else our message. */
export function upstreamMessage(error: GatewayError): string {
  const raw = error.metadata?.raw;
  return error.upstreamMessage ?? (typeof raw === "string" ? raw : error.message);
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}
