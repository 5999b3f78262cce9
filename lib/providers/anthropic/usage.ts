import type { Usage } from "@/lib/providers/types";
import type { AnthropicUsage } from "./wire-schema";

/**
 * Anthropic counts cache reads and writes apart from `input_tokens`; our prompt tokens include
 * both, with each part noted. Thinking tokens are part of the output, as OpenAI's reasoning tokens.
 */
export function convertAnthropicUsage(usage: AnthropicUsage | null | undefined): Usage {
  const cacheRead = usage?.cache_read_input_tokens ?? 0;
  const cacheWrite = usage?.cache_creation_input_tokens ?? 0;
  const prompt = (usage?.input_tokens ?? 0) + cacheRead + cacheWrite;
  const completion = usage?.output_tokens ?? 0;
  const thinking = usage?.output_tokens_details?.thinking_tokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cacheRead, cache_write_tokens: cacheWrite },
    ...(thinking != null ? { completion_tokens_details: { reasoning_tokens: thinking } } : {}),
  };
}
