import { getProvider } from "@/lib/providers/registry";
import { findCatalogModel, type CatalogEntry } from "./index";
import data from "./openrouter-ids.json";

/** A model at one of our providers, by the id that provider knows it by. */
export interface ProviderModel {
  provider: string;
  model: string;
}

interface AuthorRule {
  provider: string;
  /** Anthropic writes versions with dashes where OpenRouter writes dots (claude-sonnet-4.5). */
  versionDots?: string;
}

const authors: Record<string, AuthorRule> = data.authors;

/** `together/meta-llama/Llama-…` → together + `meta-llama/Llama-…`: the first segment is always our provider. */
function providerModel(id: string): ProviderModel {
  const slash = id.indexOf("/");
  return { provider: id.slice(0, slash), model: id.slice(slash + 1) };
}

const aliases = new Map(Object.entries(data.aliases).map(([id, targets]) => [id, targets.map(providerModel)]));
// The way back, for an OpenRouter credential: the first OpenRouter id naming a provider's model.
const openRouterIds = new Map<string, string>();
for (const [id, targets] of aliases) for (const t of targets) if (!openRouterIds.has(`${t.provider}/${t.model}`)) openRouterIds.set(`${t.provider}/${t.model}`, id);
const authorOf = new Map(Object.entries(authors).map(([author, rule]) => [rule.provider, author]));

/**
 * Where our providers serve an OpenRouter model id (`anthropic/claude-sonnet-4.5`, `meta-llama/…`):
 * the alias table first, then the author's own provider under the same name (`x-ai/grok-4` →
 * xai `grok-4`). Undefined for an id neither knows.
 */
export function openRouterTargets(id: string): ProviderModel[] | undefined {
  const listed = aliases.get(id) ?? aliases.get(id.toLowerCase());
  if (listed) return listed;
  const slash = id.indexOf("/");
  const rule = slash > 0 ? authors[id.slice(0, slash).toLowerCase()] : undefined;
  if (!rule) return undefined;
  const name = id.slice(slash + 1);
  return [{ provider: rule.provider, model: rule.versionDots ? name.replace(/(\d)\.(\d)/g, `$1${rule.versionDots}$2`) : name }];
}

/** The id OpenRouter knows a provider's model by, when we know it: from the alias table, else its author's name. */
export function openRouterIdOf(provider: string, model: string, options: { aliasesOnly?: boolean } = {}): string | undefined {
  const listed = openRouterIds.get(`${provider}/${model}`);
  if (listed || options.aliasesOnly) return listed;
  const author = authorOf.get(provider);
  return author ? `${author}/${model}` : undefined;
}

/**
 * The alias table as model-list entries, each under the first of `providers` that serves it,
 * else OpenRouter's own when it is one of them.
 */
export function aliasEntries(providers: Set<string>): CatalogEntry[] {
  return [...aliases].flatMap(([id, targets]): CatalogEntry[] => {
    const served = targets.find((t) => providers.has(t.provider)) ?? (providers.has("openrouter") ? { provider: "openrouter", model: id } : undefined);
    if (!served) return [];
    const entry = findCatalogModel(`${served.provider}/${served.model}`) ?? findCatalogModel(`${targets[0].provider}/${targets[0].model}`);
    const pricing = entry?.pricing ?? { prompt: "0", completion: "0" };
    return [{ id, name: entry?.name ?? id, provider: served.provider, model: served.model, context_length: entry?.context_length ?? 0, pricing }];
  });
}

/** What `openrouter/auto` picks among without an OpenRouter credential, best first. */
export const AUTO_CANDIDATES: ProviderModel[] = data.auto.map(providerModel);

const normalized = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const extraNames: Record<string, string[]> = data.providerNames;

/** Whether an OpenRouter provider name (`Anthropic`, `Google AI Studio`, `together`) names our provider. */
export function providerNamed(providerId: string, name: string): boolean {
  const wanted = normalized(name);
  const known = [providerId, getProvider(providerId)?.name ?? "", ...(extraNames[providerId] ?? [])];
  return known.some((candidate) => normalized(candidate) === wanted);
}

const searchModels: Record<string, string> = data.searchModels;

/** OpenAI answers web searches in Chat Completions only with its search models (gpt-4o-search-preview…). */
export function isOpenAiSearchModel(model: string): boolean {
  return /-search-(preview|api)/.test(model);
}

/** The search model standing in for a model when web search is asked for, if it has one. */
export function searchModelOf(provider: string, model: string): string | undefined {
  return searchModels[`${provider}/${model}`];
}

const maxMessages: Record<string, number> = data.maxMessages;

/** The most messages a provider takes in one request (Anthropic's 1000), when it has a limit. */
export function maxMessagesOf(provider: string): number | undefined {
  return maxMessages[provider];
}
