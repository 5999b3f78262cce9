import type { Usage } from "@/lib/providers/types";
import type { CohereWireUsage } from "./wire-schema";

/** Token counts the model processed (`tokens`, prompt template included) when given, else billed units. */
export function convertCohereUsage(usage: CohereWireUsage | null | undefined): Usage {
  const prompt = usage?.tokens?.input_tokens ?? usage?.billed_units?.input_tokens ?? 0;
  const completion = usage?.tokens?.output_tokens ?? usage?.billed_units?.output_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(usage?.cached_tokens ? { prompt_tokens_details: { cached_tokens: usage.cached_tokens } } : {}),
  };
}
