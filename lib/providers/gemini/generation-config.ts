import { definedOnly, stopList } from "@/lib/providers/shared/request-fields";
import type { ChatRequest, ReasoningEffort } from "@/lib/providers/types";
import { sanitizeSchemaForGemini } from "./schema-sanitizer";

// Budgets valid on every thinking Gemini model (2.5 Flash-Lite's floor is 512, 2.5 Flash's ceiling 24576).
const BUDGETS: Record<ReasoningEffort, number> = { minimal: 512, low: 2048, medium: 8192, high: 24576 };
/** Gemini's "think as much as the task needs". */
const DYNAMIC_BUDGET = -1;

/** Reasoning effort or an explicit budget → thinkingConfig; nothing asked, nothing sent (the model's default). */
export function thinkingConfig(request: ChatRequest): Record<string, unknown> | undefined {
  const reasoning = request.reasoning;
  if (reasoning?.enabled === false) return undefined;
  const effort = reasoning?.effort ?? request.reasoning_effort;
  const budget = reasoning?.max_tokens ?? (effort ? BUDGETS[effort] : reasoning?.enabled ? DYNAMIC_BUDGET : undefined);
  if (budget === undefined) return undefined;
  return { thinkingBudget: budget, includeThoughts: !reasoning?.exclude };
}

function responseFormat(format: ChatRequest["response_format"]): Record<string, unknown> {
  if (!format || format.type === "text") return {};
  const schema = format.type === "json_schema" ? format.json_schema.schema : undefined;
  return {
    responseMimeType: "application/json",
    ...(schema ? { responseSchema: sanitizeSchemaForGemini(schema, { propertyOrdering: true, what: "response_format.json_schema.schema" }) } : {}),
  };
}

// Only Gemini 1.5 and 2.0 take penalties; later models answer 400 "Penalty is not enabled for this model".
const TAKES_PENALTIES = /^(models\/)?gemini-(1\.5|2\.0)-/;
export const takesPenalties = (model: string) => TAKES_PENALTIES.test(model);

/** Sampling, limits, output format and thinking as Gemini's generationConfig; unset fields left out. */
export function generationConfig(request: ChatRequest, model: string): Record<string, unknown> {
  const penalties = takesPenalties(model);
  return definedOnly({
    maxOutputTokens: request.max_completion_tokens ?? request.max_tokens,
    temperature: request.temperature,
    topP: request.top_p,
    topK: request.top_k,
    stopSequences: stopList(request.stop),
    seed: request.seed,
    presencePenalty: penalties ? request.presence_penalty : undefined,
    frequencyPenalty: penalties ? request.frequency_penalty : undefined,
    candidateCount: request.n,
    ...responseFormat(request.response_format),
    thinkingConfig: thinkingConfig(request),
  });
}
