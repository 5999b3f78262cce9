import type { Usage } from "@/lib/providers/types";

interface WireUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  /** DeepSeek's context-cache hits. */
  prompt_cache_hit_tokens?: number | null;
}

const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** OpenAI-dialect usage, with cached (incl. DeepSeek's cache hits) and reasoning tokens kept. */
export function convertOpenAiUsage(raw: unknown): Usage | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const usage = raw as WireUsage;
  const prompt = count(usage.prompt_tokens) ?? 0;
  const completion = count(usage.completion_tokens) ?? 0;
  const cached = count(usage.prompt_tokens_details?.cached_tokens) ?? count(usage.prompt_cache_hit_tokens);
  const cacheWrite = count(usage.prompt_tokens_details?.cache_write_tokens);
  const reasoning = count(usage.completion_tokens_details?.reasoning_tokens);
  const promptDetails = { ...(cached !== undefined ? { cached_tokens: cached } : {}), ...(cacheWrite !== undefined ? { cache_write_tokens: cacheWrite } : {}) };
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: count(usage.total_tokens) ?? prompt + completion,
    ...(Object.keys(promptDetails).length ? { prompt_tokens_details: promptDetails } : {}),
    ...(reasoning !== undefined ? { completion_tokens_details: { reasoning_tokens: reasoning } } : {}),
  };
}
