import { randomId } from "../ids";
import type { Problem } from "./provider-rules";

export interface ProviderError {
  status: number;
  body: unknown;
}

const where = (p: Problem) => (p.index === undefined ? p.field : `messages[${p.index}].${p.field}`);

function openAiMessage(p: Problem): string {
  if (p.kind === "unsupported-parameter" && p.field === "max_tokens") return "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.";
  if (p.kind === "unsupported-parameter") return `Unsupported parameter: '${p.field}' is not supported with this model.`;
  if (p.kind === "unknown-field") return `Unrecognized request argument supplied: ${p.field}`;
  return p.message ?? `Invalid value for '${where(p)}'.`;
}

/** `{"error":{message,type,param,code}}`, OpenAI's and (with its own wording) DeepSeek's and Together's. */
function openAiStyle(p: Problem, message = openAiMessage(p), extra: Record<string, unknown> = {}): ProviderError {
  const code = p.kind === "unsupported-parameter" ? "unsupported_parameter" : null;
  return { status: 400, body: { ...extra, error: { message, type: "invalid_request_error", param: where(p), code } } };
}

/** Mistral validates with pydantic: unknown fields are 422 extra_forbidden with their location. */
function mistral(p: Problem): ProviderError {
  if (p.kind === "prefill") return { status: 400, body: { object: "error", message: "Expected last role User or Tool (or Assistant with prefix True) for serving but got assistant", type: "invalid_request_error", param: null, code: null } };
  const loc = p.index === undefined ? ["body", p.field] : ["body", "messages", p.index, p.field];
  const detail = p.kind === "shape" ? { type: "literal_error", loc, msg: p.message, input: p.value } : { type: "extra_forbidden", loc, msg: "Extra inputs are not permitted", input: p.value };
  return { status: 422, body: { object: "error", message: { detail: [detail] }, type: "invalid_request_error", param: null, code: null } };
}

function groq(p: Problem): ProviderError {
  const message = p.index === undefined
    ? `property '${p.field}' is unsupported`
    : `'messages.${p.index}' : for 'role:user' the following must be satisfied[('messages.${p.index}.${p.field}' : property '${p.field}' is unsupported)]`;
  return { status: 400, body: { error: { message: p.kind === "shape" ? p.message : message, type: "invalid_request_error" } } };
}

/** xAI answers in gRPC-status style: `{"code":"Client specified an invalid argument","error":…}`. */
const xai = (p: Problem): ProviderError => ({ status: 400, body: { code: "Client specified an invalid argument", error: p.kind === "shape" ? p.message : `Argument not supported: ${where(p)}` } });

function deepseek(p: Problem): ProviderError {
  const message = p.kind === "response-format" ? "This response_format type is unavailable now" : p.kind === "shape" ? p.message : `Unrecognized request argument supplied: ${p.field}`;
  return { status: 400, body: { error: { message, type: "invalid_request_error", param: null, code: "invalid_request_error" } } };
}

/** Cloudflare's v4 envelope, with Workers AI's "bad input" code. */
const cloudflare = (p: Problem): ProviderError => ({
  status: 400,
  body: { errors: [{ message: `AiError: Bad input: ${p.kind === "shape" ? p.message : `unexpected property '${where(p)}'`}`, code: 5006 }], success: false, result: {}, messages: [] },
});

const openRouter = (p: Problem): ProviderError => ({ status: 400, body: { error: { message: p.message ?? `Invalid ${where(p)}`, code: 400 } } });

const RENDER: Record<string, (p: Problem) => ProviderError> = {
  openai: (p) => openAiStyle(p),
  mistral,
  groq,
  xai,
  deepseek,
  together: (p) => openAiStyle(p, p.message ?? `${p.field} is not a supported parameter`, { id: randomId("", 16) }),
  "cloudflare-ai": cloudflare,
  openrouter: openRouter,
};

/** The provider's own error body for a refused request. */
export const renderProviderError = (provider: string, p: Problem): ProviderError => (RENDER[provider] ?? RENDER.openai)(p);
