import { getProvider, resolveBaseUrl } from "@/lib/providers/registry";
import type { UpstreamContext } from "@/lib/providers/types";
import type { Attempt } from "@/lib/gateway/routing/plan-attempts";

/** Everything an adapter needs for this attempt; the only place base URLs meet the environment. */
export function upstreamContext(attempt: Attempt, id: string, created: number, passHeaders?: Record<string, string>): UpstreamContext {
  const provider = getProvider(attempt.provider);
  if (!provider) throw new Error(`Provider ${attempt.provider} is not in the registry`);
  const { credential } = attempt;
  return {
    provider: attempt.provider,
    baseUrl: resolveBaseUrl(attempt.provider, { credentialBaseUrl: credential.baseUrl, accountId: credential.accountId }, process.env),
    model: attempt.model,
    credential: { secret: credential.secret, kind: credential.kind, accountId: credential.accountId },
    passHeaders,
    id,
    created,
    quirks: provider.quirks,
  };
}
