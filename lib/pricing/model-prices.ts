import { calcPrice, type ModelInfo, type Provider } from "@pydantic/genai-prices";
import { env } from "@/lib/config/env";
import { findCatalogModel } from "@/lib/providers/catalog";

/** Where a model's price came from, best first. */
export type PriceSource = "override" | "genai-prices" | "catalog";

/** One model's prices, as a one-model price list the cost calculation runs on. */
export interface ModelPrices {
  source: PriceSource;
  /** The model's entry in that source (an override's or the catalogue's `provider/model`). */
  id: string;
  /** The model's prices: one set, or sets by date or time of day (genai-prices' shape). */
  prices: ModelInfo["prices"];
  /** The same as a one-model price list, for the package's own calculation. */
  list: Provider;
}

// @pydantic/genai-prices ships its price data inside the package; updatePrices() (which would
// fetch newer data) is never called, so nothing is downloaded at run time.
const GENAI_PROVIDER: Record<string, string | undefined> = {
  anthropic: "anthropic", openai: "openai", google: "google", mistral: "mistral", groq: "groq", xai: "x-ai",
  deepseek: "deepseek", together: "together", cohere: "cohere", "cloudflare-ai": "cloudflare", openrouter: "openrouter",
};

const PRICED_AS = "model";

function oneModelList(source: PriceSource, id: string, prices: ModelInfo["prices"]): ModelPrices {
  const model: ModelInfo = { id: PRICED_AS, match: { equals: PRICED_AS }, prices };
  return { source, id, prices, list: { id: source, name: source, api_pattern: "", models: [model] } };
}

function fromOverrides(provider: string, model: string): ModelPrices | null {
  const overrides = env().PRICE_OVERRIDES_FILE;
  if (!overrides) return null;
  for (const key of [`${provider}/${model}`, `${provider}/*`]) {
    const prices = overrides[key];
    if (prices) return oneModelList("override", key, { ...prices });
  }
  return null;
}

function fromGenaiPrices(provider: string, model: string): ModelPrices | null {
  const providerId = GENAI_PROVIDER[provider];
  if (!providerId) return null;
  // A zero usage only finds the model; the price is computed later, per request.
  const found = calcPrice({}, model, { providerId });
  return found ? oneModelList("genai-prices", `${found.provider.id}/${found.model.id}`, found.model.prices) : null;
}

function fromCatalog(provider: string, model: string): ModelPrices | null {
  const entry = findCatalogModel(`${provider}/${model}`);
  if (!entry) return null;
  const input = Number(entry.pricing.prompt);
  const output = Number(entry.pricing.completion);
  if (!Number.isFinite(input) || !Number.isFinite(output) || input < 0 || output < 0) return null;
  return oneModelList("catalog", entry.id, { input_mtok: input, output_mtok: output });
}

const MAX_CACHED = 5_000;
const cache = new Map<string, ModelPrices | null>();

/**
 * A model's prices at a provider: the operator's override file, then @pydantic/genai-prices, then
 * our catalogue; null when none knows it (its cost is then unknown, never $0). Looked up once
 * per provider and model, then from memory.
 */
export function modelPrices(provider: string, model: string): ModelPrices | null {
  const key = `${provider}\n${model}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const name = model.replace(/^models\//, "");
  const found = fromOverrides(provider, name) ?? fromGenaiPrices(provider, name) ?? fromCatalog(provider, name);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, found);
  return found;
}

/** For tests that change PRICE_OVERRIDES_FILE. */
export function clearModelPrices(): void {
  cache.clear();
}
