import { resolveBareModel, splitModelId } from "@/lib/providers/catalog";

export interface ModelTarget {
  provider: string;
  /** The id the upstream knows the model by. */
  model: string;
  /** What the client asked for. */
  requested: string;
}

/**
 * Where a model id can be served among the providers the user has configured.
 * `provider/model` goes to that provider (any model name: the catalog cannot know every one);
 * a bare name is looked up in the catalog, else offered to the user's custom endpoints.
 * OpenRouter, when configured, can serve any `vendor/model` as a last resort.
 * Returns null for a bare name nobody knows.
 */
export function resolveTargets(modelId: string, configured: Set<string>): ModelTarget[] | null {
  const split = splitModelId(modelId);
  if (split.provider) {
    const targets: ModelTarget[] = [];
    if (configured.has(split.provider)) targets.push({ provider: split.provider, model: split.model, requested: modelId });
    if (split.provider !== "openrouter" && configured.has("openrouter")) {
      targets.push({ provider: "openrouter", model: modelId, requested: modelId });
    }
    return targets;
  }
  const providers = resolveBareModel(split.model);
  if (providers.length === 0) {
    return configured.has("custom") ? [{ provider: "custom", model: split.model, requested: modelId }] : null;
  }
  const targets = providers
    .filter((provider) => configured.has(provider))
    .map((provider) => ({ provider, model: split.model, requested: modelId }));
  if (configured.has("openrouter") && !providers.includes("openrouter")) {
    targets.push({ provider: "openrouter", model: `${providers[0]}/${split.model}`, requested: modelId });
  }
  return targets;
}
