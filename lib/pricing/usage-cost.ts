import { calcPrice, type ModelPrice } from "@pydantic/genai-prices";
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

/** A price per million tokens, or the tier a prompt of `inputTokens` falls in (past a tier's start). */
function rate(price: ModelPrice[string], inputTokens: number): number {
  if (typeof price === "number") return price;
  if (!price) return 0;
  let current = price.base;
  let from = -1;
  for (const tier of price.tiers) {
    if (inputTokens > tier.start && tier.start > from) [current, from] = [tier.price, tier.start];
  }
  return current;
}

/**
 * The token prices of one price set, as genai-prices computes them (a cache part without a price
 * of its own is charged as input), without its general unit machinery: about 1 µs instead of 100.
 */
function tokenPrice(prices: ModelPrice, usage: Record<string, number>): { input_price: number; output_price: number; total_price: number } {
  const input = usage.input_tokens;
  const read = prices.cache_read_mtok === undefined ? 0 : usage.cache_read_tokens;
  const write = prices.cache_write_mtok === undefined ? 0 : usage.cache_write_tokens;
  const inputPrice = ((input - read - write) * rate(prices.input_mtok, input) + read * rate(prices.cache_read_mtok, input) + write * rate(prices.cache_write_mtok, input)) / 1e6;
  const outputPrice = (usage.output_tokens * rate(prices.output_mtok, input)) / 1e6;
  return { input_price: inputPrice, output_price: outputPrice, total_price: inputPrice + outputPrice };
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
      const counts = priceableUsage(usage);
      // Prices that change by date or time of day go through the package's own calculation.
      const priced = Array.isArray(prices.prices) ? calcPrice(counts, "model", { provider: prices.list, timestamp: new Date() }) : tokenPrice(prices.prices, counts);
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
