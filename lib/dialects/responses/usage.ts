import { pricedFields } from "@/lib/pricing/usage-cost";
import type { Usage } from "@/lib/providers/types";
import type { ResponsesUsage } from "./types";

/** Our usage as the Responses API counts it: input tokens include cached ones, as prompt_tokens do. */
export function responsesUsage(usage: Usage | null | undefined): ResponsesUsage {
  const input = usage?.prompt_tokens ?? 0;
  const output = usage?.completion_tokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: usage?.prompt_tokens_details?.cached_tokens ?? 0, cache_write_tokens: usage?.prompt_tokens_details?.cache_write_tokens ?? 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: usage?.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: usage?.total_tokens ?? input + output,
    ...pricedFields(usage),
  };
}

type WireUsage = { input_tokens?: number; output_tokens?: number; total_tokens?: number; input_tokens_details?: { cached_tokens?: number } | null; output_tokens_details?: { reasoning_tokens?: number } | null };

/** A Responses usage object (OpenAI's own answer) as ours, for the usage row. */
export function usageFromResponses(usage: WireUsage | null | undefined): Usage | null {
  if (!usage) return null;
  const prompt = usage.input_tokens ?? 0;
  const completion = usage.output_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
    prompt_tokens_details: { cached_tokens: usage.input_tokens_details?.cached_tokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: usage.output_tokens_details?.reasoning_tokens ?? 0 },
  };
}

/** OpenAI's own response with the request's cost added to its usage (extra fields the SDKs keep), once the tally has priced `usage`. */
export function withResponseCost<T extends { usage?: unknown }>(response: T, usage: Usage | null): T {
  const priced = pricedFields(usage);
  if (!response.usage || typeof response.usage !== "object" || priced.cost === undefined) return response;
  return { ...response, usage: { ...response.usage, ...priced } };
}
