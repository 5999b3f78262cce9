import type { Usage } from "@/lib/providers/types";
import type { GeminiWireUsage } from "./wire-schema";

/**
 * Gemini's usageMetadata as ours. Thoughts are billed as output, so completion tokens include them
 * (noted as reasoning); tool-use prompt tokens are billed as input. Cached tokens are part of the prompt.
 */
export function convertGeminiUsage(usage: GeminiWireUsage | null | undefined): Usage {
  const prompt = (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0);
  const thoughts = usage?.thoughtsTokenCount ?? 0;
  const completion = (usage?.candidatesTokenCount ?? 0) + thoughts;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(usage?.cachedContentTokenCount ? { prompt_tokens_details: { cached_tokens: usage.cachedContentTokenCount } } : {}),
    ...(thoughts ? { completion_tokens_details: { reasoning_tokens: thoughts } } : {}),
  };
}
