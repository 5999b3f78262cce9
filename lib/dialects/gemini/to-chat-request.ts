import { definedOnly } from "@/lib/providers/shared/request-fields";
import type { ChatRequest, ReasoningEffort } from "@/lib/providers/types";
import { toJsonSchema } from "./openapi-schema";
import type { GenerateRequest } from "./schema";
import { toChatMessages } from "./to-chat-messages";
import { toolsOf } from "./tools";

type GenerationConfig = NonNullable<GenerateRequest["generationConfig"]>;

const LEVELS: Record<string, ReasoningEffort> = { MINIMAL: "minimal", LOW: "low", MEDIUM: "medium", HIGH: "high" };

/** Budget 0 turns thinking off, -1 leaves it to the model; thoughts come back only when asked for. */
function reasoningOf(config: GenerationConfig["thinkingConfig"]): ChatRequest["reasoning"] {
  if (!config) return undefined;
  const budget = config.thinkingBudget;
  if (budget === 0) return { enabled: false };
  const effort = config.thinkingLevel ? LEVELS[config.thinkingLevel] : undefined;
  const exclude = config.includeThoughts !== true;
  if (budget !== undefined && budget > 0) return definedOnly({ max_tokens: budget, effort, exclude });
  return definedOnly({ enabled: true, effort, exclude });
}

function responseFormatOf(g: GenerationConfig): ChatRequest["response_format"] {
  if (g.responseMimeType !== "application/json") return undefined;
  const schema = g.responseJsonSchema ?? toJsonSchema(g.responseSchema);
  return schema ? { type: "json_schema", json_schema: { name: "response", schema } } : { type: "json_object" };
}

/** A Gemini generateContent request as our shared request; `model` is the name from the URL path. */
export function geminiToChatRequest(input: GenerateRequest, model: string, stream: boolean): ChatRequest {
  const g = input.generationConfig ?? {};
  const request: Partial<ChatRequest> = {
    model,
    messages: toChatMessages(input.contents, input.systemInstruction),
    stream,
    ...toolsOf(input),
    max_tokens: g.maxOutputTokens,
    temperature: g.temperature,
    top_p: g.topP,
    top_k: g.topK,
    stop: g.stopSequences,
    seed: g.seed,
    n: g.candidateCount,
    presence_penalty: g.presencePenalty,
    frequency_penalty: g.frequencyPenalty,
    response_format: responseFormatOf(g),
    reasoning: reasoningOf(g.thinkingConfig),
  };
  return definedOnly(request) as ChatRequest;
}
