import { getProvider } from "@/lib/providers/registry";
import models from "./models.json";

/** One model of the shipped catalog. Prices are USD per million tokens, as strings (as OpenRouter). */
export interface CatalogModel {
  /** `provider/model`. */
  id: string;
  name: string;
  provider: string;
  context_length: number;
  pricing: { prompt: string; completion: string };
  embedding?: boolean;
}

export interface CatalogEntry extends CatalogModel {
  /** The id the provider itself uses. */
  model: string;
}

export const catalog: CatalogEntry[] = (models as CatalogModel[]).map((entry) => ({ ...entry, model: entry.id.slice(entry.provider.length + 1) }));

const byId = new Map(catalog.map((entry) => [entry.id, entry]));
const byBareName = new Map<string, string[]>();
for (const entry of catalog) {
  // OpenRouter's entries are `vendor/model` names of other providers' models, not bare names.
  if (entry.provider === "openrouter") continue;
  byBareName.set(entry.model, [...(byBareName.get(entry.model) ?? []), entry.provider]);
}

/**
 * `provider/model` when the first segment names a provider we know; otherwise the whole id is a
 * bare model name (`meta-llama/Meta-Llama-3.1-405B…` is a Together model, not a provider).
 */
export function splitModelId(id: string): { provider?: string; model: string } {
  const slash = id.indexOf("/");
  const head = slash > 0 ? id.slice(0, slash).toLowerCase() : "";
  return head && getProvider(head) ? { provider: head, model: id.slice(slash + 1) } : { model: id };
}

/** A catalog entry by its full `provider/model` id. */
export function findCatalogModel(id: string): CatalogEntry | undefined {
  return byId.get(id) ?? byId.get(id.toLowerCase());
}

/** The providers whose catalog lists this bare model name, e.g. "gpt-4o" → ["openai"]. */
export function resolveBareModel(name: string): string[] {
  return byBareName.get(name) ?? byBareName.get(name.toLowerCase()) ?? [];
}
