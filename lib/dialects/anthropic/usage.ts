import { pricedFields } from "@/lib/pricing/usage-cost";
import type { Usage } from "@/lib/providers/types";

export interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  /** Our addition (OpenRouter's `usage.cost`): Anthropic's SDKs ignore fields they do not know. */
  cost?: number | null;
}

/** Anthropic counts cache reads and writes apart from input_tokens; our prompt tokens include both. */
export function anthropicUsage(usage: Usage | null | undefined): AnthropicUsage {
  const read = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const written = usage?.prompt_tokens_details?.cache_write_tokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - read - written),
    output_tokens: usage?.completion_tokens ?? 0,
    cache_read_input_tokens: read,
    cache_creation_input_tokens: written,
    ...pricedFields(usage),
  };
}
