import { findCatalogModel } from "@/lib/providers/catalog";
import { providerNamed } from "@/lib/providers/catalog/openrouter-ids";
import { getProvider } from "@/lib/providers/registry";
import { unsupportedParameters } from "@/lib/providers/supported-parameters";
import type { ChatRequest } from "@/lib/providers/types";
import { knownLatency } from "./latency-book";
import { parseModelId } from "./model-id";
import type { ModelTarget } from "./resolve-model";
import type { UsableCredential } from "./user-credentials";

export type SortBy = "price" | "throughput" | "latency";

/** OpenRouter's `provider` object: applied to the caller's own providers, sent verbatim to OpenRouter. */
export interface ProviderPreferences {
  order?: string[];
  only?: string[];
  ignore?: string[];
  allow_fallbacks?: boolean;
  require_parameters?: boolean;
  sort?: SortBy | { by?: SortBy | null; partition?: string | null };
  /** USD per million tokens. */
  max_price?: { prompt?: number; completion?: number; request?: number; image?: number };
  [other: string]: unknown;
}

const OPENROUTER = "openrouter";
const named = (names: string[] | undefined, provider: string) => (names ?? []).some((name) => providerNamed(provider, name));
const nameOf = (provider: string) => getProvider(provider)?.name ?? provider;

/** Catalog prices in USD per million tokens (OpenRouter's ids priced without their variants); undefined when unknown. */
export function targetPrice(target: Pick<ModelTarget, "provider" | "model">): { prompt: number; completion: number } | undefined {
  const model = target.provider === OPENROUTER ? parseModelId(target.model).base : target.model;
  const pricing = findCatalogModel(`${target.provider}/${model}`)?.pricing;
  return pricing ? { prompt: Number(pricing.prompt), completion: Number(pricing.completion) } : undefined;
}

/** Why the preferences leave a direct target out, or null to keep it. */
function exclusion(target: ModelTarget, prefs: ProviderPreferences, chat: ChatRequest): string | null {
  const name = nameOf(target.provider);
  if (named(prefs.ignore, target.provider)) return `${name} is in provider.ignore`;
  if (target.provider === OPENROUTER) return null; // OpenRouter applies the rest itself.
  if (prefs.only && !named(prefs.only, target.provider)) return `${name} is not in provider.only`;
  if (prefs.allow_fallbacks === false && prefs.order && !named(prefs.order, target.provider)) return `${name} is not in provider.order and allow_fallbacks is false`;
  if (prefs.require_parameters) {
    const missing = unsupportedParameters(target.provider, target.model, { ...chat, ...target.overrides });
    if (missing.length) return `${name} does not support ${missing.join(", ")} (provider.require_parameters)`;
  }
  const price = targetPrice(target);
  const max = prefs.max_price;
  if (price && max && ((max.prompt !== undefined && price.prompt > max.prompt) || (max.completion !== undefined && price.completion > max.completion))) {
    return `${name} charges ${price.prompt}/${price.completion} USD per million tokens for ${target.model}, above provider.max_price`;
  }
  return null;
}

/** The targets the preferences allow, and why the others were left out. */
export function filterTargets(targets: ModelTarget[], prefs: ProviderPreferences | undefined, chat: ChatRequest): { kept: ModelTarget[]; excluded: string[] } {
  if (!prefs) return { kept: targets, excluded: [] };
  const kept: ModelTarget[] = [];
  const excluded: string[] = [];
  for (const target of targets) {
    const reason = exclusion(target, prefs, chat);
    if (reason) excluded.push(reason);
    else kept.push(target);
  }
  return { kept, excluded };
}

export function sortOf(prefs: ProviderPreferences | undefined): SortBy | undefined {
  const sort = prefs?.sort;
  return typeof sort === "string" ? sort : (sort?.by ?? undefined);
}

interface Ranked {
  provider: string;
  model: string;
  credential: Pick<UsableCredential, "id">;
}

/** Lower is tried first: measured latency for throughput and latency, the catalog's price for price; unknown last. */
function sortKey(attempt: Ranked, by: SortBy): number {
  if (by === "price") {
    const price = targetPrice(attempt);
    return price ? price.prompt + price.completion : Infinity;
  }
  return knownLatency(attempt.credential.id, attempt.model) ?? Infinity;
}

/**
 * One model's attempts in the order the preferences ask: providers named in `order` first, in
 * that order, then by `sort`; the rest keep the routing strategy's order (the sort is stable).
 * Without `order`, `allow_fallbacks: false` keeps only the first provider.
 */
export function orderAttempts<T extends Ranked>(attempts: T[], prefs: ProviderPreferences | undefined, by: SortBy | undefined): T[] {
  const order = prefs?.order ?? [];
  const rank = (attempt: T) => {
    const at = order.findIndex((name) => providerNamed(attempt.provider, name));
    return at < 0 ? order.length : at;
  };
  const compare = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);
  const sorted = order.length || by ? [...attempts].sort((a, b) => compare(rank(a), rank(b)) || (by ? compare(sortKey(a, by), sortKey(b, by)) : 0)) : attempts;
  if (prefs?.allow_fallbacks !== false || order.length || !sorted.length) return sorted;
  return sorted.filter((a) => a.provider === sorted[0].provider && a.model === sorted[0].model);
}
