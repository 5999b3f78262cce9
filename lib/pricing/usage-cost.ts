import { calcPrice } from "@pydantic/genai-prices";
import { log } from "@/lib/observability/logger";
import type { CostDetails, Usage } from "@/lib/providers/types";
import { modelPrices, type PriceSource } from "./model-prices";

/** What one request cost at its provider. */
export interface UsageCost {
  /** Millionths of a dollar, as stored on the usage row. */
  micros: number;
  usd: number;
  promptUsd: number;
  completionUsd: number;
  /** From our own token count: the provider reported no usage. */
  estimated: boolean;
  source: PriceSource;
}

/** Our usage as genai-prices counts it: input includes cache reads and writes, output includes reasoning. */
function priceableUsage(usage: Usage): Record<string, number> {
  const input = Math.max(0, usage.prompt_tokens);
  const read = Math.min(input, Math.max(0, usage.prompt_tokens_details?.cached_tokens ?? 0));
  const write = Math.min(input - read, Math.max(0, usage.prompt_tokens_details?.cache_write_tokens ?? 0));
  return { input_tokens: input, cache_read_tokens: read, cache_write_tokens: write, output_tokens: Math.max(0, usage.completion_tokens) };
}

/**
 * The cost of a usage at a provider, priced under the model that answered (or, when no list
 * knows that name, the first of `fallbackModels` one does); null when no price is known. Tiered
 * and dated prices are the package's calculation. Safe on the request path: prices are cached.
 */
export function usageCost(provider: string, models: Array<string | null | undefined>, usage: Usage, estimated = false): UsageCost | null {
  for (const model of models) {
    if (!model) continue;
    const prices = modelPrices(provider, model);
    if (!prices) continue;
    try {
      const priced = calcPrice(priceableUsage(usage), "model", { provider: prices.list, timestamp: new Date() });
      if (!priced) return null;
      return {
        micros: Math.round(priced.total_price * 1e6),
        usd: priced.total_price,
        promptUsd: priced.input_price,
        completionUsd: priced.output_price,
        estimated,
        source: prices.source,
      };
    } catch (error) {
      log.warn("request cost could not be computed", { provider, model, error: (error as Error).message });
      return null;
    }
  }
  return null;
}

/** OpenRouter's `usage.cost` fields for a usage: dollars, null when the price is unknown. */
export function costFields(cost: UsageCost | null): Pick<Usage, "cost" | "is_byok" | "cost_details"> {
  const details: CostDetails = {
    upstream_inference_cost: cost?.usd ?? null,
    upstream_inference_prompt_cost: cost?.promptUsd ?? null,
    upstream_inference_completions_cost: cost?.completionUsd ?? null,
    ...(cost?.estimated ? { estimated: true } : {}),
  };
  return { cost: cost?.usd ?? null, is_byok: true, cost_details: details };
}

/** The cost fields a priced usage carries, for a dialect to add to its own usage object. */
export function pricedFields(usage: Usage | null | undefined): Pick<Usage, "cost" | "is_byok" | "cost_details"> {
  if (!usage || usage.cost === undefined) return {};
  return { cost: usage.cost, is_byok: usage.is_byok, cost_details: usage.cost_details };
}
