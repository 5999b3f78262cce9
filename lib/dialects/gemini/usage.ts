import { pricedFields } from "@/lib/pricing/usage-cost";
import type { Usage } from "@/lib/providers/types";

export interface GeminiUsageMetadata {
  promptTokenCount: number;
  candidatesTokenCount: number;
  totalTokenCount: number;
  thoughtsTokenCount?: number;
  cachedContentTokenCount?: number;
  /** Our addition (OpenRouter's `usage.cost`): the GenAI SDKs ignore fields they do not know. */
  cost?: number | null;
}

/** Gemini counts thoughts apart from candidates; our completion tokens include them. */
export function geminiUsageMetadata(usage: Usage | null | undefined): GeminiUsageMetadata {
  const prompt = usage?.prompt_tokens ?? 0;
  const completion = usage?.completion_tokens ?? 0;
  const thoughts = usage?.completion_tokens_details?.reasoning_tokens ?? 0;
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: Math.max(0, completion - thoughts),
    totalTokenCount: usage?.total_tokens || prompt + completion,
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
    ...(cached ? { cachedContentTokenCount: cached } : {}),
    ...pricedFields(usage),
  };
}
