import type { ServerResponse } from "node:http";
import { renderAnthropicError } from "./anthropic/errors";
import { renderCohereError } from "./cohere/errors";
import { renderGeminiError } from "./gemini/errors";
import { sendJson } from "./http";
import { renderOpenAiError } from "./openai/errors";
import type { ErrorDetail, Family, RecordedRequest, RenderedError } from "./types";

/** The error in the family's own wire shape, with the model and credential of the request it answers. */
export function renderError(family: Family, detail: ErrorDetail, record?: RecordedRequest): RenderedError {
  if (detail.raw !== undefined) return { status: detail.status, body: detail.raw, headers: {} };
  const full: ErrorDetail = { model: record?.model, credential: record?.credential, ...detail };
  if (family === "anthropic") return renderAnthropicError(full, Boolean(record?.headers["x-api-key"]));
  if (family === "gemini") return renderGeminiError(full);
  if (family === "cohere") return renderCohereError(full);
  return renderOpenAiError(full);
}

export function sendError(res: ServerResponse, family: Family, detail: ErrorDetail, record?: RecordedRequest): void {
  const { status, body, headers } = renderError(family, detail, record);
  sendJson(res, status, body, headers);
}
