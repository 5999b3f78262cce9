import { maskKey, randomId } from "../ids";
import { sseFrame } from "../stream-writer";
import type { ErrorDetail, RenderedError } from "../types";

const MISSING_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.";

type Shape = { message: string; type: string; param: string | null; code: string | null };

function shape(detail: ErrorDetail): Shape {
  const model = detail.model ?? "gpt-4o";
  switch (detail.status) {
    case 400:
      return { message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", type: "invalid_request_error", param: "messages", code: "empty_array" };
    case 401:
      return detail.reason === "missing-key"
        ? { message: MISSING_KEY, type: "invalid_request_error", param: null, code: null }
        : { message: `Incorrect API key provided: ${maskKey(detail.credential ?? "")}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: "invalid_request_error", param: null, code: "invalid_api_key" };
    case 403:
      return { message: "You are not allowed to sample from this model", type: "invalid_request_error", param: null, code: null };
    case 404:
      return detail.path ? { message: `Invalid URL (${detail.method} ${detail.path})`, type: "invalid_request_error", param: null, code: null }
        : { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: "invalid_request_error", param: null, code: "model_not_found" };
    case 429:
      return { message: `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${detail.retryAfterSeconds ?? 1}s. Visit https://platform.openai.com/account/rate-limits to learn more.`, type: "requests", param: null, code: "rate_limit_exceeded" };
    case 503:
      return { message: "The server is overloaded or not ready yet.", type: "server_error", param: null, code: null };
    default:
      return { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", param: null, code: null };
  }
}

/** `{"error":{message,type,param,code}}` with x-request-id, and x-ratelimit-* headers on 429. */
export function renderOpenAiError(detail: ErrorDetail): RenderedError {
  const error = shape(detail);
  if (detail.message) Object.assign(error, { message: detail.message, code: detail.code !== undefined ? detail.code : detail.status === 400 ? null : error.code });
  if (detail.param) error.param = detail.param;
  const headers: Record<string, string> = { "x-request-id": randomId("req_", 32) };
  if (detail.status === 429) {
    const wait = detail.retryAfterSeconds ?? 1;
    Object.assign(headers, {
      "retry-after": String(wait),
      "x-ratelimit-limit-requests": "500",
      "x-ratelimit-remaining-requests": "0",
      "x-ratelimit-reset-requests": `${wait}s`,
      "x-ratelimit-limit-tokens": "30000",
      "x-ratelimit-remaining-tokens": "29000",
      "x-ratelimit-reset-tokens": "2ms",
    });
  }
  return { status: detail.status, body: { error }, headers };
}

/** OpenAI reports a failure after the first byte as a `data: {"error":…}` event. */
export const openAiStreamError = (message = "The server had an error while processing your request. Sorry about that!") =>
  sseFrame({ error: { message, type: "server_error", param: null, code: null } });
