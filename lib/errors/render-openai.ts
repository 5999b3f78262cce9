import { ZodError } from "zod";
import { publicUrl } from "@/lib/config/env";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { errorReason, log } from "@/lib/observability/logger";
import { GatewayError, isGatewayError } from "./gateway-error";
import { publicMetadata } from "./openrouter-metadata";
import { LeanResponse } from "@/lib/http/lean-response";

/** Where every error points: the errors section of our own docs, on the configured host. */
export const errorDocsUrl = () => `${publicUrl()}/docs#errors`;

/** Any thrown value as a GatewayError; unknown failures become a 500 with no internals. */
export function toGatewayError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    const message = field ? `Invalid request: '${field}' ${issue?.message}` : `Invalid request: ${issue?.message}`;
    return new GatewayError(400, "invalid_request_error", message, { param: field });
  }
  // decodeURIComponent / encodeURIComponent on what a caller sent: a malformed %-escape or a lone surrogate.
  if (error instanceof URIError) {
    return new GatewayError(400, "invalid_request_error", "Invalid request: malformed percent-encoding or an unpaired surrogate (URI malformed)");
  }
  if (isDatabaseUnavailable(error)) {
    log.warn("database unavailable", { error: errorReason(error) });
    return new GatewayError(503, "service_unavailable", "The database is unavailable right now; please retry shortly", { retryAfterMs: 2_000 });
  }
  log.error("unexpected error", { error: errorReason(error) });
  return new GatewayError(500, "api_error", "Internal error; the request was not completed");
}

/**
 * Whose clients read an OpenAI-dialect error: OpenAI's SDKs take any `code`; OpenRouter's (on its
 * paths, /api/v1) validate it as an integer, so there it is the status and our code is metadata.code.
 */
export type OpenAiErrorShape = "openai" | "openrouter";

/** The OpenAI-dialect error body: `{"error":{"message","type","param","code","metadata","docs_url"}}`. */
export function openAiErrorBody(error: GatewayError, shape: OpenAiErrorShape = "openai") {
  const metadata = publicMetadata(error.metadata);
  const ownCode = shape === "openrouter" && error.code ? { code: error.code } : undefined;
  return {
    error: {
      message: error.message,
      type: error.type,
      param: error.param ?? null,
      code: shape === "openrouter" ? error.status : (error.code ?? error.status),
      ...(metadata || ownCode ? { metadata: { ...metadata, ...ownCode } } : {}),
      docs_url: errorDocsUrl(),
    },
  };
}

export function openAiErrorResponse(thrown: unknown, extraHeaders: Record<string, string> = {}, shape: OpenAiErrorShape = "openai"): Response {
  const error = toGatewayError(thrown);
  const headers: Record<string, string> = { ...extraHeaders, ...error.headers };
  if (error.retryAfterMs) headers["retry-after"] = String(Math.ceil(error.retryAfterMs / 1000));
  return LeanResponse.json(openAiErrorBody(error, shape), { status: error.status, headers });
}
