import { anthropicErrorResponse } from "@/lib/dialects/anthropic/errors";
import { geminiErrorResponse } from "@/lib/dialects/gemini/errors";
import { openAiErrorResponse } from "./render-openai";

/**
 * Any failure as the dialect of the path it happened on would answer it: Google's shape under
 * /v1beta, Anthropic's on /v1/messages, OpenAI's (OpenRouter's) everywhere else.
 */
export function errorResponseForPath(pathname: string, error: unknown): Response {
  if (/^\/v1beta(?:\/|$)/.test(pathname)) return geminiErrorResponse(error);
  if (/^(?:\/api)?\/v1\/messages(?:\/|$)/.test(pathname)) return anthropicErrorResponse(error);
  return openAiErrorResponse(error);
}
