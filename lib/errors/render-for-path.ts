import { anthropicErrorResponse } from "@/lib/dialects/anthropic/errors";
import { geminiErrorResponse } from "@/lib/dialects/gemini/errors";
import { openAiErrorResponse, type OpenAiErrorShape } from "./render-openai";

/** OpenRouter's paths get its error shape (an integer `code`); OpenAI's `/v1` keeps OpenAI's. */
export const errorShapeForPath = (pathname: string): OpenAiErrorShape => (/^\/api\/v1(?:\/|$)/.test(pathname) ? "openrouter" : "openai");

/** The error shape of the path a request came on (read only when there is an error to render). */
export const errorShapeFor = (request: Request): OpenAiErrorShape => errorShapeForPath(new URL(request.url).pathname);

/**
 * Any failure as the dialect of the path it happened on would answer it: Google's shape under
 * /v1beta, Anthropic's on /v1/messages, OpenRouter's on the rest of /api/v1, OpenAI's elsewhere.
 */
export function errorResponseForPath(pathname: string, error: unknown, headers: Record<string, string> = {}): Response {
  if (/^\/v1beta(?:\/|$)/.test(pathname)) return geminiErrorResponse(error);
  if (/^(?:\/api)?\/v1\/messages(?:\/|$)/.test(pathname)) return anthropicErrorResponse(error);
  return openAiErrorResponse(error, headers, errorShapeForPath(pathname));
}

/** A handler's failure, in the dialect of the path its request came on. */
export function errorResponseFor(request: Request, error: unknown, headers: Record<string, string> = {}): Response {
  return errorResponseForPath(new URL(request.url).pathname, error, headers);
}
