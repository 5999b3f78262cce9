import type { ChatRequest } from "@/lib/providers/types";
import type { ModelId, Variant } from "./model-id";
import type { ModelTarget } from "./resolve-model";
import { requestedWebSearch, searchSupport } from "./web-search";

/** Variants that only OpenRouter can honour: its free endpoints, its vetted providers. */
const OPENROUTER_ONLY: Partial<Record<Variant, string>> = {
  free: "':free' asks for OpenRouter's free endpoints of the model",
  exacto: "':exacto' asks for OpenRouter's tool-calling-vetted providers",
};

/** Why a direct target cannot take this model id at all, or null. */
function openRouterOnly(id: ModelId, chat: ChatRequest): string | null {
  for (const variant of id.variants) if (OPENROUTER_ONLY[variant]) return `${OPENROUTER_ONLY[variant]}: only an OpenRouter credential can serve it`;
  if (id.preset !== undefined || chat.preset !== undefined) return "presets are saved at OpenRouter: only an OpenRouter credential can use one";
  return null;
}

/**
 * One model's targets with its variants given the meaning they can have at the caller's own
 * providers: `:thinking` turns reasoning on, `:online` (and the web plugin, the web search server
 * tool, web_search_options) asks for the provider's own web search. OpenRouter's target takes the
 * id as written. What a direct provider cannot do leaves it out, with the reason.
 */
export function applyVariants(id: ModelId, targets: ModelTarget[], chat: ChatRequest): { kept: ModelTarget[]; excluded: string[] } {
  const kept: ModelTarget[] = [];
  const excluded: string[] = [];
  const refusal = openRouterOnly(id, chat);
  const search = requestedWebSearch(chat, id.variants.has("online"));
  for (const target of targets) {
    if (target.provider === "openrouter") {
      kept.push(target);
      continue;
    }
    if (refusal) {
      excluded.push(refusal);
      continue;
    }
    const overrides: Partial<ChatRequest> = id.variants.has("thinking") && !chat.reasoning ? { reasoning: { enabled: true } } : {};
    const support = search ? searchSupport(target.provider, target.model, chat, search) : null;
    if (support && "refused" in support) {
      excluded.push(`web search: ${support.refused}`);
      continue;
    }
    Object.assign(overrides, support?.overrides);
    kept.push({ ...target, model: support?.model ?? target.model, ...(Object.keys(overrides).length ? { overrides } : {}) });
  }
  return { kept, excluded };
}
