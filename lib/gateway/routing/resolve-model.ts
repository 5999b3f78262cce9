import { resolveBareModel, splitModelId } from "@/lib/providers/catalog";
import { AUTO_CANDIDATES, openRouterIdOf, openRouterTargets, type ProviderModel } from "@/lib/providers/catalog/openrouter-ids";
import type { ChatRequest } from "@/lib/providers/types";
import { suffixOf, type ModelId } from "./model-id";

export interface ModelTarget {
  provider: string;
  /** The id the upstream knows the model by. */
  model: string;
  /** What the client asked for. */
  requested: string;
  /** What this target changes in the request (a variant's reasoning or web search). */
  overrides?: Partial<ChatRequest>;
}

const OPENROUTER = "openrouter";
const AUTO = "auto";

const target = (provider: string, model: string, requested: string): ModelTarget => ({ provider, model, requested });

/** `openrouter/auto`, `openrouter/anthropic/claude-sonnet-4.5`: models named through OpenRouter itself. */
function throughOpenRouter(id: ModelId, configured: Set<string>): ModelTarget[] {
  const rest = id.id.slice(OPENROUTER.length + 1);
  const targets = configured.has(OPENROUTER) ? [target(OPENROUTER, rest.includes("/") ? rest : id.id, id.id)] : [];
  // Without OpenRouter's auto router, auto is the best model the caller's own credentials reach.
  if (id.base === `${OPENROUTER}/${AUTO}`) {
    for (const pick of AUTO_CANDIDATES) if (configured.has(pick.provider)) targets.push(target(pick.provider, pick.model, id.id));
  }
  return targets;
}

/** The direct targets the caller has credentials for, then OpenRouter with the model under its id. */
function withOpenRouter(direct: ProviderModel[], openRouterModel: string, id: ModelId, configured: Set<string>): ModelTarget[] {
  const targets = direct.filter((t) => configured.has(t.provider)).map((t) => target(t.provider, t.model, id.id));
  if (configured.has(OPENROUTER) && !direct.some((t) => t.provider === OPENROUTER)) targets.push(target(OPENROUTER, openRouterModel, id.id));
  return targets;
}

/**
 * Where a model id can be served among the providers the user has configured, direct providers
 * first, OpenRouter (which takes its own ids, variants included) last:
 * an OpenRouter id (`anthropic/claude-sonnet-4.5`, `meta-llama/…`, `x-ai/grok-4`) goes where the
 * alias table or its author says; `provider/model` goes to that provider as written (the catalog
 * cannot know every model); a bare name is looked up in the catalog, else offered to the user's
 * custom endpoints. Returns null for a bare name nobody knows.
 */
export function resolveTargets(id: ModelId, configured: Set<string>): ModelTarget[] | null {
  const split = splitModelId(id.base);
  if (!id.base || split.provider === OPENROUTER) return id.base ? throughOpenRouter(id, configured) : withOpenRouter([], id.id, id, configured);
  const suffix = suffixOf(id);
  const aliased = openRouterTargets(id.base);
  if (aliased) {
    // Our own spelling of a model the alias table knows (anthropic/claude-sonnet-4-5) goes to OpenRouter under its.
    const known = aliased.length === 1 ? openRouterIdOf(aliased[0].provider, aliased[0].model, { aliasesOnly: true }) : undefined;
    return withOpenRouter(aliased, known ? known + suffix : id.id, id, configured);
  }
  if (split.provider) {
    const direct = [{ provider: split.provider, model: split.model }];
    return withOpenRouter(direct, (openRouterIdOf(split.provider, split.model) ?? id.base) + suffix, id, configured);
  }
  const providers = resolveBareModel(split.model);
  if (providers.length === 0) return configured.has("custom") ? [target("custom", split.model, id.id)] : null;
  const direct = providers.map((provider) => ({ provider, model: split.model }));
  return withOpenRouter(direct, (openRouterIdOf(providers[0], split.model) ?? `${providers[0]}/${split.model}`) + suffix, id, configured);
}
