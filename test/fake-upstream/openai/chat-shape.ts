import type { Body } from "../types";
import type { Problem } from "./provider-rules";

const ROLES = new Set(["system", "developer", "user", "assistant", "tool"]);
const positiveInt = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

function messageProblem(message: unknown, index: number): Problem | null {
  const at = `messages[${index}]`;
  if (!message || typeof message !== "object") return { kind: "shape", field: at, message: `${at} must be an object` };
  const m = message as Body;
  if (!ROLES.has(m.role)) return { kind: "shape", field: `${at}.role`, message: `${at}.role must be one of system, developer, user, assistant, tool` };
  const content = m.content;
  const emptyAllowed = m.role === "assistant" && Array.isArray(m.tool_calls) && m.tool_calls.length > 0;
  if (typeof content !== "string" && !Array.isArray(content) && !(emptyAllowed && content == null)) return { kind: "shape", field: `${at}.content`, message: `${at}.content must be a string or an array of parts` };
  if (Array.isArray(content) && content.some((part) => typeof part?.type !== "string")) return { kind: "shape", field: `${at}.content`, message: `${at}.content parts need a type` };
  if (m.role === "tool" && typeof m.tool_call_id !== "string") return { kind: "shape", field: `${at}.tool_call_id`, message: `${at}.tool_call_id is required for role tool` };
  return null;
}

function toolsProblem(tools: unknown): Problem | null {
  if (tools === undefined) return null;
  // Function tools need a name; other types are a provider's server tools (OpenRouter's web search).
  const ok = Array.isArray(tools) && tools.every((t) => typeof t?.type === "string" && (t.type !== "function" || typeof t.function?.name === "string"));
  return ok ? null : { kind: "shape", field: "tools", message: "tools must be an array of typed tools; a function tool needs function.name" };
}

/** The OpenAI chat body every provider copying the API expects: what the gateway must always send. */
export function chatShapeProblem(body: Body): Problem | null {
  if (typeof body.model !== "string" || !body.model) return { kind: "shape", field: "model", message: "model must be a non-empty string" };
  if (!Array.isArray(body.messages) || !body.messages.length) return { kind: "shape", field: "messages", message: "messages must be a non-empty array" };
  for (const [i, m] of body.messages.entries()) {
    const problem = messageProblem(m, i);
    if (problem) return problem;
  }
  if (body.stream !== undefined && typeof body.stream !== "boolean") return { kind: "shape", field: "stream", message: "stream must be a boolean" };
  if (body.stream_options !== undefined && body.stream !== true) return { kind: "shape", field: "stream_options", message: "The 'stream_options' parameter is only allowed when 'stream' is enabled." };
  for (const field of ["max_tokens", "max_completion_tokens", "n"]) {
    if (body[field] !== undefined && !positiveInt(body[field])) return { kind: "shape", field, message: `${field} must be a positive integer` };
  }
  return toolsProblem(body.tools);
}
