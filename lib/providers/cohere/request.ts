import { authHeaders } from "@/lib/providers/shared/auth-headers";
import { definedOnly, functionTools, stopList } from "@/lib/providers/shared/request-fields";
import type { ChatRequest, UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { toCohereMessages } from "./messages";

const clamp = (value: number | undefined, min: number, max: number) => (value === undefined ? undefined : Math.min(max, Math.max(min, value)));

/** Cohere has no "this one function": forcing one is REQUIRED with only that tool offered. */
function toolFields(request: ChatRequest): Record<string, unknown> {
  const choice = request.tool_choice;
  const forced = typeof choice === "object" ? choice.function.name : undefined;
  const tools = functionTools(request.tools).filter((tool) => !forced || tool.function.name === forced);
  if (!tools.length) return {};
  return {
    tools: tools.map(({ function: { name, description, parameters } }) => ({
      type: "function",
      function: { name, ...(description ? { description } : {}), parameters: parameters ?? { type: "object", properties: {} } },
    })),
    tool_choice: forced || choice === "required" ? "REQUIRED" : choice === "none" ? "NONE" : undefined,
    // Cohere's strict mode is all or nothing: on only when every tool asked for it.
    strict_tools: tools.every((tool) => tool.function.strict === true) || undefined,
  };
}

function responseFormat(format: ChatRequest["response_format"]): Record<string, unknown> | undefined {
  if (format?.type === "json_object") return { type: "json_object" };
  if (format?.type === "json_schema") return { type: "json_object", ...(format.json_schema.schema ? { json_schema: format.json_schema.schema } : {}) };
  return undefined;
}

/** Sent only when asked: models without reasoning reject the field. */
function thinking(request: ChatRequest): Record<string, unknown> | undefined {
  const reasoning = request.reasoning;
  if (reasoning?.enabled === false) return { type: "disabled" };
  if (reasoning?.max_tokens) return { type: "enabled", token_budget: reasoning.max_tokens };
  return reasoning?.effort || request.reasoning_effort || reasoning?.enabled ? { type: "enabled" } : undefined;
}

/**
 * Our request as Cohere v2 chat. Sampling values are clamped to Cohere's ranges (p 0.01–0.99, k 0–500,
 * penalties 0–1) because clients routinely send OpenAI defaults such as top_p 1 that Cohere rejects.
 */
export function buildCohereChatRequest(request: ChatRequest, ctx: UpstreamContext): UpstreamRequest {
  const body = definedOnly({
    model: ctx.model,
    messages: toCohereMessages(request.messages),
    stream: request.stream || undefined,
    ...toolFields(request),
    max_tokens: request.max_completion_tokens ?? request.max_tokens,
    temperature: request.temperature,
    p: clamp(request.top_p, 0.01, 0.99),
    k: clamp(request.top_k, 0, 500),
    stop_sequences: stopList(request.stop),
    seed: request.seed,
    frequency_penalty: clamp(request.frequency_penalty, 0, 1),
    presence_penalty: clamp(request.presence_penalty, 0, 1),
    response_format: responseFormat(request.response_format),
    thinking: thinking(request),
  });
  return {
    url: `${ctx.baseUrl}/v2/chat`,
    method: "POST",
    headers: { "content-type": "application/json", accept: request.stream ? "text/event-stream" : "application/json", ...authHeaders("bearer", ctx.credential) },
    body: JSON.stringify(body),
  };
}
