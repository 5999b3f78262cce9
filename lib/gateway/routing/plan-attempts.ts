import type { Caller } from "@/lib/auth/api-token";
import { GatewayError, badRequest } from "@/lib/errors/gateway-error";
import { AUTO_CANDIDATES } from "@/lib/providers/catalog/openrouter-ids";
import type { ChatRequest } from "@/lib/providers/types";
import { circuitOpenUntil } from "./credential-health";
import { credentialsRefused, outOfServiceFor } from "./refused-credentials";
import { routingState } from "./routing-state";
import { orderCredentials } from "./strategies";
import { providerModels } from "@/lib/gateway/models/provider-models";
import { parseModelId, type ModelId } from "./model-id";
import { filterTargets, orderAttempts, sortOf, type ProviderPreferences } from "./provider-preferences";
import { resolveTargets, type ModelTarget } from "./resolve-model";
import { usableCredentials, type UsableCredential } from "./user-credentials";
import { applyVariants } from "./variant-targets";

/** One way to try the request: a model at a provider, through one of the user's credentials. */
export interface Attempt extends ModelTarget {
  credential: UsableCredential;
}

export interface PlanOptions {
  /** The request, whose provider preferences and asks (web search, parameters) narrow the providers. */
  chat?: ChatRequest;
  /** A stable key (the request's `user`) that should keep landing on the same credential. */
  affinityKey?: string;
  now?: number;
}

export function allowedByToken(caller: Caller, provider: string): boolean {
  return caller.allowedProviders.length === 0 || caller.allowedProviders.includes(provider);
}

/** A bare name the catalog does not know, found among the models the user's own credentials list. */
async function listedTargets(modelId: string, credentials: UsableCredential[]): Promise<ModelTarget[] | null> {
  const providers = [...new Map(credentials.map((c) => [c.provider, c])).values()];
  const listed = await Promise.all(providers.map(async (c) => ((await providerModels(c)).some((m) => m.id === modelId) ? c.provider : null)));
  const targets = listed.filter((p): p is string => p !== null).map((provider) => ({ provider, model: modelId, requested: modelId }));
  return targets.length ? targets : null;
}

/** Each target's credentials in the token's strategy order; expired, cooling-down or circuit-open ones last, not away. */
async function credentialAttempts(caller: Caller, targets: ModelTarget[], credentials: UsableCredential[], affinityKey: string | undefined, now: number): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const restingUntil = (c: UsableCredential) => (c.expiresAt !== undefined && c.expiresAt <= now ? Infinity : Math.max(c.cooldownUntil, circuitOpenUntil(c.id)));
  for (const target of targets) {
    const pool = credentials.filter((c) => c.provider === target.provider);
    const ordered = await orderCredentials(pool, { strategy: caller.strategy, scope: `${caller.userId}:${target.provider}`, affinityKey, state: routingState() });
    const ready = ordered.filter((c) => restingUntil(c) <= now);
    const cooling = ordered.filter((c) => restingUntil(c) > now);
    for (const credential of [...ready, ...cooling]) attempts.push({ ...target, credential });
  }
  return attempts;
}

/**
 * Every attempt for a request, in the order to try them: the first model's (its providers as the
 * `provider` preferences and variants such as `:floor` order them, each provider's credentials
 * by the token's strategy), then each fallback model's. When none can serve it but some out of
 * service could, the error names those.
 */
export async function planAttempts(caller: Caller, modelIds: string[], options: PlanOptions = {}): Promise<Attempt[]> {
  const now = options.now ?? Date.now();
  const chat: ChatRequest = options.chat ?? { model: modelIds[0], messages: [] };
  const prefs = chat.provider as ProviderPreferences | undefined;
  const credentials = (await usableCredentials(caller.userId)).filter((c) => allowedByToken(caller, c.provider));
  const configured = new Set(credentials.map((c) => c.provider));
  const attempts: Attempt[] = [];
  const why = { unresolved: [] as string[], refused: [] as string[], excluded: [] as string[] };
  for (const modelId of modelIds) {
    const id = parseModelId(modelId);
    const resolved = resolveTargets(id, configured) ?? (await listedTargets(id.base, credentials));
    if (resolved === null) {
      why.unresolved.push(modelId);
      continue;
    }
    const variants = applyVariants(id, resolved, chat);
    const allowed = filterTargets(variants.kept, prefs, chat);
    why.refused.push(...variants.excluded);
    why.excluded.push(...allowed.excluded);
    const sort = id.variants.has("nitro") ? "throughput" : id.variants.has("floor") ? "price" : sortOf(prefs);
    attempts.push(...orderAttempts(await credentialAttempts(caller, allowed.kept, credentials, options.affinityKey, now), prefs, sort));
  }
  if (attempts.length > 0) return attempts;
  const refused = await outOfServiceFor(caller, modelIds);
  if (refused.length > 0) throw credentialsRefused(refused);
  throw noAttempts(caller, modelIds, why);
}

const unique = (reasons: string[]) => [...new Set(reasons)].join("; ");

/** Why nothing can be tried: an unknown model or an ask no provider of the caller's can meet (400), else no provider (503). */
function noAttempts(caller: Caller, modelIds: string[], why: { unresolved: string[]; refused: string[]; excluded: string[] }): GatewayError {
  const model = modelIds[0];
  if (why.unresolved.length === modelIds.length) {
    return badRequest(`Unknown model '${model}': use 'provider/model' (e.g. 'openai/gpt-4o') or a model listed by GET /v1/models`, "model");
  }
  if (why.refused.length) return badRequest(`'${model}' cannot be served as asked: ${unique(why.refused)}`, "model");
  if (modelIds.map(parseModelId).some((id: ModelId) => id.base === "openrouter/auto")) {
    const providers = [...new Set(AUTO_CANDIDATES.map((c) => c.provider))].join(", ");
    return badRequest(`'openrouter/auto' needs an OpenRouter credential, or one for a provider it can pick from (${providers}): add one in Providers`, "model");
  }
  if (why.excluded.length) {
    return new GatewayError(503, "service_unavailable", `No provider meets the routing preferences for '${model}': ${unique(why.excluded)}`, { code: "no_provider" });
  }
  return new GatewayError(
    503,
    "service_unavailable",
    `No configured provider can serve '${model}'${caller.allowedProviders.length ? " with this token's allowed providers" : ""}: add a credential for it in Providers`,
    { code: "no_provider" },
  );
}
