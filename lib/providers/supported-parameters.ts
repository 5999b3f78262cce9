import { refusedByOpenAiModel } from "./openai/provider-fields";
import { takesPenalties } from "./gemini/generation-config";
import { getProvider } from "./registry";
import type { ChatRequest, WireFamily } from "./types";

/** The request fields that are model parameters (OpenRouter's `require_parameters` is about these). */
const PARAMETERS = [
  "temperature", "top_p", "top_k", "frequency_penalty", "presence_penalty", "repetition_penalty", "stop", "seed", "n",
  "logit_bias", "logprobs", "top_logprobs", "response_format", "tools", "tool_choice", "parallel_tool_calls",
  "reasoning", "reasoning_effort", "max_tokens", "max_completion_tokens",
] as const;

/** What each upstream family's adapter leaves out because its API has no such thing. */
const FAMILY_LACKS: Record<WireFamily, readonly string[]> = {
  openai: [],
  anthropic: ["frequency_penalty", "presence_penalty", "repetition_penalty", "seed", "n", "logit_bias", "logprobs", "top_logprobs"],
  gemini: ["repetition_penalty", "logit_bias", "logprobs", "top_logprobs", "parallel_tool_calls"],
  cohere: ["repetition_penalty", "n", "logit_bias", "logprobs", "top_logprobs", "parallel_tool_calls"],
};

function lacks(provider: string, model: string): Set<string> {
  const info = getProvider(provider);
  if (!info) return new Set();
  const dropped = (info.quirks?.unsupportedFields ?? []).filter((field) => field !== "max_tokens" && !field.startsWith("messages[]."));
  const byModel = provider === "openai" ? refusedByOpenAiModel(model) : info.family === "gemini" && !takesPenalties(model) ? ["frequency_penalty", "presence_penalty"] : [];
  return new Set([...FAMILY_LACKS[info.family], ...dropped, ...byModel]);
}

/** The parameters this request sets that the provider would leave out for this model. */
export function unsupportedParameters(provider: string, model: string, request: ChatRequest): string[] {
  const missing = lacks(provider, model);
  return PARAMETERS.filter((name) => request[name] !== undefined && missing.has(name));
}
