import type { ModelTraits } from "./catalog/model-traits";
import { refusedByOpenAiModel } from "./openai/provider-fields";
import { takesPenalties } from "./gemini/generation-config";
import { getProvider } from "./registry";
import type { ChatRequest, WireFamily } from "./types";

/**
 * The request fields that are model parameters: what OpenRouter's `require_parameters` is about,
 * and (with the names below) what the Models API's `supported_parameters` lists.
 */
const PARAMETERS = [
  "max_tokens", "temperature", "top_p", "top_k", "frequency_penalty", "presence_penalty", "repetition_penalty", "stop", "seed", "n",
  "logit_bias", "logprobs", "top_logprobs", "response_format", "tools", "tool_choice", "parallel_tool_calls",
  "reasoning", "reasoning_effort", "max_completion_tokens",
] as const;

type Parameter = (typeof PARAMETERS)[number];

/** What each upstream family's adapter leaves out because its API has no such thing. */
const FAMILY_LACKS: Record<WireFamily, readonly Parameter[]> = {
  openai: [],
  anthropic: ["frequency_penalty", "presence_penalty", "repetition_penalty", "seed", "n", "logit_bias", "logprobs", "top_logprobs"],
  gemini: ["repetition_penalty", "logit_bias", "logprobs", "top_logprobs", "parallel_tool_calls"],
  cohere: ["repetition_penalty", "n", "logit_bias", "logprobs", "top_logprobs", "parallel_tool_calls"],
};

/** What the provider leaves out for this model: its family's API lacks it, the provider or the model refuses it. */
function lacks(provider: string, model: string): Set<string> {
  const info = getProvider(provider);
  if (!info) return new Set();
  // OpenAI's adapter sends max_tokens as max_completion_tokens: listing it there is a rename, not a refusal.
  const dropped = (info.quirks?.unsupportedFields ?? []).filter((field) => field !== "max_tokens" && !field.startsWith("messages[]."));
  const byModel = provider === "openai" ? refusedByOpenAiModel(model) : info.family === "gemini" && !takesPenalties(model) ? ["frequency_penalty", "presence_penalty"] : [];
  return new Set([...FAMILY_LACKS[info.family], ...dropped, ...byModel]);
}

/** The parameters this request sets that the provider would leave out for this model (`require_parameters`). */
export function unsupportedParameters(provider: string, model: string, request: ChatRequest): string[] {
  const missing = lacks(provider, model);
  return PARAMETERS.filter((name) => request[name] !== undefined && missing.has(name));
}

// OpenRouter's listing names max_tokens for both limits and no `n`; tools and reasoning only where the model has them.
const UNLISTED = new Set<Parameter>(["n", "max_completion_tokens"]);
const TOOL_PARAMETERS = new Set<Parameter>(["tools", "tool_choice", "parallel_tool_calls"]);
const REASONING_PARAMETERS = new Set<Parameter>(["reasoning", "reasoning_effort"]);
/** OpenRouter's names for what a parameter of ours also covers. */
const OPENROUTER_ALIASES: Partial<Record<Parameter, string[]>> = { response_format: ["structured_outputs"], reasoning: ["include_reasoning"] };

/**
 * OpenRouter's `supported_parameters` for a model at a provider (the Models API): the parameters
 * `require_parameters` accepts there, as OpenRouter names them, tools and reasoning where the model has them.
 */
export function supportedParameters(provider: string, model: string, traits: ModelTraits): string[] {
  if (traits.output.includes("embeddings")) return [];
  const missing = lacks(provider, model);
  const listed = PARAMETERS.filter((name) => !missing.has(name) && !UNLISTED.has(name)
    && (traits.tools || !TOOL_PARAMETERS.has(name)) && (traits.reasoning || !REASONING_PARAMETERS.has(name)));
  return listed.flatMap((name) => [name, ...(OPENROUTER_ALIASES[name] ?? [])]);
}
