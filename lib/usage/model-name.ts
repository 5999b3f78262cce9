import { resolveBareModel, splitModelId } from "@/lib/providers/catalog";
import { getProvider } from "@/lib/providers/registry";

// OpenRouter names models under their makers; these makers are providers of ours too.
const MAKER_PROVIDER: Record<string, string> = { "x-ai": "xai", mistralai: "mistral" };

/** A model asked for by a bare name, under the provider the catalogue serves it from. */
function requestedName(modelRequested: string): string {
  const { provider, model } = splitModelId(modelRequested);
  if (provider) return `${provider}/${model}`;
  const [served] = resolveBareModel(model);
  return served ? `${served}/${model}` : modelRequested;
}

/**
 * One name per model for charts: `provider/model` with the provider that answered and the model
 * as it answered (`google/gemini-2.5-flash`, whether asked as `gemini-2.5-flash` or through
 * OpenRouter); a request that reached no provider goes under the name it asked for.
 */
export function chartModelName(provider: string | null, modelUsed: string | null, modelRequested: string): string {
  if (!provider) return requestedName(modelRequested);
  const model = (modelUsed ?? modelRequested).replace(/^models\//, "");
  const slash = model.indexOf("/");
  if (slash > 0) {
    const head = model.slice(0, slash).toLowerCase();
    const maker = MAKER_PROVIDER[head] ?? head;
    if (head === provider || (provider === "openrouter" && getProvider(maker))) return `${maker}/${model.slice(slash + 1)}`;
  }
  return `${provider}/${model}`;
}
