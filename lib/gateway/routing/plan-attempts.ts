import type { Caller } from "@/lib/auth/api-token";
import { GatewayError, badRequest } from "@/lib/errors/gateway-error";
import { circuitOpenUntil } from "./credential-health";
import { credentialsRefused, outOfServiceFor } from "./refused-credentials";
import { routingState } from "./routing-state";
import { orderCredentials } from "./strategies";
import { providerModels } from "@/lib/gateway/models/provider-models";
import { resolveTargets, type ModelTarget } from "./resolve-model";
import { usableCredentials, type UsableCredential } from "./user-credentials";

/** One way to try the request: a model at a provider, through one of the user's credentials. */
export interface Attempt extends ModelTarget {
  credential: UsableCredential;
}

function allowedByToken(caller: Caller, provider: string): boolean {
  return caller.allowedProviders.length === 0 || caller.allowedProviders.includes(provider);
}

/** A bare name the catalog does not know, found among the models the user's own credentials list. */
async function listedTargets(modelId: string, credentials: UsableCredential[]): Promise<ModelTarget[] | null> {
  const providers = [...new Map(credentials.map((c) => [c.provider, c])).values()];
  const listed = await Promise.all(providers.map(async (c) => ((await providerModels(c)).some((m) => m.id === modelId) ? c.provider : null)));
  const targets = listed.filter((p): p is string => p !== null).map((provider) => ({ provider, model: modelId, requested: modelId }));
  return targets.length ? targets : null;
}

/**
 * Every attempt for a request, in the order to try them: the first model's credentials (ordered by
 * the token's strategy), then each fallback model's. Cooling-down credentials go last, not away.
 * When none can serve it but some out of service could, the error names those.
 */
export async function planAttempts(caller: Caller, modelIds: string[], affinityKey?: string, now = Date.now()): Promise<Attempt[]> {
  const credentials = (await usableCredentials(caller.userId)).filter((c) => allowedByToken(caller, c.provider));
  const configured = new Set(credentials.map((c) => c.provider));
  const attempts: Attempt[] = [];
  const unresolved: string[] = [];
  for (const modelId of modelIds) {
    const targets = resolveTargets(modelId, configured) ?? (await listedTargets(modelId, credentials));
    if (targets === null) unresolved.push(modelId);
    for (const target of targets ?? []) {
      const pool = credentials.filter((c) => c.provider === target.provider);
      const ordered = await orderCredentials(pool, {
        strategy: caller.strategy,
        scope: `${caller.userId}:${target.provider}`,
        affinityKey,
        state: routingState(),
      });
      // Expired, cooling down or circuit-open credentials go last: tried only if nothing else answers.
      const restingUntil = (c: UsableCredential) => (c.expiresAt !== undefined && c.expiresAt <= now ? Infinity : Math.max(c.cooldownUntil, circuitOpenUntil(c.id)));
      const ready = ordered.filter((c) => restingUntil(c) <= now);
      const cooling = ordered.filter((c) => restingUntil(c) > now);
      for (const credential of [...ready, ...cooling]) attempts.push({ ...target, credential });
    }
  }
  if (attempts.length > 0) return attempts;
  const refused = await outOfServiceFor(caller, modelIds);
  if (refused.length > 0) throw credentialsRefused(refused);
  if (unresolved.length === modelIds.length) {
    throw badRequest(`Unknown model '${modelIds[0]}': use 'provider/model' (e.g. 'openai/gpt-4o') or a model listed by GET /v1/models`, "model");
  }
  throw new GatewayError(
    503,
    "service_unavailable",
    `No configured provider can serve '${modelIds[0]}'${caller.allowedProviders.length ? " with this token's allowed providers" : ""}: add a credential for it in Providers`,
    { code: "no_provider" },
  );
}
