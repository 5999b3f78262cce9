import type { Body } from "../types";

/**
 * What a provider copying OpenAI's API refuses, written out here on purpose rather than read from
 * lib/providers/registry.ts: when a quirk there regresses, the fake still refuses and a test fails.
 */
export interface Problem {
  kind: "unknown-field" | "message-field" | "unsupported-parameter" | "prefill" | "response-format" | "shape";
  field: string;
  index?: number;
  value?: unknown;
  message?: string;
}

interface Rules {
  /** Top-level fields answered with the provider's 400/422. */
  refuses: string[];
  /** Fields refused on any message (e.g. `name`). */
  refusesOnMessages?: string[];
  /** Roles it does not know (OpenAI's `developer`). */
  refusesRoles?: string[];
  /** A trailing assistant message must carry `prefix: true` (Mistral). */
  prefixPrefill?: boolean;
  /** json_schema is refused, json_object only (DeepSeek). */
  jsonObjectOnly?: boolean;
  /** OpenAI's per-model refusals (reasoning and chat models). */
  byModel?: (model: string) => string[];
}

const NOT_OPENAI = ["top_k", "repetition_penalty"];
// OpenRouter's extensions: the gateway maps and drops them for everyone else, and Mistral forbids extras.
const OPENROUTER_ONLY = ["models", "route", "provider", "transforms", "plugins", "preset", "reasoning", "usage"];
const OPENAI_SAMPLING = ["temperature", "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "logit_bias"];

function openAiByModel(model: string): string[] {
  if (/^(o\d|gpt-5)(?!.*-chat)/.test(model)) return ["max_tokens", ...OPENAI_SAMPLING];
  return /^(gpt-4|gpt-3\.5|chatgpt-)/.test(model) ? ["reasoning_effort"] : [];
}

// OpenRouter ignores what a model does not support, so it refuses nothing here; it is shape-checked only.
export const PROVIDER_RULES: Record<string, Rules> = {
  openai: { refuses: NOT_OPENAI, byModel: openAiByModel },
  mistral: {
    refuses: ["logit_bias", "logprobs", "top_logprobs", "user", "reasoning_effort", "seed", "stream_options", "max_completion_tokens", ...NOT_OPENAI, ...OPENROUTER_ONLY],
    refusesOnMessages: ["name", "reasoning", "reasoning_details"], refusesRoles: ["developer"], prefixPrefill: true,
  },
  groq: { refuses: ["logit_bias", "logprobs", "top_logprobs", "n", "max_completion_tokens", ...NOT_OPENAI], refusesOnMessages: ["name"] },
  xai: { refuses: NOT_OPENAI },
  deepseek: { refuses: ["reasoning_effort", "seed", "max_completion_tokens", ...NOT_OPENAI], jsonObjectOnly: true },
  together: { refuses: ["max_completion_tokens"] },
  "cloudflare-ai": { refuses: ["logit_bias", "logprobs", "top_logprobs", "user", "reasoning_effort", "parallel_tool_calls", "n", "max_completion_tokens"] },
  openrouter: { refuses: [] },
};

function messageProblem(messages: Body[], rules: Rules): Problem | null {
  for (const [index, m] of messages.entries()) {
    const field = rules.refusesOnMessages?.find((f) => m[f] !== undefined);
    if (field) return { kind: "message-field", field, index, value: m[field] };
    if (rules.refusesRoles?.includes(m.role)) return { kind: "shape", field: "role", index, value: m.role, message: `Input should be 'system', 'user', 'assistant' or 'tool'` };
  }
  const last = messages.at(-1);
  if (rules.prefixPrefill && last?.role === "assistant" && !last.tool_calls && last.prefix !== true) return { kind: "prefill", field: "prefix", index: messages.length - 1 };
  return null;
}

/** The first field this provider refuses in a chat body, or null when it would take it. */
export function providerProblem(provider: string, body: Body): Problem | null {
  const rules = PROVIDER_RULES[provider];
  if (!rules) return null;
  const byModel = rules.byModel?.(String(body.model)) ?? [];
  const modelField = byModel.find((f) => body[f] !== undefined);
  if (modelField) return { kind: "unsupported-parameter", field: modelField, value: body[modelField] };
  const field = rules.refuses.find((f) => body[f] !== undefined);
  if (field) return { kind: "unknown-field", field, value: body[field] };
  if (rules.jsonObjectOnly && body.response_format?.type === "json_schema") return { kind: "response-format", field: "response_format", value: body.response_format };
  return messageProblem(body.messages as Body[], rules);
}
