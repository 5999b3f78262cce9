import { authenticateApiToken } from "@/lib/auth/api-token";
import { readPresentedToken } from "@/lib/auth/read-bearer";
import { errorResponseFor } from "@/lib/errors/render-for-path";
import { notFound } from "@/lib/errors/gateway-error";
import { apiPublicUrl } from "@/lib/config/env";
import { catalog, type CatalogEntry } from "@/lib/providers/catalog";
import { aliasEntries } from "@/lib/providers/catalog/openrouter-ids";
import { usableCredentials } from "@/lib/gateway/routing/user-credentials";
import { cachedModelCard, type ModelCard } from "./model-card";
import { matchesQuery, modelPage, parseModelQuery } from "./model-query";
import { providerModels } from "./provider-models";
import { LeanResponse } from "@/lib/http/lean-response";

/**
 * The catalog for anonymous callers; for a token, the catalog's models of its account's enabled,
 * allowed providers, plus what those credentials list at their providers (custom endpoints too).
 * `queryKeyUrl` only where the dialect takes `?key=` (Gemini's /v1beta).
 */
export async function visibleModels(request: Request, queryKeyUrl?: URL): Promise<CatalogEntry[]> {
  if (!readPresentedToken(request, queryKeyUrl)) return catalog;
  const caller = await authenticateApiToken(request, queryKeyUrl);
  const allowed = (provider: string) => caller.allowedProviders.length === 0 || caller.allowedProviders.includes(provider);
  const credentials = (await usableCredentials(caller.userId)).filter((c) => allowed(c.provider));
  const providers = new Set(credentials.map((c) => c.provider));
  const models = catalog.filter((entry) => providers.has(entry.provider));
  const known = new Set(models.map((m) => m.id));
  const listed = await Promise.all(credentials.map(async (c) => (await providerModels(c)).map((m) => ({ ...m, provider: c.provider }))));
  for (const model of listed.flat()) {
    const id = `${model.provider}/${model.id}`;
    if (known.has(id)) continue;
    known.add(id);
    models.push({ id, name: model.name ?? model.id, context_length: model.context_length ?? 0, pricing: { prompt: "0", completion: "0" }, provider: model.provider, model: model.id });
  }
  return withAliases(models, providers);
}

/** The models plus OpenRouter's ids for them (anthropic/claude-sonnet-4.5, meta-llama/…) that these providers serve. */
function withAliases(models: CatalogEntry[], providers: Set<string>): CatalogEntry[] {
  const known = new Set(models.map((m) => m.id));
  return [...models, ...aliasEntries(providers).filter((alias) => !known.has(alias.id))];
}

/** The caller's models as cards, filtered by the query's OpenRouter filters. */
async function filteredCards(request: Request, url: URL): Promise<{ cards: ModelCard[]; query: ReturnType<typeof parseModelQuery> }> {
  const query = parseModelQuery(url);
  const apiUrl = apiPublicUrl();
  const cards = (await visibleModels(request)).map((entry) => cachedModelCard(entry, apiUrl)).filter((card) => matchesQuery(card, query));
  return { cards, query };
}

/** GET /v1/models (and /api/v1/models): OpenAI's list, with OpenRouter's fields, filters and pages. */
export async function handleListModels(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const { cards, query } = await filteredCards(request, url);
    return LeanResponse.json(modelPage(cards, query, url));
  } catch (error) {
    return errorResponseFor(request, error);
  }
}

/** GET /api/v1/models/count: how many models the same filters let through. */
export async function handleCountModels(request: Request): Promise<Response> {
  try {
    const { cards } = await filteredCards(request, new URL(request.url));
    return LeanResponse.json({ data: { count: cards.length } });
  } catch (error) {
    return errorResponseFor(request, error);
  }
}

/** GET /v1/models/{id} (the id may contain slashes). */
export async function handleGetModel(request: Request, id: string): Promise<Response> {
  try {
    const model = (await visibleModels(request)).find((entry) => entry.id === id || entry.model === id);
    if (!model) throw notFound(`Model '${id}' is not available`);
    return LeanResponse.json(cachedModelCard(model, apiPublicUrl()));
  } catch (error) {
    return errorResponseFor(request, error);
  }
}
