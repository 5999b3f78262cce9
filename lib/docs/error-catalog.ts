import type { ErrorType } from "@/lib/errors/gateway-error";

export interface ErrorStatus {
  status: number;
  type: ErrorType;
  /** When the API answers with it. */
  cause: string;
  /** What the caller should do. */
  fix: string;
  /** `error.code` values that tell the causes apart, where there are several (`error.metadata.code` on /api/v1). */
  codes?: Record<string, string>;
  /** Only ever seen as a stream's final error event, never as an HTTP status of ours. */
  streamOnly?: boolean;
}

/**
 * Every status and error type the public API answers with: the errors section of the docs and the
 * OpenAPI responses are both written from this list.
 */
export const ERROR_STATUSES: ErrorStatus[] = [
  {
    status: 400, type: "invalid_request_error",
    cause: "The body is not JSON, a field is missing or invalid (error.param names it), the model is unknown, its variant or web search cannot be served by any provider of yours (the message says why), the path has a malformed %-escape, or the provider rejected the request.",
    fix: "Check the field named in the message, the model id (GET /v1/models) and the messages array.",
    codes: { upstream_rejected: "the provider refused the request as invalid (its error body is in metadata.raw)" },
  },
  {
    status: 401, type: "authentication_error",
    cause: "The token is missing, malformed, unknown or disabled (or the management key, on /api/v1/keys), or it was sent in the query string (?key= works only on Gemini's /v1beta).",
    fix: "Copy or regenerate your token on My API; send it as Authorization: Bearer lr_live_… (never in the URL).",
  },
  {
    status: 403, type: "permission_error",
    cause: "A key used on the wrong API (lr_mgmt_ on the gateway, lr_live_ on the management API), or a PKCE code or verifier that is unknown, expired or used.",
    fix: "Use an lr_live_ token for requests and an lr_mgmt_ key for /api/v1/keys; start the PKCE flow again.",
  },
  {
    status: 404, type: "not_found_error",
    cause: "No such path (every path under /v1, /api/v1 and /v1beta answers in its dialect's error shape), model (GET /v1/models/{id}), key hash, generation id, stored response (Responses API) or Gemini method; /metrics without METRICS_TOKEN.",
    fix: "Check the path and the id; another account's keys and generations are reported as not found.",
  },
  {
    status: 405, type: "invalid_request_error",
    cause: "A method the path does not serve (GET /v1/chat/completions, TRACE...); the Allow header lists the ones it does. Code method_not_allowed.",
    fix: "Use a method from the Allow header: POST for chat, messages, embeddings and the PKCE exchange, GET for models, keys and generations.",
  },
  {
    status: 413, type: "request_too_large",
    cause: "The body is larger than the server's MAX_BODY_BYTES (20 MB by default), or a remote image is too large to inline.",
    fix: "Send smaller images, or upload them to the provider and refer to them by URL or file id.",
  },
  {
    status: 424, type: "permission_error",
    cause: "Every credential of yours that could serve the model is out of service: its provider refused it (said the key is invalid or revoked, or refused it 3 times in 10 minutes). The message names each credential, when and why (times in UTC).",
    fix: "Fix or replace the credential in Providers and press Check again; OauthRouter also checks it again by itself after 1, 5 and 30 minutes, then hourly. A retry does not help before that, so the SDKs do not retry a 424.",
    codes: { credentials_refused: "each credential that could serve the model was refused by its provider (metadata.credentials lists them)" },
  },
  {
    status: 429, type: "rate_limit_error",
    cause: "The plan's monthly messages or the token's own limit are used up, every credential was rate-limited by its provider, or too many PKCE exchanges came from one address.",
    fix: "Wait for the reset (Retry-After and metadata.resets_at say when), upgrade the plan, raise the token's limit, or add another credential.",
    codes: { message_limit: "a plan or token limit is used up", upstream_rate_limited: "the providers answered 429" },
  },
  {
    status: 500, type: "api_error",
    cause: "An unexpected failure inside OauthRouter; no internals are returned.",
    fix: "Retry; if it persists, the server log has the details.",
  },
  {
    status: 502, type: "api_error",
    cause: "The provider failed, sent something unreadable, or refused your credential.",
    fix: "Check the credential in Providers (code upstream_auth) or retry; metadata.provider_name and metadata.status name the upstream, metadata.raw is its answer.",
    codes: { upstream_auth: "the provider refused the stored credential" },
  },
  {
    status: 503, type: "service_unavailable",
    cause: "None of your configured providers can serve the model (or this token's allowed providers, or the request's provider preferences, exclude them), or message limits cannot be checked right now.",
    fix: "Add a credential for the model's provider in Providers, allow that provider on the token, or loosen the provider preferences the message names.",
    codes: { no_provider: "you have no credential (in service or not) that can serve this model as asked" },
  },
  {
    status: 504, type: "timeout_error",
    cause: "The provider did not answer within UPSTREAM_FIRST_BYTE_TIMEOUT_MS (5 minutes by default).",
    fix: "Retry, stream the answer, or pick a faster model.",
  },
  {
    status: 529, type: "overloaded_error",
    cause: "The provider reported it is overloaded (Anthropic's 529); in a stream it arrives as the last event's error.",
    fix: "Retry later; a fallback in models[] or a second credential moves on by itself.",
    streamOnly: true,
  },
];

export function errorStatus(status: number): ErrorStatus {
  const found = ERROR_STATUSES.find((entry) => entry.status === status);
  if (!found) throw new Error(`No documented error status ${status}`);
  return found;
}
